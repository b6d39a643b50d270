package com.docsdk.core.service;

import com.docsdk.core.Redactor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One operation's request as generated code describes it: method, path template with its values, query, headers
 * and body, and whether the spec declares it safe to repeat. {@link ServiceContext} turns it into HTTP (encoding,
 * the vendor's date-time form, JSON through the vendor's models) and sends it through the transport.
 */
public final class ApiRequest {
    /** How a request body is encoded. */
    public enum BodyKind { NONE, JSON, FORM, MULTIPART }

    /** A name and a value of a query parameter, header, form or multipart field. */
    public record Field(String name, Object value, String delimiter) {
        @Override
        public String toString() {
            return Redactor.text(name) + "=" + Redactor.field(name, value);
        }
    }

    final String method;
    final String path;
    final List<Field> pathParams;
    final List<Field> query;
    final List<Field> headers;
    final List<Field> fields;
    final BodyKind bodyKind;
    final Object body;
    final Boolean idempotent;
    final String operationId;

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.pathParams = List.copyOf(b.pathParams);
        this.query = Collections.unmodifiableList(new ArrayList<>(b.query));
        this.headers = Collections.unmodifiableList(new ArrayList<>(b.headers));
        this.fields = Collections.unmodifiableList(new ArrayList<>(b.fields));
        this.bodyKind = b.bodyKind;
        this.body = b.body;
        this.idempotent = b.idempotent;
        this.operationId = b.operationId;
    }

    /** A request for {@code method} on the spec's {@code path} template (e.g. {@code /v1/files/{file_id}}). */
    public static Builder builder(String operationId, String method, String path) {
        return new Builder(operationId, method, path);
    }

    /** The spec's operation id. */
    public String operationId() {
        return operationId;
    }

    public String method() {
        return method;
    }

    /** The path template, as in the spec. */
    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return "ApiRequest{" + Redactor.text(operationId) + ": " + Redactor.text(method) + " " + Redactor.text(path)
                + '}';
    }

    /** Collects a request; {@code null} values are left out. */
    public static final class Builder {
        private final String operationId;
        private final String method;
        private final String path;
        private final List<Field> pathParams = new ArrayList<>();
        private final List<Field> query = new ArrayList<>();
        private final List<Field> headers = new ArrayList<>();
        private final List<Field> fields = new ArrayList<>();
        private BodyKind bodyKind = BodyKind.NONE;
        private Object body;
        private Boolean idempotent;

        private Builder(String operationId, String method, String path) {
            this.operationId = Objects.requireNonNull(operationId, "operationId");
            this.method = Objects.requireNonNull(method, "method");
            this.path = Objects.requireNonNull(path, "path");
        }

        /** The value of {@code {name}} in the path; percent-encoded as one segment. */
        public Builder path(String name, Object value) {
            pathParams.add(new Field(name, Check.required(name, value), null));
            return this;
        }

        /** A query parameter; a collection becomes one parameter per item ({@code form}, {@code explode: true}). */
        public Builder query(String name, Object value) {
            return query(name, value, null);
        }

        /**
         * A query parameter; a collection is joined with {@code delimiter} ({@code ","} for {@code explode: false}),
         * or one parameter per item when {@code delimiter} is {@code null}.
         */
        public Builder query(String name, Object value, String delimiter) {
            if (value != null && !(value instanceof Collection && ((Collection<?>) value).isEmpty())) {
                query.add(new Field(name, value, delimiter));
            }
            return this;
        }

        /** A request header. */
        public Builder header(String name, Object value) {
            if (value != null) {
                headers.add(new Field(name, value, ","));
            }
            return this;
        }

        /** A JSON body, serialised with the vendor's models' Gson. */
        public Builder jsonBody(Object value) {
            if (value != null) {
                bodyKind = BodyKind.JSON;
                body = value;
            }
            return this;
        }

        /** A field of an {@code application/x-www-form-urlencoded} body. */
        public Builder formField(String name, Object value) {
            bodyKind = BodyKind.FORM;
            if (value != null) {
                fields.add(new Field(name, value, null));
            }
            return this;
        }

        /** A part of a {@code multipart/form-data} body; a {@link java.io.File} or {@link java.nio.file.Path} streams. */
        public Builder multipartField(String name, Object value) {
            bodyKind = BodyKind.MULTIPART;
            if (value != null) {
                fields.add(new Field(name, value, null));
            }
            return this;
        }

        /** Whether the spec declares the operation safe to repeat ({@code x-docsdk-idempotent}); null: by method. */
        public Builder idempotent(Boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        public ApiRequest build() {
            return new ApiRequest(this);
        }
    }
}
