package com.docsdk.core;

import okhttp3.Call;

/**
 * Builds, without executing, the HTTP call of a generated API operation: vendor facades let generated code build the
 * request from the spec (paths, query encoding, bodies) and send it through {@link Transport} with per-call options.
 *
 * <pre>{@code
 * SdkResponse<FileList> r = transport.execute(
 *         () -> filesApi.listFilesCall(fileIds, updatedAfter, null, page, limit, null, null, null),
 *         options, ResponseReader.json(JSON.getGson(), FileList.class));
 * }</pre>
 */
@FunctionalInterface
public interface GeneratedCall {
    /** The unexecuted call; generated code throws its checked {@code ApiException} for a missing required input. */
    Call build() throws Exception;
}
