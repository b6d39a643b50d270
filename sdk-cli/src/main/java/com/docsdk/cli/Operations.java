package com.docsdk.cli;

import com.docsdk.core.RequestOptions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code docsdk <vendor> <resource> <verb> [args] [--flags]} from the client class by reflection: each public no-arg
 * method returning a {@code <Tag>Service} is a resource (kebab-case), each public method of the service a verb; its
 * required parameters (the names kept by {@code -parameters}) are positional, the setters of its
 * {@code <Method>Params} builder are {@code --options}. A new operation in a spec therefore needs no CLI code.
 */
final class Operations {
    private static final Set<String> NOT_OPERATIONS = Set.of("withOptions", "withRawResponse", "async", "toString",
            "equals", "hashCode", "getClass", "notify", "notifyAll", "wait");

    /** One operation: the service accessor and the overload taking every input. */
    record Operation(Method accessor, Method method, List<Parameter> required, Class<?> paramsClass,
            boolean takesOptions) {
        String resource() {
            return kebab(accessor.getName());
        }

        String verb() {
            return kebab(method.getName());
        }
    }

    private Operations() {
    }

    /** Every operation of the client class, by resource then verb, in name order. */
    static Map<String, Map<String, Operation>> of(Class<?> clientClass) {
        Map<String, Map<String, Operation>> byResource = new TreeMap<>();
        for (Method accessor : clientClass.getMethods()) {
            if (!isServiceAccessor(accessor)) {
                continue;
            }
            Map<String, List<Method>> byName = new LinkedHashMap<>();
            for (Method m : accessor.getReturnType().getMethods()) {
                if (m.getDeclaringClass() == accessor.getReturnType() && !Modifier.isStatic(m.getModifiers())
                        && !NOT_OPERATIONS.contains(m.getName())) {
                    byName.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
                }
            }
            Map<String, Operation> verbs = new TreeMap<>();
            byName.forEach((name, overloads) -> {
                Method widest = overloads.stream().max(Comparator.comparingInt(Method::getParameterCount))
                        .orElseThrow();
                verbs.put(kebab(name), operation(accessor, widest));
            });
            if (!verbs.isEmpty()) {
                byResource.put(kebab(accessor.getName()), verbs);
            }
        }
        return byResource;
    }

    static boolean isServiceAccessor(Method m) {
        return Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                && m.getParameterCount() == 0 && m.getReturnType().getSimpleName().endsWith("Service")
                && m.getDeclaringClass() != Object.class;
    }

    private static Operation operation(Method accessor, Method method) {
        List<Parameter> required = new ArrayList<>();
        Class<?> paramsClass = null;
        boolean takesOptions = false;
        for (Parameter p : method.getParameters()) {
            if (p.getType() == RequestOptions.class) {
                takesOptions = true;
            } else if (p.getType().getSimpleName().endsWith("Params")
                    && p.getType().getDeclaringClass() == method.getDeclaringClass()) {
                paramsClass = p.getType();
            } else {
                required.add(p);
            }
        }
        return new Operation(accessor, method, required, paramsClass, takesOptions);
    }

    /** The setters of a Params builder: option name to setter. */
    static Map<String, Method> optionSetters(Class<?> paramsClass) {
        Map<String, Method> setters = new TreeMap<>();
        if (paramsClass == null) {
            return setters;
        }
        try {
            Class<?> builder = paramsClass.getMethod("builder").getReturnType();
            for (Method m : builder.getMethods()) {
                if (m.getDeclaringClass() == builder && m.getParameterCount() == 1 && m.getReturnType() == builder) {
                    setters.put(kebab(m.getName()), m);
                }
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(paramsClass + " has no builder()", e);
        }
        return setters;
    }

    /** The picocli command of one operation; {@code run} executes it with the parsed spec. */
    static CommandSpec command(Operation op, java.util.function.Function<CommandSpec, Integer> run) {
        CommandSpec[] self = new CommandSpec[1];
        Callable<Integer> call = () -> run.apply(self[0]);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(call);
        self[0] = spec;
        spec.name(op.verb());
        spec.mixinStandardHelpOptions(true);
        StringBuilder signature = new StringBuilder(op.method().getDeclaringClass().getSimpleName())
                .append('.').append(op.method().getName()).append('(');
        List<String> names = new ArrayList<>();
        op.required().forEach(p -> names.add(p.getName()));
        if (op.paramsClass() != null) {
            names.add("[" + op.paramsClass().getSimpleName() + "]");
        }
        signature.append(String.join(", ", names)).append(") -> ")
                .append(simpleTypeName(op.method().getGenericReturnType()));
        spec.usageMessage().description(signature.toString());
        int index = 0;
        for (Parameter p : op.required()) {
            boolean list = java.util.Collection.class.isAssignableFrom(p.getType());
            boolean json = isJson(p.getType());
            PositionalParamSpec.Builder b = PositionalParamSpec.builder()
                    .index(list && index == op.required().size() - 1 ? index + "..*" : String.valueOf(index))
                    .paramLabel(label(p.getName()))
                    .type(list ? List.class : String.class)
                    .auxiliaryTypes(String.class)
                    .arity(list && index == op.required().size() - 1 ? "1..*" : "1")
                    .required(true)
                    .description(describe(p.getParameterizedType(), json));
            spec.addPositional(b.build());
            index++;
        }
        optionSetters(op.paramsClass()).forEach((name, setter) -> {
            Type type = setter.getGenericParameterTypes()[0];
            Class<?> raw = setter.getParameterTypes()[0];
            boolean flag = raw == Boolean.class || raw == boolean.class;
            spec.addOption(OptionSpec.builder("--" + name)
                    .paramLabel(flag ? "true|false" : label(setter.getName()))
                    .type(java.util.Collection.class.isAssignableFrom(raw) ? List.class : String.class)
                    .auxiliaryTypes(String.class)
                    .arity(flag ? "0..1" : "1")
                    .fallbackValue(flag ? "true" : "")
                    .description(describe(type, isJson(raw)))
                    .build());
        });
        if (Iterable.class.isAssignableFrom(op.method().getReturnType())) {
            spec.addOption(OptionSpec.builder("--max-items").paramLabel("N").type(long.class)
                    .defaultValue("-1").description("stop after N items (default: all pages)").build());
        }
        return spec;
    }

    private static boolean isJson(Class<?> raw) {
        return !raw.isPrimitive() && !raw.isEnum() && !raw.getName().startsWith("java.");
    }

    private static String describe(Type type, boolean json) {
        Class<?> raw = Values.rawClass(type);
        if (raw.isEnum()) {
            return "one of " + String.join(", ", Values.choices(raw));
        }
        return json ? simpleTypeName(type) + " as JSON: inline, @file or - (standard input)" : simpleTypeName(type);
    }

    static String simpleTypeName(Type type) {
        return type.getTypeName().replaceAll("[a-z0-9_]+\\.", "").replaceAll("\\$", ".");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String label(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The {@code CommandLine} of a resource holding its verbs. */
    static CommandLine resource(String name, Class<?> service) {
        CommandSpec spec = CommandSpec.create().name(name);
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().description(service.getSimpleName());
        return new CommandLine(spec);
    }
}
