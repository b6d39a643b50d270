package com.docsdk.dcycle;

import com.docsdk.core.GeneratedCall;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.ResponseReader;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.dcycle.generated.api.FileReadingsApi;
import com.docsdk.dcycle.generated.api.FilesApi;
import com.docsdk.dcycle.generated.api.UploadsApi;
import com.docsdk.dcycle.generated.invoker.ApiClient;
import com.docsdk.dcycle.generated.invoker.JSON;
import java.lang.reflect.Type;

/** The generated API classes wired to one client's transport, and the three ways a response is read. */
final class DcycleApi {
    final Transport transport;
    final FilesApi files;
    final UploadsApi uploads;
    final FileReadingsApi readings;

    DcycleApi(Transport transport) {
        this.transport = transport;
        ApiClient client = new ApiClient(transport.okHttpClient());
        client.setBasePath(transport.basePath());
        this.files = new FilesApi(client);
        this.uploads = new UploadsApi(client);
        this.readings = new FileReadingsApi(client);
    }

    /** Sends a generated call and parses its JSON body into {@code type}. */
    <T> SdkResponse<T> json(GeneratedCall call, RequestOptions options, Type type) {
        return transport.execute(call, options, ResponseReader.json(JSON.getGson(), type));
    }

    /** Sends a generated call whose response body is undocumented or empty, and ignores it. */
    SdkResponse<Void> noBody(GeneratedCall call, RequestOptions options) {
        return transport.execute(call, options, ResponseReader.discard());
    }
}
