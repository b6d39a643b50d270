package com.docsdk.testkit;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.OpenApiInteractionValidator.SpecSource;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.util.OpenApiLoader;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks that the requests a client sent to WireMock are what a vendor's OpenAPI spec allows: path and method, path
 * and query parameters (presence and type), headers (required header parameters and the security scheme's
 * credential headers), content type and request body (against the body schema). The specs are the SDK's own
 * ({@code openapi/<vendor>.yaml}), bundled in this jar; responses are not checked. Security requirements are checked
 * by header presence: the document's top-level {@code security} applies to operations without their own, and an
 * OAuth2 scheme is satisfied by an {@code Authorization: Bearer} header.
 *
 * <pre>{@code
 * @RegisterExtension
 * static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
 *
 * @Test
 * void listsFilesTheWayTheApiExpects() {
 *     wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson("{\"files\": []}")));
 *     // ... run the code under test against wm.baseUrl() ...
 *     OpenApiContract.assertRequestsMatchSpec(wm, "fileai");
 * }
 * }</pre>
 *
 * <p>Every request in WireMock's request journal is checked; requests that are not meant for the vendor's API (a
 * simulated presigned S3 download on the same server, say) are left out with
 * {@link #assertRequestsMatch(Admin, Predicate)}. A request path is matched against the spec's paths as sent and,
 * when it starts with the path of one of the spec's servers (e.g. {@code /v2} of {@code https://api.example.com/v2}),
 * also without that prefix, so a client may point at {@code wm.baseUrl()} with or without it.
 *
 * <p>Building a contract parses the spec (around a second); keep one per vendor for a test class and reuse it.
 * Instances are immutable and thread-safe.
 */
public final class OpenApiContract {
    /** The vendors whose specs this jar bundles, as accepted by {@link #forVendor(String)}. */
    public static final Set<String> VENDORS = Set.of("fileai", "webadmit", "smartdocumentor", "dcycle",
            "document360");

    private static final String SPEC_FOLDER = "openapi/";
    private static final String PATH_MISSING = "validation.request.path.missing";

    private final String name;
    private final OpenApiInteractionValidator validator;
    private final List<String> serverPathPrefixes;

    private OpenApiContract(String name, String specYaml) {
        this.name = name;
        OpenAPI api = new OpenApiLoader().loadApi(SpecSource.inline(specYaml), List.of(), validatorParseOptions());
        applyGlobalSecurity(api);
        checkOAuth2AsBearer(api);
        this.serverPathPrefixes = serverPathPrefixes(api);
        this.validator = OpenApiInteractionValidator.createFor(api)
                // The spec's paths are matched as written; server path prefixes are handled in violations().
                .withBasePathOverride("/")
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.response", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * The contract of one vendor's API.
     *
     * @param vendor one of {@link #VENDORS}: {@code fileai}, {@code webadmit}, {@code smartdocumentor},
     *     {@code dcycle}, {@code document360}
     * @throws IllegalArgumentException for any other name
     */
    public static OpenApiContract forVendor(String vendor) {
        Objects.requireNonNull(vendor, "vendor");
        if (!VENDORS.contains(vendor)) {
            throw new IllegalArgumentException("unknown vendor '" + vendor + "'; known: " + new TreeSet<>(VENDORS));
        }
        return new OpenApiContract(vendor, specYaml(vendor));
    }

    /** A contract for any OpenAPI 3 document given as YAML or JSON text, e.g. a spec of your own. */
    public static OpenApiContract forSpecification(String name, String specYamlOrJson) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specYamlOrJson, "specYamlOrJson");
        return new OpenApiContract(name, specYamlOrJson);
    }

    /**
     * The bundled spec of a vendor as YAML text, for tools of your own.
     *
     * @throws IllegalArgumentException for a vendor not in {@link #VENDORS}
     */
    public static String specYaml(String vendor) {
        if (!VENDORS.contains(vendor)) {
            throw new IllegalArgumentException("unknown vendor '" + vendor + "'; known: " + new TreeSet<>(VENDORS));
        }
        try (InputStream in = OpenApiContract.class.getResourceAsStream(SPEC_FOLDER + vendor + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("spec " + vendor + ".yaml is missing from the sdk-testkit jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks every request in the journal of {@code wireMock} (a {@code WireMockServer} or a
     * {@code WireMockExtension}) against the vendor's spec. Parses the spec on each call: to check several times,
     * keep {@link #forVendor(String)} and call {@link #assertRequestsMatch(Admin)}.
     *
     * @throws AssertionError listing every violation, request by request
     */
    public static void assertRequestsMatchSpec(Admin wireMock, String vendor) {
        forVendor(vendor).assertRequestsMatch(wireMock);
    }

    /** As {@link #assertRequestsMatchSpec(Admin, String)}, for a WireMock server reached through its client. */
    public static void assertRequestsMatchSpec(WireMock wireMock, String vendor) {
        forVendor(vendor).assertRequestsMatch(wireMock);
    }

    /**
     * Checks every request in the journal of {@code wireMock} against this spec.
     *
     * @throws AssertionError listing every violation, request by request
     * @throws IllegalStateException when WireMock's request journal is disabled
     */
    public void assertRequestsMatch(Admin wireMock) {
        assertRequestsMatch(wireMock, request -> true);
    }

    /**
     * Checks the requests in the journal of {@code wireMock} that {@code include} accepts against this spec; use it to
     * leave out requests that are not for the vendor's API (downloads from simulated presigned URLs, say).
     *
     * @throws AssertionError listing every violation, request by request
     * @throws IllegalStateException when WireMock's request journal is disabled
     */
    public void assertRequestsMatch(Admin wireMock, Predicate<LoggedRequest> include) {
        Objects.requireNonNull(wireMock, "wireMock");
        var result = wireMock.getServeEvents();
        if (result.isRequestJournalDisabled()) {
            throw new IllegalStateException("WireMock's request journal is disabled: there is nothing to check");
        }
        assertRequestsMatch(requestsOf(result.getServeEvents()), include);
    }

    /** As {@link #assertRequestsMatch(Admin)}, for a WireMock server reached through its client. */
    public void assertRequestsMatch(WireMock wireMock) {
        Objects.requireNonNull(wireMock, "wireMock");
        assertRequestsMatch(requestsOf(wireMock.getServeEvents()), request -> true);
    }

    /**
     * Checks the given recorded requests that {@code include} accepts against this spec.
     *
     * @throws AssertionError listing every violation, request by request
     */
    public void assertRequestsMatch(Collection<LoggedRequest> requests, Predicate<LoggedRequest> include) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(include, "include");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (LoggedRequest request : requests) {
            if (!include.test(request)) {
                continue;
            }
            checked++;
            List<String> violations = violations(request);
            if (!violations.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                sb.append(request.getMethod().getName()).append(' ').append(request.getUrl()).append(':');
                violations.forEach(v -> sb.append("\n    - ").append(v));
                failures.add(sb.toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + checked + " request(s) do not match the " + name
                    + " OpenAPI spec:\n  " + String.join("\n  ", failures));
        }
    }

    /**
     * What the spec says is wrong with one recorded request, one line per violation ({@code [key] message}); empty
     * when the request conforms.
     */
    public List<String> violations(LoggedRequest request) {
        return check(request).stream().map(ContractViolation::description).collect(Collectors.toList());
    }

    /** What the spec says is wrong with one request, as structured violations (used by the simulators). */
    List<ContractViolation> check(LoggedRequest request) {
        Objects.requireNonNull(request, "request");
        String url = request.getUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        ValidationReport report = validator.validateRequest(toValidatorRequest(request, path));
        if (hasKey(report, PATH_MISSING)) {
            for (String prefix : serverPathPrefixes) {
                if (path.startsWith(prefix + "/")) {
                    ValidationReport stripped = validator.validateRequest(
                            toValidatorRequest(request, path.substring(prefix.length())));
                    if (!hasKey(stripped, PATH_MISSING)) {
                        report = stripped;
                        break;
                    }
                }
            }
        }
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(OpenApiContract::toViolation)
                .collect(Collectors.toList());
    }

    private static ContractViolation toViolation(ValidationReport.Message message) {
        var context = message.getContext();
        var parameter = context.flatMap(ValidationReport.MessageContext::getParameter);
        String location = parameter.map(p -> p.getIn())
                .orElse(message.getKey().startsWith("validation.request.body") ? "body" : null);
        String name = parameter.map(p -> p.getName())
                .or(() -> context.flatMap(ValidationReport.MessageContext::getPointers)
                        .map(ValidationReport.MessageContext.Pointers::getInstance))
                .orElse(null);
        return new ContractViolation(message.getKey(), message.getMessage().trim().replaceAll("\\s*\\n\\s*", " "),
                location, name, describe(message));
    }

    /** The vendor or spec name. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "OpenApiContract{" + name + '}';
    }

    /** WireMock's {@link LoggedRequest} as the validator's request (its own WireMock adapter targets WireMock 2). */
    static Request toValidatorRequest(LoggedRequest request, String path) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(request.getMethod().getName(), path);
        for (QueryParameter parameter : request.getQueryParams().values()) {
            b.withQueryParam(parameter.key(), parameter.values());
        }
        for (HttpHeader header : request.getHeaders().all()) {
            b.withHeader(header.key(), header.values());
        }
        byte[] body = request.getBody();
        if (body != null && body.length > 0) {
            b.withBody(body);
        }
        return b.build();
    }

    private static List<LoggedRequest> requestsOf(List<ServeEvent> events) {
        // The journal lists the newest first; report in the order the requests were sent.
        return events.stream()
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest)
                .collect(Collectors.toList());
    }

    private static boolean hasKey(ValidationReport report, String key) {
        return report.getMessages().stream().anyMatch(m -> key.equals(m.getKey()));
    }

    private static String describe(ValidationReport.Message message) {
        StringBuilder sb = new StringBuilder().append('[').append(message.getKey()).append("] ");
        message.getContext().flatMap(ValidationReport.MessageContext::getParameter)
                .ifPresent(p -> sb.append(p.getIn()).append(" parameter '").append(p.getName()).append("': "));
        sb.append(message.getMessage().trim());
        for (String info : message.getAdditionalInfo()) {
            sb.append(" (").append(info.trim()).append(')');
        }
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            sb.append("; ").append(nested.getMessage().trim());
        }
        return sb.toString().replaceAll("\\s*\\n\\s*", " ");
    }

    /** How {@link OpenApiInteractionValidator.Builder} parses a spec it loads itself (its defaults in 2.x). */
    private static ParseOptions validatorParseOptions() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(false);
        return options;
    }

    /**
     * Copies the document's top-level {@code security} into every operation that declares none of its own: the
     * validator reads only operation-level requirements, and our specs declare most of them globally. An operation's
     * explicit {@code security: []} (no credentials, e.g. a token endpoint) is kept.
     */
    private static void applyGlobalSecurity(OpenAPI api) {
        if (api.getSecurity() == null || api.getPaths() == null) {
            return;
        }
        for (PathItem path : api.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getSecurity() == null) {
                    operation.setSecurity(api.getSecurity());
                }
            }
        }
    }

    /**
     * Has OAuth2 and OpenID Connect schemes checked as what they are on the wire, {@code Authorization: Bearer ...}:
     * the validator skips them (any request passes), and as alternatives to other schemes they would make every
     * credential optional.
     */
    private static void checkOAuth2AsBearer(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSecuritySchemes() == null) {
            return;
        }
        api.getComponents().getSecuritySchemes().replaceAll((name, scheme) ->
                scheme.getType() == SecurityScheme.Type.OAUTH2 || scheme.getType() == SecurityScheme.Type.OPENIDCONNECT
                        ? new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description(scheme.getDescription())
                        : scheme);
    }

    /** The non-root paths of the spec's servers ({@code /v2} of {@code https://api.example.com/v2}), longest first. */
    private static List<String> serverPathPrefixes(OpenAPI api) {
        if (api.getServers() == null) {
            return List.of();
        }
        Set<String> prefixes = new TreeSet<>(Comparator.comparing(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (Server server : api.getServers()) {
            String path = serverPath(server);
            if (path != null && !path.isEmpty() && !"/".equals(path)) {
                prefixes.add(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            }
        }
        return List.copyOf(prefixes);
    }

    private static String serverPath(Server server) {
        String url = server.getUrl();
        if (url == null) {
            return null;
        }
        if (server.getVariables() != null) {
            for (var variable : server.getVariables().entrySet()) {
                url = url.replace("{" + variable.getKey() + "}", String.valueOf(variable.getValue().getDefault()));
            }
        }
        try {
            return new URI(url).getRawPath(); // of "https://api.example.com/v2" or of a relative "/v2" alike
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
