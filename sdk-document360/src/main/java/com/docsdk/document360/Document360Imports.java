package com.docsdk.document360;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.Poller;
import com.docsdk.document360.model.ImportRequest;
import com.docsdk.document360.model.ImportTask;
import com.docsdk.document360.model.User;
import com.docsdk.document360.service.Document360Services;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The import flows of Document360 (v3.1 {@code POST /v3/projects/{project_id}/imports}): start an import of an
 * external documentation URL, then wait for it through sdk-core's {@link Poller}. The import's {@code import_by}
 * is a user id; when none is given it is the calling user's, read once per call from
 * {@code GET .../users/me}. Get one from {@link Document360Client#importFlows()}.
 *
 * <pre>{@code
 * ImportTask done = d360.importFlows().importFromUrl(projectId, "https://docs.example.com/api", true);
 * }</pre>
 * Thread-safe (stateless over the client).
 */
public final class Document360Imports {
    /** How imports are waited for unless told otherwise: every 2 s growing to 30 s, for at most 30 minutes. */
    public static final PollOptions DEFAULT_POLL_OPTIONS = PollOptions.builder()
            .interval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(30)).timeout(Duration.ofMinutes(30))
            .build();

    private final Document360Services api;
    private final Transport transport;

    Document360Imports(Document360Services api, Transport transport) {
        this.api = api;
        this.transport = transport;
    }

    /**
     * The id of the calling user ({@code GET .../users/me}): what start import takes as {@code import_by}.
     *
     * @throws SdkException when the answer carries no id
     */
    public String currentUserId(UUID projectId) {
        ClientValidationException.requireNonNull("projectId", projectId);
        User me = api.users().getCurrentUser(projectId);
        if (me == null || me.getId() == null) {
            throw new SdkException("Document360 answered GET /v3/projects/" + projectId
                    + "/users/me without a user id");
        }
        return me.getId().toString();
    }

    /**
     * Starts an import of {@code sourceUrl} as the calling user (one {@code users/me}, then the start; the start
     * is never repeated after an I/O failure or a 5xx). The URL is checked first: an absolute http(s) URL.
     *
     * @param publishArticles whether the imported articles are published (else they are drafts)
     * @throws ClientValidationException naming {@code sourceUrl} when it is not an absolute http(s) URL
     */
    public ImportTask start(UUID projectId, String sourceUrl, boolean publishArticles) {
        ClientValidationException.requireNonNull("projectId", projectId);
        checkSourceUrl(sourceUrl);
        return start(projectId, new ImportRequest().sourceDocumentationUrl(sourceUrl)
                .publishArticle(publishArticles).importBy(currentUserId(projectId)), RequestOptions.none());
    }

    /**
     * Starts the import as given ({@code import_by} included), checked against the spec before it is sent.
     *
     * @throws SdkException when the 202 carries no import id
     */
    public ImportTask start(UUID projectId, ImportRequest request, RequestOptions options) {
        ClientValidationException.requireNonNull("request", request);
        checkSourceUrl(request.getSourceDocumentationUrl());
        ImportTask started = api.imports().start(projectId, request, options);
        if (started == null || started.getId() == null) {
            throw new SdkException("Document360 started an import in project " + projectId
                    + " but returned no import id");
        }
        return started;
    }

    /**
     * Waits until the import is {@code Completed} ({@link #DEFAULT_POLL_OPTIONS}). {@code Pending},
     * {@code InProgress} and unknown statuses mean "still running".
     *
     * @throws com.docsdk.core.wait.WaitFailedException when it {@code Failed}, with the envelope's messages
     * @throws com.docsdk.core.wait.WaitTimeoutException when it did not finish in time
     */
    public ImportTask await(UUID projectId, UUID importId) {
        return await(projectId, importId, DEFAULT_POLL_OPTIONS);
    }

    /** As {@link #await(UUID, UUID)}, with the given timing. */
    public ImportTask await(UUID projectId, UUID importId, PollOptions pollOptions) {
        return poller(projectId, importId, pollOptions).await();
    }

    /** As {@link #await(UUID, UUID, PollOptions)}, in the background; cancelling the future stops polling. */
    public CompletableFuture<ImportTask> awaitAsync(UUID projectId, UUID importId, PollOptions pollOptions) {
        return poller(projectId, importId, pollOptions).awaitAsync();
    }

    /**
     * Imports {@code sourceUrl} as the calling user and waits until it completed ({@link #DEFAULT_POLL_OPTIONS}).
     * Every argument is checked before any request.
     */
    public ImportTask importFromUrl(UUID projectId, String sourceUrl, boolean publishArticles) {
        return importFromUrl(projectId, sourceUrl, publishArticles, DEFAULT_POLL_OPTIONS);
    }

    /** As {@link #importFromUrl(UUID, String, boolean)}, waiting with {@code pollOptions}. */
    public ImportTask importFromUrl(UUID projectId, String sourceUrl, boolean publishArticles,
            PollOptions pollOptions) {
        ClientValidationException.requireNonNull("projectId", projectId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        ImportTask started = start(projectId, sourceUrl, publishArticles);
        return await(projectId, started.getId(), pollOptions);
    }

    private static void checkSourceUrl(String sourceUrl) {
        ClientValidationException.requireNonBlank("sourceUrl", sourceUrl);
        try {
            URI uri = new URI(sourceUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            ClientValidationException.require(uri.isAbsolute() && uri.getHost() != null
                    && (scheme.equals("https") || scheme.equals("http")), "sourceUrl",
                    "must be an absolute http(s) URL of the documentation to import");
        } catch (URISyntaxException e) {
            throw new ClientValidationException("sourceUrl", "is not a URL: " + e.getReason());
        }
    }

    private Poller<ImportTask> poller(UUID projectId, UUID importId, PollOptions pollOptions) {
        ClientValidationException.requireNonNull("projectId", projectId);
        ClientValidationException.requireNonNull("importId", importId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        AtomicReference<List<String>> notes = new AtomicReference<>(List.of());
        String what = "Document360 import " + importId + " of project " + projectId;
        return Poller.<ImportTask>builder(what)
                .pollResponse(() -> {
                    List<String> seen = new ArrayList<>();
                    SdkResponse<ImportTask> r = EnvelopeReader.collecting(seen,
                            () -> api.imports().withRawResponse().get(projectId, importId));
                    notes.set(seen);
                    return r.value() == null ? r.withValue(new ImportTask()) : r;
                })
                .status(ImportTask::getStatus)
                .succeededOn("Completed")
                .failedOn("Failed")
                .inProgressOn("Pending", "InProgress", "In_Progress")
                .failureMessages(task -> notes.get().isEmpty()
                        ? List.of(what + " ended as 'Failed'") : notes.get())
                .options(pollOptions)
                .runtime(transport)
                .build();
    }
}
