package com.docsdk.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.google.gson.Gson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * No {@code toString()} of any public type of any module prints a secret (issue 13, item 6).
 *
 * <p>Walks every public class under {@code com.docsdk} on the classpath (sdk-core, the five vendor modules with their
 * generated models, sdk-testkit, examples; not test classes), keeps those whose {@code toString()} is not
 * {@code Object}'s (and abstract types with static factories, such as {@code Credentials}), and builds each
 * reflectively: records through their canonical constructor; classes with a no-arg constructor through their setters
 * (the generated models); otherwise through a static method returning a builder ({@code builder()},
 * {@code fromUrl(url)}) and every fluent method of it, a static factory, or the widest constructor. Every
 * {@code String}, {@code URI}, {@code URL}, {@code HttpUrl} or untyped value gets a presigned URL, and a field whose
 * name says it is a credential a token; nested SDK types are built the same way; maps get a signed URL and a token
 * under unknown keys. Where the SDK refuses a value, a harmless one is used instead. Then no {@code toString()} may
 * contain either secret.
 *
 * <p>Types that cannot be built are skipped and listed in {@code target/no-secret-in-tostring.txt} with the counts;
 * the count of instances that really hold a secret must stay above {@link #FLOOR}, so the walk cannot quietly test
 * nothing.
 */
class NoSecretInToStringTest {

    private static final String SIGNATURE = "SECRETSIG123";
    private static final String TOKEN_SECRET = "SECRETVALUE123";
    private static final String SIGNED_URL = "https://acct.blob.core.windows.net/c/f.zip?sv=2024&sig=" + SIGNATURE;
    private static final String TOKEN = "tok_" + TOKEN_SECRET;
    private static final List<String> SECRETS = List.of(SIGNATURE, TOKEN_SECRET);

    /** Instances built with a secret inside; 128 when this was written. Raise it when types are added. */
    private static final int FLOOR = 120;
    private static final int MAX_DEPTH = 4;

    @TempDir
    Path dir;

    private Path existingFile;
    private final Map<Class<?>, String> skipped = new TreeMap<>(Comparator.comparing(Class::getName));

    @Test
    void noPublicTypeOfAnyModulePrintsASecretInToString(TestReporter reporter) throws IOException {
        existingFile = Files.writeString(dir.resolve("export.zip"), "content", StandardCharsets.UTF_8);
        List<Class<?>> types = publicTypesWithTheirOwnToString();

        List<String> leaks = new ArrayList<>();
        Map<String, Integer> builtPerModule = new TreeMap<>();
        List<String> withoutSecret = new ArrayList<>();
        int built = 0;
        int holdingASecret = 0;
        int generated = 0;
        for (Class<?> type : types) {
            Object instance = instantiate(type, 0);
            if (instance == null) {
                continue;
            }
            if (!hasOwnToString(instance.getClass())) {
                close(instance);
                continue;
            }
            built++;
            try {
                if (!holdsSecret(instance, Collections.newSetFromMap(new IdentityHashMap<>()), 0)) {
                    withoutSecret.add(type.getSimpleName());
                    continue;
                }
                holdingASecret++;
                generated += isGeneratedModel(type) ? 1 : 0;
                builtPerModule.merge(module(type), 1, Integer::sum);
                String printed;
                try {
                    printed = instance.toString();
                } catch (RuntimeException e) {
                    leaks.add(type.getName() + ": toString() threw " + e);
                    continue;
                }
                for (String secret : SECRETS) {
                    if (printed.contains(secret)) {
                        leaks.add(type.getName() + " (" + module(type) + "): " + excerpt(printed, secret));
                    }
                }
            } finally {
                close(instance);
            }
        }

        String summary = types.size() + " public types (with their own toString(), or abstract); " + built + " built, "
                + holdingASecret + " of them holding a secret (" + generated + " generated models; per module "
                + builtPerModule + "); built without a secret field: " + withoutSecret + "; skipped:\n"
                + skippedReport();
        reporter.publishEntry("walk", summary);
        Files.writeString(Path.of("target", "no-secret-in-tostring.txt"), summary + "\n", StandardCharsets.UTF_8);
        assertTrue(leaks.isEmpty(), leaks.size() + " toString() print a secret:\n" + String.join("\n", leaks));
        assertTrue(holdingASecret >= FLOOR, "below the floor of " + FLOOR + ": " + summary);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Finding the types

    private static List<Class<?>> publicTypesWithTheirOwnToString() throws IOException {
        ClassLoader loader = NoSecretInToStringTest.class.getClassLoader();
        Set<String> names = new TreeSet<>();
        Enumeration<URL> roots = loader.getResources("com/docsdk");
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            String location = root.toString();
            if (location.contains("/test-classes/") || location.contains("-tests.jar")) {
                continue; // test code (this test, sdk-core's test jar), not a module's public API
            }
            if (root.getProtocol().equals("file")) {
                Path base = Paths.get(toUri(root)).getParent().getParent();
                try (Stream<Path> files = Files.walk(base.resolve("com/docsdk"))) {
                    files.map(base::relativize).map(Path::toString).map(p -> p.replace(File.separatorChar, '/'))
                            .forEach(p -> addClassName(names, p));
                }
            } else if (root.getProtocol().equals("jar")) {
                String jar = location.substring("jar:".length(), location.indexOf("!/"));
                try (JarFile file = new JarFile(Paths.get(toUri(new URL(jar))).toFile())) {
                    file.stream().map(JarEntry::getName).forEach(p -> addClassName(names, p));
                }
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            boolean buildable = isAbstract(type) ? hasFactory(type) : hasOwnToString(type);
            if (isPublicApi(type) && isValueLike(type) && buildable) {
                types.add(type);
            }
        }
        return types;
    }

    private static void addClassName(Set<String> names, String path) {
        if (path.startsWith("com/docsdk/") && path.endsWith(".class") && !path.endsWith("module-info.class")
                && !path.matches(".*\\$[0-9].*")) {
            names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
    }

    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass();
    }

    /** Exceptions are left to the error tests (issue 13, item 5); enums print their constant. */
    private static boolean isValueLike(Class<?> type) {
        return !type.isEnum() && !type.isAnnotation() && !Throwable.class.isAssignableFrom(type);
    }

    /** An interface or abstract class: its instances come from its static factories ({@code Credentials.apiKey}). */
    private static boolean isAbstract(Class<?> type) {
        return type.isInterface() || Modifier.isAbstract(type.getModifiers());
    }

    /** Generated models (whatever their package) come with a static {@code fromJson(String)}. */
    private static boolean isGeneratedModel(Class<?> type) {
        try {
            return Modifier.isStatic(type.getMethod("fromJson", String.class).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean hasFactory(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .anyMatch(m -> Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType()));
    }

    private static boolean hasOwnToString(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Building instances

    /** An instance of {@code type} filled with secrets, or null (and the reason recorded) when none can be built. */
    private Object instantiate(Class<?> type, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        List<String> failures = new ArrayList<>();
        for (Plain plain : Plain.values()) {
            for (Strategy strategy : Strategy.values()) {
                try {
                    Object instance = strategy.build(this, type, plain, depth);
                    if (instance != null) {
                        if (depth == 0) {
                            skipped.remove(type);
                        }
                        return instance;
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                    failures.add(strategy + ": " + cause);
                }
            }
        }
        if (depth == 0) {
            skipped.put(type, failures.isEmpty() ? "no constructor, builder or factory" : failures.get(0));
        }
        return null;
    }

    /** Whether a field or parameter of no telling name gets a secret (first try) or a harmless word (second try). */
    private enum Plain {
        SECRET, HARMLESS
    }

    private enum Strategy {
        RECORD {
            @Override
            Object build(NoSecretInToStringTest t, Class<?> type, Plain plain, int depth)
                    throws ReflectiveOperationException {
                if (!type.isRecord() || isAbstract(type)) {
                    return null;
                }
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] raw = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
                Constructor<?> constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
                Object[] args = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    args[i] = t.value(components[i].getName(), components[i].getGenericType(), plain, depth);
                }
                return constructor.newInstance(args);
            }
        },
        SETTERS {
            @Override
            Object build(NoSecretInToStringTest t, Class<?> type, Plain plain, int depth)
                    throws ReflectiveOperationException {
                Constructor<?> constructor;
                if (isAbstract(type)) {
                    return null;
                }
                try {
                    constructor = type.getConstructor();
                } catch (NoSuchMethodException e) {
                    return null;
                }
                Object instance = constructor.newInstance();
                for (Method method : sorted(type.getMethods())) {
                    boolean setter = method.getName().startsWith("set") && method.getName().length() > 3
                            && method.getParameterCount() == 1;
                    boolean put = method.getName().startsWith("put") && method.getParameterCount() == 2
                            && method.getParameterTypes()[0] == String.class;
                    if (Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                        continue;
                    }
                    if (setter) {
                        t.call(instance, method, List.of(decapitalize(method.getName().substring(3))), plain, depth);
                    } else if (put) {
                        for (String key : List.of("signed_url", "sas_token")) {
                            Object value = t.value(key, method.getGenericParameterTypes()[1], plain, depth);
                            t.invokeQuietly(instance, method, key, value);
                        }
                    }
                }
                return instance;
            }
        },
        BUILDER {
            @Override
            Object build(NoSecretInToStringTest t, Class<?> type, Plain plain, int depth)
                    throws ReflectiveOperationException {
                ReflectiveOperationException failure = null;
                for (Method factory : sorted(type.getMethods())) {
                    if (!Modifier.isStatic(factory.getModifiers()) || !buildsA(factory.getReturnType(), type)) {
                        continue; // builder(), builder(path), fromUrl(url): anything returning a builder of the type
                    }
                    // Options that exclude each other (apiKey and bearerToken, say): the builder's refusal names one;
                    // leave it out and build again.
                    Set<String> leftOut = new TreeSet<>();
                    while (true) {
                        try {
                            Object builder = factory.invoke(null, t.arguments(factory, plain, depth));
                            t.callFluentMethods(builder, leftOut, plain, depth);
                            Method build = builder.getClass().getMethod("build");
                            build.setAccessible(true);
                            Object built = build.invoke(builder);
                            if (type.isInstance(built)) {
                                return built;
                            }
                            break;
                        } catch (InvocationTargetException e) {
                            failure = e;
                            if (!(e.getCause() instanceof ClientValidationException refused)
                                    || !leftOut.add(refused.field()) || leftOut.size() > 5) {
                                break; // another factory, if any
                            }
                        }
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
        },
        FACTORY {
            /** Static methods of the type, or of the class it is nested in, that return it; widest first. */
            @Override
            Object build(NoSecretInToStringTest t, Class<?> type, Plain plain, int depth)
                    throws ReflectiveOperationException {
                List<Method> factories = Stream.of(type, type.getEnclosingClass())
                        .filter(c -> c != null)
                        .flatMap(c -> Arrays.stream(c.getMethods()))
                        .filter(m -> Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType()))
                        .sorted(Comparator.comparingInt(Method::getParameterCount).reversed()
                                .thenComparing(Method::toGenericString))
                        .toList();
                ReflectiveOperationException failure = null;
                for (Method factory : factories) {
                    try {
                        Object instance = factory.invoke(null, t.arguments(factory, plain, depth));
                        t.callFluentMethods(instance, Set.of(), plain, depth);
                        return instance;
                    } catch (InvocationTargetException e) {
                        failure = e;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
        },
        CONSTRUCTOR {
            @Override
            Object build(NoSecretInToStringTest t, Class<?> type, Plain plain, int depth)
                    throws ReflectiveOperationException {
                if (isAbstract(type)) {
                    return null;
                }
                Constructor<?> widest = Arrays.stream(type.getDeclaredConstructors())
                        .max(Comparator.comparingInt(Constructor::getParameterCount)).orElse(null);
                if (widest == null) {
                    return null;
                }
                widest.setAccessible(true);
                return widest.newInstance(t.arguments(widest, plain, depth));
            }
        };

        abstract Object build(NoSecretInToStringTest t, Class<?> type, Plain plain, int depth)
                throws ReflectiveOperationException;
    }

    private static boolean buildsA(Class<?> builder, Class<?> type) {
        try {
            return type.isAssignableFrom(builder.getMethod("build").getReturnType());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static List<Method> sorted(Method[] methods) {
        return Arrays.stream(methods).sorted(Comparator.comparing(Method::toGenericString)).toList();
    }

    /** A fluent method's name names its only parameter ({@code apiKey(String)}); more parameters have no names. */
    private static List<String> names(Method method) {
        return method.getParameterCount() == 1 ? List.of(method.getName()) : List.of();
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Calls every fluent method ({@code apiKey(String)} returning the builder) of the target, but those left out. */
    private void callFluentMethods(Object target, Set<String> leftOut, Plain plain, int depth) {
        if (target == null) {
            return;
        }
        for (Method method : sorted(target.getClass().getMethods())) {
            boolean fluent = !Modifier.isStatic(method.getModifiers()) && method.getParameterCount() > 0
                    && method.getReturnType().isAssignableFrom(target.getClass())
                    && method.getReturnType() != Object.class && method.getDeclaringClass() != Object.class
                    && !leftOut.contains(method.getName());
            if (fluent) {
                call(target, method, names(method), plain, depth);
            }
        }
    }

    /** Calls a setter or fluent method with secrets; when the SDK refuses them, with harmless values; else not. */
    private void call(Object target, Method method, List<String> names, Plain plain, int depth) {
        for (Plain attempt : plain == Plain.SECRET ? List.of(Plain.SECRET, Plain.HARMLESS) : List.of(Plain.HARMLESS)) {
            Type[] types = method.getGenericParameterTypes();
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                args[i] = value(i < names.size() ? names.get(i) : "", types[i], attempt, depth);
            }
            if (invokeQuietly(target, method, args)) {
                return;
            }
        }
    }

    private boolean invokeQuietly(Object target, Method method, Object... args) {
        try {
            method.setAccessible(true);
            method.invoke(target, args);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private Object[] arguments(Executable executable, Plain plain, int depth) {
        Type[] types = executable.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = value("", types[i], plain, depth);
        }
        return args;
    }

    /** A value for a field, parameter or element named {@code name} (empty when unknown) of type {@code type}. */
    private Object value(String name, Type type, Plain plain, int depth) {
        Class<?> raw = raw(type);
        if (raw == String.class || raw == CharSequence.class || raw == Object.class) {
            return string(name, plain);
        }
        if (raw == URI.class) {
            return URI.create(SIGNED_URL);
        }
        if (raw == URL.class) {
            try {
                return URI.create(SIGNED_URL).toURL();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (raw == HttpUrl.class) {
            return HttpUrl.get(SIGNED_URL);
        }
        if (raw == Gson.class) {
            return new Gson();
        }
        if (raw == Headers.class) {
            return Headers.of("Authorization", "Bearer " + TOKEN, "X-Api-Key", TOKEN, "Location", SIGNED_URL,
                    "Content-Type", "application/json");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Boolean.TRUE;
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 1L;
        }
        if (raw == double.class || raw == Double.class) {
            return 1.0;
        }
        if (raw == float.class || raw == Float.class) {
            return 1.0f;
        }
        if (raw == short.class || raw == Short.class) {
            return (short) 1;
        }
        if (raw == byte.class || raw == Byte.class) {
            return (byte) 1;
        }
        if (raw == char.class || raw == Character.class) {
            return 'x';
        }
        if (raw == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (raw == BigInteger.class) {
            return BigInteger.ONE;
        }
        if (raw == UUID.class) {
            return UUID.fromString("7870a865-d560-4183-82c1-4b10e696e930");
        }
        if (raw == Instant.class) {
            return Instant.parse("2025-06-01T00:00:00Z");
        }
        if (raw == OffsetDateTime.class) {
            return OffsetDateTime.of(2025, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2025, 6, 1);
        }
        if (raw == LocalDateTime.class) {
            return LocalDateTime.of(2025, 6, 1, 0, 0);
        }
        if (raw == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (raw == Path.class) {
            return existingFile;
        }
        if (raw == File.class) {
            return existingFile.toFile();
        }
        if (raw == byte[].class) {
            return SIGNED_URL.getBytes(StandardCharsets.UTF_8);
        }
        if (raw == Optional.class) {
            return Optional.ofNullable(value(name, typeArgument(type, 0), plain, depth));
        }
        if (raw == List.class || raw == Collection.class || raw == Iterable.class) {
            Object element = value(name, typeArgument(type, 0), plain, depth);
            return element == null ? List.of() : List.of(element);
        }
        if (raw == Set.class) {
            Object element = value(name, typeArgument(type, 0), plain, depth);
            return element == null ? Set.of() : new LinkedHashSet<>(List.of(element));
        }
        if (raw == Map.class) {
            Map<Object, Object> map = new LinkedHashMap<>();
            Type keyType = typeArgument(type, 0);
            for (String key : List.of("signed_url", "sas_token")) {
                Object k = raw(keyType) == String.class || raw(keyType) == Object.class ? key
                        : value(key, keyType, plain, depth);
                Object v = value(key, typeArgument(type, 1), plain, depth);
                if (k != null && v != null) {
                    map.put(k, v);
                }
            }
            return map;
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return Arrays.stream(constants).filter(c -> !c.toString().toUpperCase(Locale.ROOT).contains("UNKNOWN"))
                    .findFirst().orElse(constants.length == 0 ? null : constants[0]);
        }
        if (raw.isArray()) {
            Object element = value(name, raw.getComponentType(), plain, depth);
            Object array = Array.newInstance(raw.getComponentType(), element == null ? 0 : 1);
            if (element != null) {
                Array.set(array, 0, element);
            }
            return array;
        }
        if (raw.getName().startsWith("com.docsdk.")) {
            return instantiate(raw, depth + 1);
        }
        return null; // callbacks, clocks, HTTP clients, streams: not values a toString() prints
    }

    private static String string(String name, Plain plain) {
        String lower = name.toLowerCase(Locale.ROOT).replace("_", "");
        if (Stream.of("url", "uri", "link", "href", "location", "callback", "endpoint").anyMatch(lower::contains)) {
            return SIGNED_URL; // tokenUrl too
        }
        if (Stream.of("token", "secret", "password", "apikey", "accesskey", "credential", "signature", "authorization")
                .anyMatch(lower::contains)) {
            return TOKEN;
        }
        return plain == Plain.SECRET ? SIGNED_URL : "value";
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof GenericArrayType g) {
            return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        return Object.class; // a type variable: any value will do
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Checking and reporting

    /** Whether the instance really carries one of the secrets somewhere inside (else its toString() proves nothing). */
    private static boolean holdsSecret(Object value, Set<Object> seen, int depth) {
        if (value == null || depth > 8 || !seen.add(value)) {
            return false;
        }
        if (value instanceof CharSequence || value instanceof URI || value instanceof URL || value instanceof HttpUrl
                || value instanceof Path || value instanceof File || value instanceof Headers) {
            String text = value.toString();
            return SECRETS.stream().anyMatch(text::contains);
        }
        if (value instanceof byte[] bytes) {
            return holdsSecret(new String(bytes, StandardCharsets.UTF_8), seen, depth + 1);
        }
        if (value instanceof Optional<?> optional) {
            return holdsSecret(optional.orElse(null), seen, depth + 1);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .anyMatch(e -> holdsSecret(e.getKey(), seen, depth + 1)
                            || holdsSecret(e.getValue(), seen, depth + 1));
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().anyMatch(e -> holdsSecret(e, seen, depth + 1));
        }
        if (!value.getClass().getName().startsWith("com.docsdk.")) {
            return false;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    if (holdsSecret(field.get(value), seen, depth + 1)) {
                        return true;
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field reflection may not open: look at the others
                }
            }
        }
        return false;
    }

    private static String excerpt(String printed, String secret) {
        int at = printed.indexOf(secret);
        String around = printed.substring(Math.max(0, at - 80), Math.min(printed.length(), at + secret.length() + 20));
        return "..." + around.replace("\n", "\\n") + "...";
    }

    private static String module(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource() == null ? null
                : type.getProtectionDomain().getCodeSource().getLocation();
        String path = location == null ? type.getName() : location.getPath();
        for (String module : List.of("sdk-core", "sdk-fileai", "sdk-webadmit", "sdk-smartdocumentor", "sdk-dcycle",
                "sdk-document360", "sdk-testkit", "examples")) {
            if (path.contains("/" + module + "/") || path.contains("/" + module + "-")) {
                return module;
            }
        }
        return path;
    }

    private String skippedReport() {
        return skipped.entrySet().stream().map(e -> "  " + e.getKey().getName() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static void close(Object instance) {
        if (instance instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing what the test built; nothing to report
            }
        }
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
