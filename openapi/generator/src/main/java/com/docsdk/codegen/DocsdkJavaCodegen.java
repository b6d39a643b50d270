package com.docsdk.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationMap;
import org.openapitools.codegen.model.OperationsMap;
import static org.openapitools.codegen.utils.CamelizeOption.LOWERCASE_FIRST_LETTER;
import static org.openapitools.codegen.utils.StringUtils.camelize;

/**
 * The {@code docsdk-java} generator: openapi-generator's {@code java}/{@code okhttp-gson} models, and instead of its
 * API classes and invoker, one service per tag that sends through sdk-core's {@code Transport}
 * ({@code openapi/generator/templates/libraries/okhttp-gson/api.mustache}).
 *
 * <p>It reads these vendor extensions (documented in {@code docs/ARCHITECTURE.md}):
 * <ul>
 *   <li>root {@code x-docsdk-query-date-time-format}: the vendor's date-time form in query strings;</li>
 *   <li>root {@code x-docsdk-envelope}: the property of every response body that holds the value; an operation's
 *       own {@code x-docsdk-envelope} wins (an API whose bodies name the value per resource); an unwrapped list is
 *       never null, immutable and without null items;</li>
 *   <li>operation {@code x-docsdk-method}: the method name (the project's verbs: list, get, create, ...);</li>
 *   <li>operation {@code x-docsdk-idempotent}: whether a non-GET operation may be repeated by the retry policy;</li>
 *   <li>operation {@code x-docsdk-paging}: paging style, parameters, items and the fields that announce more;
 *       {@code pageSize} is the page size asked for when the caller sets none (default: the parameter's default);
 *       with {@code cursorParam}, page numbers switch to the {@code nextCursor} a page names, sent in that
 *       parameter;</li>
 *   <li>operation {@code x-docsdk-check}: a hand-written rule ({@code pkg.Class#method}) the spec cannot state.</li>
 * </ul>
 * Everything it derives goes into {@code x-docsdk-*} entries of the operations, parameters and models, as ready
 * Java fragments, so that the templates stay free of logic.
 */
public class DocsdkJavaCodegen extends JavaClientCodegen {
    private String envelope;

    public DocsdkJavaCodegen() {
        super();
        enumUnknownDefaultCaseName = "unknown";
        // Not a Java keyword; the stock generator reserves it for its ApiClient only. A multipart part named "file"
        // stays a parameter named "file" (not "_file") in the services and their validation messages.
        reservedWords.remove("file");
    }

    @Override
    public String getName() {
        return "docsdk-java";
    }

    @Override
    public void processOpts() {
        super.processOpts();
        setApiNameSuffix("Service");
        supportingFiles.clear();
        String invokerFolder = (sourceFolder + File.separator + invokerPackage).replace(".", File.separator);
        String apiFolder = (sourceFolder + File.separator + apiPackage).replace(".", File.separator);
        supportingFiles.add(new SupportingFile("JSON.mustache", invokerFolder, "JSON.java"));
        Object services = additionalProperties.get("servicesClassName");
        if (services != null) {
            supportingFiles.add(new SupportingFile("services.mustache", apiFolder, services + ".java"));
        }
    }

    @Override
    public void preprocessOpenAPI(OpenAPI openAPI) {
        super.preprocessOpenAPI(openAPI);
        Map<String, Object> ext = openAPI.getExtensions() == null ? Map.of() : openAPI.getExtensions();
        Object format = ext.get("x-docsdk-query-date-time-format");
        additionalProperties.put("queryDateTimeFormat", format == null ? "" : javaString(format.toString()));
        Object env = ext.get("x-docsdk-envelope");
        envelope = env == null ? null : env.toString();
    }

    /** No donation banner on standard output: the build's output stays readable. */
    @Override
    public void postProcess() {
    }

    /**
     * A parameter named {@code callback} keeps its name: the stock Java generator renames it {@code paramCallback}
     * because its own API classes take an {@code ApiCallback callback}, which the services here do not.
     */
    @Override
    public String toParamName(String name) {
        return "callback".equals(name) && !parameterNameMapping.containsKey(name) ? name : super.toParamName(name);
    }

    @Override
    public String toApiName(String name) {
        return camelize(sanitizeName(name)) + "Service";
    }

