package com.docsdk.fileai;

import com.docsdk.core.ResponseReader;
import com.docsdk.core.Transport;
import com.docsdk.fileai.generated.api.FilesApi;
import com.docsdk.fileai.generated.api.SchemasApi;
import com.docsdk.fileai.generated.api.UploadsApi;
import com.docsdk.fileai.generated.invoker.ApiClient;
import com.docsdk.fileai.generated.invoker.JSON;

/** The generated API classes, wired to a client's transport: they build requests, the transport sends them. */
final class GeneratedApis {
    final Transport transport;
    final FilesApi files;
    final UploadsApi uploads;
    final SchemasApi schemas;

    GeneratedApis(Transport transport) {
        this.transport = transport;
        ApiClient api = new ApiClient(transport.okHttpClient());
        api.setBasePath(transport.basePath());
        this.files = new FilesApi(api);
        this.uploads = new UploadsApi(api);
        this.schemas = new SchemasApi(api);
    }

    /** Reads a JSON body into a generated model with the generated (forward-compatible) Gson. */
    static <T> ResponseReader<T> json(Class<T> type) {
        return ResponseReader.json(JSON.getGson(), type);
    }
}
