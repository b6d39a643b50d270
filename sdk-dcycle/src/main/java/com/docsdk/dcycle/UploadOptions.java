package com.docsdk.dcycle;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.Redactor;
import com.docsdk.core.RequestOptions;
import java.util.Optional;

/**
 * Options of {@link DcycleClient#uploadFiles(java.util.List, UploadOptions)}.
 *
 * <pre>{@code
 * UploadOptions options = UploadOptions.builder()
 *         .projectId("0e8f7d6c-5b4a-4392-8170-6f5e4d3c2b1a")   // link the uploaded files to a project
 *         .requestOptions(RequestOptions.builder().timeout(Duration.ofMinutes(5)).build())
 *         .build();
 * }</pre>
 */
public final class UploadOptions {
    private static final UploadOptions DEFAULTS = builder().build();

    private final String projectId;
    private final RequestOptions requestOptions;

    private UploadOptions(Builder b) {
        this.projectId = b.projectId;
        this.requestOptions = b.requestOptions;
    }

    /** No project, the client's settings for every request. */
    public static UploadOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The project the uploaded files are linked to ({@code project_id} of the confirmation). */
    public Optional<String> projectId() {
        return Optional.ofNullable(projectId);
    }

    /** Per-call options of each request (the Dcycle API calls and the storage PUTs). */
    public RequestOptions requestOptions() {
        return requestOptions;
    }

    @Override
    public String toString() {
        return "UploadOptions{projectId=" + Redactor.field("projectId", projectId) + ", requestOptions="
                + requestOptions + '}';
    }

    /** Builds {@link UploadOptions}. */
    public static final class Builder {
        private String projectId;
        private RequestOptions requestOptions = RequestOptions.none();

        private Builder() {
        }

        /** Links the uploaded files to this project. */
        public Builder projectId(String projectId) {
            this.projectId = DcycleClient.requireId("projectId", projectId);
            return this;
        }

        public Builder requestOptions(RequestOptions requestOptions) {
            this.requestOptions = ClientValidationException.requireNonNull("requestOptions", requestOptions);
            return this;
        }

        public UploadOptions build() {
            return new UploadOptions(this);
        }
    }
}