    // ------------------------------------------------------------------ models

    /** The unknown-value fallback of every enum is {@code UNKNOWN}, numeric enums too (not {@code NUMBER_unknown}). */
    @Override
    public String toEnumVarName(String value, String datatype) {
        return enumUnknownDefaultCaseName.equals(value) ? "UNKNOWN" : super.toEnumVarName(value, datatype);
    }

    @Override
    public ModelsMap postProcessModels(ModelsMap objs) {
        ModelsMap result = super.postProcessModels(objs);
        for (ModelMap mm : result.getModels()) {
            CodegenModel model = mm.getModel();
            List<String> checks = new ArrayList<>();
            for (CodegenProperty p : model.vars) {
                if (p.isReadOnly) {
                    continue;
                }
                String name = "path + \"." + p.baseName + "\"";
                String expr = "this." + p.name;
                if (p.required && !p.isNullable) {
                    checks.add("Check.required(" + name + ", " + expr + ");");
                }
                addConstraintChecks(checks, name, text(p.isString, p.dataType, expr), p.isString, p.isNumeric || p.isInteger || p.isLong
                                || p.isNumber || p.isFloat || p.isDouble, p.isArray || p.isMap, p.minLength,
                        p.maxLength, p.pattern, p.minimum, p.exclusiveMinimum, p.maximum, p.exclusiveMaximum,
                        p.minItems, p.maxItems);
                addItemChecks(checks, name, expr, p.isArray ? p.items : null);
                if (p.isEnum && !p.isContainer && p.isString && !p.isInnerEnum && !p.isEnumRef) {
                    checks.add(oneOf(name, expr, p.allowableValues));
                }
                // a $ref to a model with additionalProperties is no isModel, but is validated all the same
                if (p.isModel || p.isContainer || p.isEnum || p.isEnumRef || p.isInnerEnum
                        || p.getRef() != null) {
                    checks.add("Check.valid(" + name + ", " + expr + ");");
                }
            }
            model.vendorExtensions.put("x-docsdk-checks", checks);
            if (!model.isEnum) {
                model.vendorExtensions.put("x-implements", List.of("com.docsdk.core.service.Validatable"));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ operations

    @Override
    public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
        OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
        Map<String, CodegenModel> models = new HashMap<>();
        for (ModelMap mm : allModels) {
            models.put(mm.getModel().classname, mm.getModel());
        }
        OperationMap ops = result.getOperations();
        String classname = String.valueOf(ops.get("classname"));
        String accessor = camelize(classname.replaceAll("Service$", ""), LOWERCASE_FIRST_LETTER);
        result.put("serviceAccessor", accessor);
        for (CodegenOperation op : ops.getOperation()) {
            prepare(op, models);
        }
        return result;
    }

    private void prepare(CodegenOperation op, Map<String, CodegenModel> models) {
        Map<String, Object> x = op.vendorExtensions;
        String method = x.containsKey("x-docsdk-method") ? x.get("x-docsdk-method").toString() : op.nickname;
        x.put("x-docsdk-method-name", method);
        x.put("x-docsdk-params-class", camelize(method) + "Params");
        x.put("x-docsdk-http-method", op.httpMethod.toUpperCase(Locale.ROOT));
        String accept = accept(op);
        if (accept != null) {
            x.put("x-docsdk-accept", javaString(accept));
        }
        Object idempotent = x.get("x-docsdk-idempotent");
        x.put("x-docsdk-idempotent-arg", idempotent == null ? "null" : Boolean.valueOf(idempotent.toString()).toString());
        Object check = x.get("x-docsdk-check");
        if (check != null) {
            x.put("x-docsdk-check-call", check.toString().replace('#', '.'));
        }

        String responseType = op.returnType == null ? "Void" : op.returnType;
        x.put("x-docsdk-response-type", responseType);
        x.put("x-docsdk-type-token", typeToken(responseType));
        String valueType = responseType;
        String unwrapped = null;
        CodegenModel response = op.returnBaseType == null ? null : models.get(op.returnBaseType);
        Object ownEnvelope = x.get("x-docsdk-envelope");
        String env = ownEnvelope != null ? ownEnvelope.toString() : envelope;
        if (env != null && response != null && op.returnContainer == null) {
            CodegenProperty data = property(response, env);
            if (data == null && ownEnvelope != null) {
                throw new IllegalArgumentException(op.operationId + ": x-docsdk-envelope names no property " + env
                        + " of " + response.classname);
            }
            if (data != null) {
                valueType = data.datatypeWithEnum;
                String value = "(response.value() == null ? null : response.value()." + data.getter + "())";
                // a list comes back never null, immutable and without null items
                unwrapped = data.isArray ? "java.util.Optional.ofNullable" + value
                        + ".map(list -> list.stream().filter(Objects::nonNull).toList()).orElse(List.of())" : value;
            }
        }
        x.put("x-docsdk-value-type", valueType);
        if (unwrapped != null) {
            x.put("x-docsdk-unwrapped", unwrapped);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> paging = (Map<String, Object>) x.get("x-docsdk-paging");
        String pageParam = null;
        if (paging != null && response != null) {
            pageParam = preparePaging(op, response, paging, models);
        }

        List<CodegenParameter> positional = new ArrayList<>();
        List<CodegenParameter> optional = new ArrayList<>();
        for (CodegenParameter p : op.allParams) {
            boolean isRequired = p.required && !p.baseName.equals(pageParam);
            String expr = isRequired ? p.paramName : "params." + p.paramName + "()";
            p.vendorExtensions.put("x-docsdk-expr", expr);
            p.vendorExtensions.put("x-docsdk-add", addStatement(op, p, expr));
            p.vendorExtensions.put("x-docsdk-checks", paramChecks(p, expr, isRequired));
            String doc = p.unescapedDescription == null || p.unescapedDescription.isBlank() ? p.baseName
                    : html(p.unescapedDescription.trim()).replaceAll("\\s+", " ");
            p.vendorExtensions.put("x-docsdk-doc", doc);
            (isRequired ? positional : optional).add(p);
        }
        x.put("x-docsdk-positional", positional);
        x.put("x-docsdk-optional", optional);
        x.put("x-docsdk-has-positional", !positional.isEmpty());
        x.put("x-docsdk-has-optional", !optional.isEmpty());
        StringBuilder sig = new StringBuilder();
        StringBuilder args = new StringBuilder();
        for (CodegenParameter p : positional) {
            sig.append(p.dataType).append(' ').append(p.paramName).append(", ");
            args.append(p.paramName).append(", ");
        }
        x.put("x-docsdk-sig", sig.toString());
        x.put("x-docsdk-args", args.toString());
        String sigNoComma = sig.length() > 0 ? sig.substring(0, sig.length() - 2) : "";
        x.put("x-docsdk-sig-only", sigNoComma);
        x.put("x-docsdk-args-only", args.length() > 0 ? args.substring(0, args.length() - 2) : "");
        x.put("x-docsdk-javadoc", javadoc(op));
    }

    /**
     * The {@code Accept} header of an operation, from the media types of its responses: the JSON one when there is
     * one (as openapi-generator's own clients choose), else all of them; null when the responses declare none.
     */
    private static String accept(CodegenOperation op) {
        if (op.produces == null || op.produces.isEmpty()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        for (Map<String, String> p : op.produces) {
            String type = p.get("mediaType");
            if (type != null && !types.contains(type)) {
                types.add(type);
            }
        }
        for (String type : types) {
            String t = type.toLowerCase(Locale.ROOT);
            if (t.equals("application/json") || t.startsWith("application/json;")
                    || (t.startsWith("application/") && t.contains("+json"))) {
                return type;
            }
        }
        return types.isEmpty() ? null : String.join(", ", types);
    }

    private String preparePaging(CodegenOperation op, CodegenModel response, Map<String, Object> paging,
            Map<String, CodegenModel> models) {
        Map<String, Object> x = op.vendorExtensions;
        String style = String.valueOf(paging.getOrDefault("style", "page"));
        Resolved items = resolve(response, String.valueOf(paging.get("items")), models);
        if (items == null || items.property.items == null) {
            throw new IllegalArgumentException(op.operationId + ": x-docsdk-paging.items names no array property of "
                    + response.classname);
        }
        x.put("x-docsdk-paged", true);
        x.put("x-docsdk-paging-style", style);
        x.put("x-docsdk-page-type", response.classname);
        x.put("x-docsdk-item-type", items.property.items.datatypeWithEnum);
        x.put("x-docsdk-items-getter", items.expr);
        x.put("x-docsdk-first-page", String.valueOf(paging.getOrDefault("firstPage", "1")));
        String pageParam = String.valueOf(paging.get("pageParam"));
        CodegenParameter page = param(op, pageParam);
        if (page == null) {
            throw new IllegalArgumentException(op.operationId + ": x-docsdk-paging.pageParam " + pageParam
                    + " is not a parameter");
        }
        x.put("x-docsdk-page-param", page.paramName);
        x.put("x-docsdk-page-param-type", page.dataType);
        if (page.required && !"cursor".equals(style) && paging.get("cursorParam") == null) {
            // the spec requires the page: a single page asked for without one is the first
            String first = String.valueOf(paging.getOrDefault("firstPage", "1"));
            x.put("x-docsdk-page-required", true);
            x.put("x-docsdk-first-page-value", "Long".equals(page.dataType) ? first + "L"
                    : "BigDecimal".equals(page.dataType) ? "java.math.BigDecimal.valueOf(" + first + ")" : first);
        }
        Object sizeParam = paging.get("sizeParam");
        CodegenParameter size = sizeParam == null ? null : param(op, sizeParam.toString());
        if (size != null) {
            x.put("x-docsdk-size-param", size.paramName);
            Object asked = paging.get("pageSize");
            x.put("x-docsdk-size-default", asked != null ? asked.toString()
                    : size.defaultValue == null ? "0" : size.defaultValue);
            x.put("x-docsdk-size-value", "Long".equals(size.dataType) ? "(long) pageSize"
                    : "BigDecimal".equals(size.dataType) ? "java.math.BigDecimal.valueOf(pageSize)" : "pageSize");
        }
        putSignal(op, x, response, models, paging, "total", "x-docsdk-total-getter");
        putSignal(op, x, response, models, paging, "totalPages", "x-docsdk-total-pages-getter");
        putSignal(op, x, response, models, paging, "hasMore", "x-docsdk-has-more-getter");
        putSignal(op, x, response, models, paging, "nextCursor", "x-docsdk-next-cursor-getter");
        boolean hasCursor = x.containsKey("x-docsdk-next-cursor-getter");
        if ("cursor".equals(style) && !hasCursor) {
            throw new IllegalArgumentException(op.operationId + ": cursor paging needs x-docsdk-paging.nextCursor");
        }
        Object cursorParam = paging.get("cursorParam");
        if (cursorParam != null) {
            // page numbers until a page names a next cursor, sent in cursorParam from then on
            CodegenParameter cursor = param(op, cursorParam.toString());
            if (!"page".equals(style) || !hasCursor || cursor == null) {
                throw new IllegalArgumentException(op.operationId + ": x-docsdk-paging.cursorParam needs style page,"
                        + " nextCursor and a parameter named " + cursorParam);
            }
            x.put("x-docsdk-cursor-param", cursor.paramName);
            x.put("x-docsdk-paging-switching", true);
        } else {
            x.put(hasCursor ? "x-docsdk-paging-cursor" : "x-docsdk-paging-numbers", true);
        }
        return pageParam;
    }

    private static void putSignal(CodegenOperation op, Map<String, Object> x, CodegenModel response,
            Map<String, CodegenModel> models, Map<String, Object> paging, String key, String target) {
        Object name = paging.get(key);
        if (name == null) {
            return;
        }
        Resolved r = resolve(response, name.toString(), models);
        if (r == null) {
            throw new IllegalArgumentException(op.operationId + ": x-docsdk-paging." + key + " names no property "
                    + name + " of " + response.classname);
        }
        x.put(target, r.expr);
    }

    /** A property reached through a dotted path of a response, and the null-safe Java expression over {@code page}. */
    private static final class Resolved {
        final CodegenProperty property;
        final String expr;

        Resolved(CodegenProperty property, String expr) {
            this.property = property;
            this.expr = expr;
        }
    }

    private static Resolved resolve(CodegenModel model, String path, Map<String, CodegenModel> models) {
        String[] parts = path.split("\\.");
        CodegenModel current = model;
        CodegenProperty p = null;
        StringBuilder expr = new StringBuilder("java.util.Optional.ofNullable(page)");
        for (String part : parts) {
            if (current == null) {
                return null;
            }
            p = property(current, part);
            if (p == null) {
                return null;
            }
            expr.append(".map(v -> v.").append(p.getter).append("())");
            current = p.complexType == null ? null : models.get(p.complexType);
        }
        if (parts.length == 1) {
            return new Resolved(p, "page." + p.getter + "()");
        }
        return new Resolved(p, expr.append(".orElse(null)").toString());
    }

    private static CodegenProperty property(CodegenModel model, String baseName) {
        for (CodegenProperty p : model.vars) {
            if (p.baseName.equals(baseName)) {
                return p;
            }
        }
        return null;
    }

    private static CodegenParameter param(CodegenOperation op, String baseName) {
        for (CodegenParameter p : op.allParams) {
            if (p.baseName.equals(baseName)) {
                return p;
            }
        }
        return null;
    }

    private String addStatement(CodegenOperation op, CodegenParameter p, String expr) {
        String name = "\"" + p.baseName + "\"";
        if (p.isPathParam) {
            return ".path(" + name + ", " + expr + ")";
        }
        if (p.isQueryParam) {
            if (p.queryIsJsonMimeType || "application/json".equals(p.contentType)) {
                return ".query(" + name + ", " + expr + " == null ? null : context.gson().toJson(" + expr + "))";
            }
            if (p.isArray && !p.isExplode) {
                String delimiter = p.isSpaceDelimited ? " " : p.isPipeDelimited ? "|" : ",";
                return ".query(" + name + ", " + expr + ", \"" + delimiter + "\")";
            }
            return ".query(" + name + ", " + expr + ")";
        }
        if (p.isHeaderParam) {
            return ".header(" + name + ", " + expr + ")";
        }
        if (p.isBodyParam) {
            return ".jsonBody(" + expr + ")";
        }
        if (p.isFormParam) {
            return (op.isMultipart ? ".multipartField(" : ".formField(") + name + ", " + expr + ")";
        }
        return "";
    }

    private List<String> paramChecks(CodegenParameter p, String expr, boolean required) {
        List<String> checks = new ArrayList<>();
        String name = "\"" + p.paramName + "\"";
        if (required) {
            checks.add("Check.required(" + name + ", " + expr + ");");
        }
        addConstraintChecks(checks, name, text(p.isString, p.dataType, expr), p.isString, p.isNumeric || p.isInteger || p.isLong || p.isNumber
                        || p.isFloat || p.isDouble, p.isArray || p.isMap, p.minLength, p.maxLength, p.pattern,
                p.minimum, p.exclusiveMinimum, p.maximum, p.exclusiveMaximum, p.minItems, p.maxItems);
        addItemChecks(checks, name, expr, p.isArray ? p.items : null);
        if (p.isEnum && p.isString && p.allowableValues != null && "String".equals(p.dataType)) {
            checks.add(oneOf(name, expr, p.allowableValues));
        }
        if (p.isModel || p.isBodyParam || p.isContainer || p.isEnumRef || (p.isEnum && !"String".equals(p.dataType))) {
            checks.add("Check.valid(" + name + ", " + expr + ");");
        }
        return checks;
    }

    /** A string-typed value held as another Java type (a {@code format: uri} as {@code URI}) is checked as text. */
    private static String text(boolean isString, String dataType, String expr) {
        return isString && !"String".equals(dataType) ? "java.util.Objects.toString(" + expr + ", null)" : expr;
    }

    private static void addConstraintChecks(List<String> checks, String name, String expr, boolean isString,
            boolean isNumber, boolean isCollection, Integer minLength, Integer maxLength, String pattern,
            String minimum, boolean exclusiveMinimum, String maximum, boolean exclusiveMaximum, Integer minItems,
            Integer maxItems) {
        if (isString && (minLength != null || maxLength != null)) {
            checks.add("Check.length(" + name + ", " + expr + ", " + (minLength == null ? -1 : minLength) + ", "
                    + (maxLength == null ? -1 : maxLength) + ");");
        }
        if (isString && pattern != null) {
            // openapi-generator hands Java generators the pattern already escaped for a string literal
            checks.add("Check.pattern(" + name + ", " + expr + ", \"" + stripDelimiters(pattern)
                    + "\");");
        }
        if (isNumber && minimum != null) {
            checks.add("Check.min(" + name + ", " + expr + ", \"" + minimum + "\", " + exclusiveMinimum + ");");
        }
        if (isNumber && maximum != null) {
            checks.add("Check.max(" + name + ", " + expr + ", \"" + maximum + "\", " + exclusiveMaximum + ");");
        }
        if (isCollection && (minItems != null || maxItems != null)) {
            checks.add("Check.size(" + name + ", " + expr + ", " + (minItems == null ? -1 : minItems) + ", "
                    + (maxItems == null ? -1 : maxItems) + ");");
        }
    }

    /**
     * The constraints of an array's items (e.g. a list of ids, each non-blank and matching a pattern, or one of an
     * inline enum's values), checked item by item as {@code name[i]}; a {@code null} item is left to
     * {@code Check.valid}, which refuses it.
     */
    private static void addItemChecks(List<String> checks, String name, String expr, CodegenProperty items) {
        if (items == null || items.isContainer || items.isModel) {
            return;
        }
        List<String> itemChecks = new ArrayList<>();
        boolean isNumber = items.isNumeric || items.isInteger || items.isLong || items.isNumber || items.isFloat
                || items.isDouble;
        addConstraintChecks(itemChecks, "docsdkItemName", text(items.isString, items.dataType, "docsdkItem"),
                items.isString, isNumber, false, items.minLength, items.maxLength, items.pattern, items.minimum,
                items.exclusiveMinimum, items.maximum, items.exclusiveMaximum, null, null);
        if (items.isString && items.allowableValues != null && items.allowableValues.get("values") != null) {
            itemChecks.add(oneOf("docsdkItemName", "docsdkItem", items.allowableValues)); // an inline enum of items
        }
        if (itemChecks.isEmpty()) {
            return;
        }
        checks.add("if (" + expr + " != null) { int docsdkI = 0; for (" + items.dataType + " docsdkItem : " + expr
                + ") { String docsdkItemName = " + name + " + \"[\" + docsdkI++ + \"]\"; "
                + String.join(" ", itemChecks) + " } }");
    }

    private static String oneOf(String name, String expr, Map<String, Object> allowableValues) {
        StringBuilder sb = new StringBuilder("Check.oneOf(" + name + ", " + expr);
        Object values = allowableValues == null ? null : allowableValues.get("values");
        if (values instanceof List) {
            for (Object v : (List<?>) values) {
                sb.append(", \"").append(javaString(String.valueOf(v))).append('"');
            }
        }
        return sb.append(");").toString();
    }

    private static String stripDelimiters(String pattern) {
        String p = pattern;
        if (p.length() >= 2 && p.startsWith("/")) {
            int end = p.lastIndexOf('/');
            if (end > 0) {
                p = p.substring(1, end);
            }
        }
        return p;
    }

    static String javaString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String typeToken(String type) {
        if (type.indexOf('<') < 0) {
            return type + ".class";
        }
        return "new com.google.gson.reflect.TypeToken<" + type + ">() { }.getType()";
    }

    /** Summary and description of the spec as Javadoc paragraphs (HTML escaped, Markdown code as code). */
    private static String javadoc(CodegenOperation op) {
        StringBuilder sb = new StringBuilder();
        String summary = op.summary == null ? "" : op.summary.replace("\\\"", "\"").trim();
        if (!summary.isEmpty()) {
            sb.append(html(summary));
            if (!summary.endsWith(".")) {
                sb.append('.');
            }
        }
        if (op.unescapedNotes != null && !op.unescapedNotes.isBlank()) {
            sb.append("\n<p>").append(html(op.unescapedNotes.trim()).replaceAll("\n\\s*\n", "\n<p>"));
        }
        sb.append("\n<p>{@code ").append(op.httpMethod.toUpperCase(Locale.ROOT)).append(' ').append(op.path)
                .append("} (operation {@code ").append(op.operationId).append("}).");
        return sb.toString().replace("\n", "\n     * ");
    }

    static String html(String text) {
        String s = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").replace("\\", "&#92;");
        return s.replaceAll("`([^`\\n]+)`", "<code>$1</code>");
    }
}
