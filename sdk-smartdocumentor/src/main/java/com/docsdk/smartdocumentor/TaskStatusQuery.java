package com.docsdk.smartdocumentor;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Redactor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The filters of the task status lists ({@code statuslist} and {@code statuslistpaginated}): a creation-date window
 * (at least one end required), task and integration status codes, workspaces, the external integration status and
 * the sort property. Validated by {@link Builder#build()}, before any request.
 *
 * <pre>{@code
 * TaskStatusQuery pending = TaskStatusQuery.builder()
 *         .startDate(Instant.now().minus(Duration.ofDays(7)))
 *         .externalIntegrationStatus(SmartDocumentorClient.EXTERNAL_STATUS_NEVER)
 *         .taskStatuses(TaskStatus.PRE_PROCESSING_SUCCESSFUL)
 *         .workspaceIds(1, 2)
 *         .pageSize(50)
 *         .build();
 * }</pre>
 *
 * <p>Immutable; {@link #toBuilder()} derives a variant.
 */
public final class TaskStatusQuery {
    private final OffsetDateTime startDate;
    private final OffsetDateTime endDate;
    private final List<TaskStatus> taskStatuses;
    private final List<IntegrationStatus> integrationStatuses;
    private final List<Long> workspaceIds;
    private final String externalIntegrationStatus;
    private final String sort;
    private final Integer pageSize;

    private TaskStatusQuery(Builder b) {
        this.startDate = b.startDate;
        this.endDate = b.endDate;
        this.taskStatuses = List.copyOf(b.taskStatuses);
        this.integrationStatuses = List.copyOf(b.integrationStatuses);
        this.workspaceIds = List.copyOf(b.workspaceIds);
        this.externalIntegrationStatus = b.externalIntegrationStatus;
        this.sort = b.sort;
        this.pageSize = b.pageSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this query's filters. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.startDate = startDate;
        b.endDate = endDate;
        b.taskStatuses.addAll(taskStatuses);
        b.integrationStatuses.addAll(integrationStatuses);
        b.workspaceIds.addAll(workspaceIds);
        b.externalIntegrationStatus = externalIntegrationStatus;
        b.sort = sort;
        b.pageSize = pageSize;
        return b;
    }

    /** Tasks created after this instant (UTC). */
    public Optional<OffsetDateTime> startDate() {
        return Optional.ofNullable(startDate);
    }

    /** Tasks created before this instant (UTC). */
    public Optional<OffsetDateTime> endDate() {
        return Optional.ofNullable(endDate);
    }

    public List<TaskStatus> taskStatuses() {
        return taskStatuses;
    }

    public List<IntegrationStatus> integrationStatuses() {
        return integrationStatuses;
    }

    public List<Long> workspaceIds() {
        return workspaceIds;
    }

    public Optional<String> externalIntegrationStatus() {
        return Optional.ofNullable(externalIntegrationStatus);
    }

    public Optional<String> sort() {
        return Optional.ofNullable(sort);
    }

    /** The page size of the paginated list; the server's default (10) when empty. */
    public OptionalInt pageSize() {
        return pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize);
    }

    OffsetDateTime startDateOrNull() {
        return startDate;
    }

    OffsetDateTime endDateOrNull() {
        return endDate;
    }

    List<Integer> taskStatusCodesOrNull() {
        return taskStatuses.isEmpty() ? null : taskStatuses.stream().map(TaskStatus::code).toList();
    }

    List<Integer> integrationStatusCodesOrNull() {
        return integrationStatuses.isEmpty() ? null : integrationStatuses.stream().map(IntegrationStatus::code).toList();
    }

    List<Long> workspaceIdsOrNull() {
        return workspaceIds.isEmpty() ? null : workspaceIds;
    }

    String externalIntegrationStatusOrNull() {
        return externalIntegrationStatus;
    }

    String sortOrNull() {
        return sort;
    }

    Integer pageSizeOrNull() {
        return pageSize;
    }

    @Override
    public String toString() {
        return "TaskStatusQuery{startDate=" + startDate + ", endDate=" + endDate + ", taskStatuses=" + taskStatuses
                + ", integrationStatuses=" + integrationStatuses + ", workspaceIds="
                + Redactor.field("workspaceIds", workspaceIds) + ", externalIntegrationStatus="
                + Redactor.field("externalIntegrationStatus", externalIntegrationStatus) + ", sort="
                + Redactor.field("sort", sort) + ", pageSize="
                + pageSize + '}';
    }

    /** Builds a {@link TaskStatusQuery}; at least one of {@code startDate} and {@code endDate} is required. */
    public static final class Builder {
        private OffsetDateTime startDate;
        private OffsetDateTime endDate;
        private final List<TaskStatus> taskStatuses = new ArrayList<>();
        private final List<IntegrationStatus> integrationStatuses = new ArrayList<>();
        private final List<Long> workspaceIds = new ArrayList<>();
        private String externalIntegrationStatus;
        private String sort;
        private Integer pageSize;

        private Builder() {
        }

        /** Only tasks created after this instant. */
        public Builder startDate(Instant startDate) {
            this.startDate = utc("startDate", startDate);
            return this;
        }

        /** Only tasks created after this time (sent in UTC). */
        public Builder startDate(OffsetDateTime startDate) {
            this.startDate = utc("startDate", startDate);
            return this;
        }

        /** Only tasks created before this instant. */
        public Builder endDate(Instant endDate) {
            this.endDate = utc("endDate", endDate);
            return this;
        }

        /** Only tasks created before this time (sent in UTC). */
        public Builder endDate(OffsetDateTime endDate) {
            this.endDate = utc("endDate", endDate);
            return this;
        }

        /** Only tasks in one of these processing states (replaces earlier values; sent as repeated parameters). */
        public Builder taskStatuses(TaskStatus... statuses) {
            return taskStatuses(List.of(requireArray("taskStatus", statuses)));
        }

        /** Only tasks in one of these processing states (replaces earlier values). */
        public Builder taskStatuses(Collection<TaskStatus> statuses) {
            replace(taskStatuses, "taskStatus", statuses);
            return this;
        }

        /** Only tasks in one of these integration states (replaces earlier values). */
        public Builder integrationStatuses(IntegrationStatus... statuses) {
            return integrationStatuses(List.of(requireArray("integrationStatus", statuses)));
        }

        /** Only tasks in one of these integration states (replaces earlier values). */
        public Builder integrationStatuses(Collection<IntegrationStatus> statuses) {
            replace(integrationStatuses, "integrationStatus", statuses);
            return this;
        }

        /** Only tasks of these workspaces (positive ids; replaces earlier values). */
        public Builder workspaceIds(long... ids) {
            ClientValidationException.requireNonNull("workspaceId", ids);
            List<Long> list = new ArrayList<>();
            for (long id : ids) {
                list.add(id);
            }
            return workspaceIds(list);
        }

        /** Only tasks of these workspaces (positive ids; replaces earlier values). */
        public Builder workspaceIds(Collection<Long> ids) {
            ClientValidationException.requireNonNull("workspaceId", ids);
            for (Long id : ids) {
                ClientValidationException.require(id != null && id > 0, "workspaceId", "must be positive, was " + id);
            }
            replace(workspaceIds, "workspaceId", ids);
            return this;
        }

        /**
         * Only tasks whose external integration status is this value ({@code never} for tasks nobody marked yet).
         * Not blank, at most 32 characters.
         */
        public Builder externalIntegrationStatus(String status) {
            this.externalIntegrationStatus = ExternalIntegrationStatusRule.require("externalIntegrationStatus", status);
            return this;
        }

        /** The property to sort by; the server sorts by {@code createdOn} by default. */
        public Builder sort(String property) {
            this.sort = ClientValidationException.requireNonBlank("sort", property);
            return this;
        }

        /** Tasks per page of the paginated list (at least 1); the server's default is 10. */
        public Builder pageSize(int pageSize) {
            ClientValidationException.require(pageSize >= 1, "pageSize", "must be at least 1, was " + pageSize);
            this.pageSize = pageSize;
            return this;
        }

        /** The query; throws {@link ClientValidationException} when neither date is set or they are reversed. */
        public TaskStatusQuery build() {
            ClientValidationException.require(startDate != null || endDate != null, "startDate",
                    "at least one of startDate and endDate is required");
            if (startDate != null && endDate != null) {
                ClientValidationException.require(!startDate.isAfter(endDate), "startDate",
                        "must not be after endDate (" + startDate + " > " + endDate + ")");
            }
            return new TaskStatusQuery(this);
        }

        private static OffsetDateTime utc(String field, Instant instant) {
            return ClientValidationException.requireNonNull(field, instant).atOffset(ZoneOffset.UTC);
        }

        private static OffsetDateTime utc(String field, OffsetDateTime time) {
            return ClientValidationException.requireNonNull(field, time).withOffsetSameInstant(ZoneOffset.UTC);
        }

        private static <T> T[] requireArray(String field, T[] values) {
            ClientValidationException.requireNonNull(field, values);
            for (T v : values) {
                ClientValidationException.requireNonNull(field, v);
            }
            return values;
        }

        private static <T> void replace(List<T> target, String field, Collection<T> values) {
            ClientValidationException.requireNonNull(field, values);
            List<T> copy = new ArrayList<>(values.size());
            for (T v : values) {
                copy.add(ClientValidationException.requireNonNull(field, v));
            }
            target.clear();
            target.addAll(copy);
        }
    }
}
