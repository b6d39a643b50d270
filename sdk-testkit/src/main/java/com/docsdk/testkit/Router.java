package com.docsdk.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Routes a request to the handler registered for its method and path template ({@code /v1/files/{file_id}}). */
final class Router {
    private record Route(String method, String[] segments, Function<SimRequest, SimResponse> handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router on(String method, String template, Function<SimRequest, SimResponse> handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    Optional<SimResponse> dispatch(SimRequest request) {
        String[] actual = split(request.path());
        for (Route route : routes) {
            if (!route.method.equalsIgnoreCase(request.method()) || route.segments.length != actual.length) {
                continue;
            }
            Map<String, String> params = match(route.segments, actual);
            if (params != null) {
                return Optional.of(route.handler.apply(request.withPathParams(params)));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> match(String[] template, String[] actual) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), actual[i]);
            } else if (!t.equals(actual[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}
