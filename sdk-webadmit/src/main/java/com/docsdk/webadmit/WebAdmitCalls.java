package com.docsdk.webadmit;

import com.docsdk.core.GeneratedCall;
import com.docsdk.core.RateLimit;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.ResponseReader;
import com.docsdk.core.SdkException;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.webadmit.generated.api.ExportFilesApi;
import com.docsdk.webadmit.generated.api.ExportsApi;
import com.docsdk.webadmit.generated.api.UserIdentitiesApi;
import com.docsdk.webadmit.generated.invoker.ApiClient;
import com.docsdk.webadmit.generated.invoker.JSON;
import com.docsdk.webadmit.generated.model.CreateExportFileRequest;
import com.docsdk.webadmit.generated.model.ExportFile;
import com.docsdk.webadmit.generated.model.ExportFileList;
import com.docsdk.webadmit.generated.model.ExportFileResponse;
import com.docsdk.webadmit.generated.model.ExportList;
import com.docsdk.webadmit.generated.model.UserIdentityList;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The WebAdMIT operations, one method each: the generated API classes build the requests from the spec, the core
 * transport sends them. Remembers the rate-limit state of the latest response. Inputs are validated by the callers.
 */
final class WebAdmitCalls {
    private final Transport transport;
    private final UserIdentitiesApi userIdentities;
    private final ExportsApi exports;
    private final ExportFilesApi exportFiles;
    private final AtomicReference<RateLimit> lastRateLimit = new AtomicReference<>();

    WebAdmitCalls(Transport transport) {
        this.transport = transport;
        ApiClient api = new ApiClient(transport.okHttpClient());
        api.setBasePath(transport.basePath());
        this.userIdentities = new UserIdentitiesApi(api);
        this.exports = new ExportsApi(api);
        this.exportFiles = new ExportFilesApi(api);
    }

    Transport transport() {
        return transport;
    }

    Optional<RateLimit> lastRateLimit() {
        return Optional.ofNullable(lastRateLimit.get());
    }

    SdkResponse<UserIdentityList> listUserIdentities(RequestOptions options) {
        return send(() -> userIdentities.listUserIdentitiesCall(null), options, UserIdentityList.class);
    }

    SdkResponse<ExportList> listExports(RequestOptions options) {
        return send(() -> exports.listExportsCall(null), options, ExportList.class);
    }

    SdkResponse<ExportList> listExports(long userIdentityId, RequestOptions options) {
        return send(() -> exports.listExportsByUserIdentityCall(userIdentityId, null), options, ExportList.class);
    }

    /**
     * Starts a run. The callback, when given, travels in the JSON body as in the vendor's request example; without
     * one the body is {@code {}}, never an empty body declared as JSON.
     */
    SdkResponse<ExportFile> createExportFile(long userIdentityId, long exportId, URI callback,
            RequestOptions options) {
        CreateExportFileRequest body = new CreateExportFileRequest().callback(callback);
        return unwrap(send(() -> exportFiles.createExportFileCall(userIdentityId, exportId, null, body, null),
                options, ExportFileResponse.class));
    }

    SdkResponse<ExportFile> getExportFile(long exportId, long exportFileId, RequestOptions options) {
        return unwrap(send(() -> exportFiles.getExportFileCall(exportId, exportFileId, null), options,
                ExportFileResponse.class));
    }

    SdkResponse<ExportFileList> listRecentExportFiles(long userIdentityId, RequestOptions options) {
        return send(() -> exportFiles.listRecentExportFilesCall(userIdentityId, null), options,
                ExportFileList.class);
    }

    private <T> SdkResponse<T> send(GeneratedCall call, RequestOptions options, Class<T> type) {
        SdkResponse<T> response = transport.execute(call, options, ResponseReader.json(JSON.getGson(), type));
        response.rateLimit().ifPresent(lastRateLimit::set);
        if (response.value() == null) {
            throw new SdkException("WebAdMIT answered HTTP " + response.statusCode() + " without a body where a "
                    + type.getSimpleName() + " was expected");
        }
        return response;
    }

    /** The {@code export_files} object of the envelope; a response without it is not something a caller can use. */
    private static SdkResponse<ExportFile> unwrap(SdkResponse<ExportFileResponse> response) {
        ExportFile file = response.value().getExportFiles();
        if (file == null) {
            throw new SdkException("WebAdMIT answered HTTP " + response.statusCode()
                    + " without the \"export_files\" object");
        }
        return response.withValue(file);
    }
}
