package com.docsdk.document360;

import com.docsdk.document360.generated.model.ApiError;
import com.docsdk.document360.generated.model.ApiWarning;
import com.docsdk.document360.generated.model.ExportResponse;
import com.docsdk.document360.generated.model.ExportTask;
import com.docsdk.document360.generated.model.PaginationMetadata;
import com.docsdk.document360.generated.model.Project;
import com.docsdk.document360.generated.model.ProjectListResponse;
import com.docsdk.document360.generated.model.ProjectResponse;
import com.docsdk.document360.generated.model.ProjectVersion;
import com.docsdk.document360.generated.model.ProjectVersionListResponse;
import com.docsdk.document360.generated.model.ProjectVersionResponse;
import com.docsdk.document360.generated.model.WorkspaceDetail;
import com.docsdk.document360.generated.model.WorkspaceListResponse;
import com.docsdk.document360.generated.model.WorkspaceResponse;
import com.docsdk.document360.generated.model.WorkspaceSummary;
import java.util.List;
import java.util.Objects;

/**
 * One view of the generated response wrappers, which share the shape {@code {data, success, request_id, errors,
 * warnings}} (and {@code pagination} on lists) but no Java type.
 *
 * @param data the payload, possibly null
 * @param success the vendor's flag, null when absent
 * @param requestId the body's {@code request_id}, possibly null
 * @param errors never null
 * @param warnings never null
 * @param pagination the paging metadata of a list, possibly null
 */
record Envelope<T>(T data, Boolean success, String requestId, List<ApiError> errors, List<ApiWarning> warnings,
        PaginationMetadata pagination) {

    Envelope {
        errors = errors == null ? List.of() : errors.stream().filter(Objects::nonNull).toList();
        warnings = warnings == null ? List.of() : warnings.stream().filter(Objects::nonNull).toList();
    }

    static Envelope<Project> of(ProjectResponse r) {
        return new Envelope<>(r.getData(), r.getSuccess(), r.getRequestId(), r.getErrors(), r.getWarnings(), null);
    }

    static Envelope<List<Project>> of(ProjectListResponse r) {
        return new Envelope<>(r.getData(), r.getSuccess(), r.getRequestId(), r.getErrors(), r.getWarnings(),
                r.getPagination());
    }

    static Envelope<ProjectVersion> of(ProjectVersionResponse r) {
        return new Envelope<>(r.getData(), r.getSuccess(), r.getRequestId(), r.getErrors(), r.getWarnings(), null);
    }

    static Envelope<List<ProjectVersion>> of(ProjectVersionListResponse r) {
        return new Envelope<>(r.getData(), r.getSuccess(), r.getRequestId(), r.getErrors(), r.getWarnings(),
                r.getPagination());
    }

    static Envelope<WorkspaceDetail> of(WorkspaceResponse r) {
        return new Envelope<>(r.getData(), r.getSuccess(), r.getRequestId(), r.getErrors(), r.getWarnings(), null);
    }

    static Envelope<List<WorkspaceSummary>> of(WorkspaceListResponse r) {
        return new Envelope<>(r.getData(), r.getSuccess(), r.getRequestId(), r.getErrors(), r.getWarnings(),
                r.getPagination());
    }

    /** The same envelope around another payload (the SDK's view of the generated one). */
    <R> Envelope<R> withData(R newData) {
        return new Envelope<>(newData, success, requestId, errors, warnings, pagination);
    }

    static Envelope<ExportTask> of(ExportResponse r) {
        return new Envelope<>(r.getData(), r.getSuccess(), r.getRequestId(), r.getErrors(), r.getWarnings(), null);
    }
}
