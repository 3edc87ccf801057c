package dev.brigade.junit.internal.base;

import dev.brigade.fixture.Pairing;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The base build's classes, for the base side of an {@code @AgainstBase} test: child-first for the base build's
 * class path ({@code brigade.base.classpath}: its class directories and the jars that differ from the current
 * build), so that {@code new Codec()} in the test body means the base build's {@code Codec}; parent-first for
 * Brigade, JUnit, AssertJ and the JDK, which both sides share so that both drive the same fixture code. It carries
 * the invocation's {@link Pairing} to the base side, which finds it through its test class's loader. Closing it
 * closes the jars it opened.
 */
final class BaseClassLoader extends URLClassLoader {

    /** Packages both sides share whatever the base class path holds: the harness, not the code under test. */
    private static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "dev.brigade.fixture.", "dev.brigade.measure.", "dev.brigade.assertj.", "dev.brigade.junit.",
            "org.junit.", "org.opentest4j.", "org.apiguardian.", "org.assertj.", "net.bytebuddy.");

    static {
        registerAsParallelCapable();
    }

    /** The pairing of the invocation this loader serves, for its base side to find; null for none. */
    private volatile Pairing pairing;

    private BaseClassLoader(URL[] urls, ClassLoader parent) {
        super("brigade-base", urls, parent);
    }

    /** The pairing of the invocation whose base side this loader's classes run, if it has one. */
    Optional<Pairing> pairing() {
        return Optional.ofNullable(pairing);
    }

    void pairing(Pairing pairing) {
        this.pairing = pairing;
    }

    /** The base build's loader for {@code testClass}, from {@code classpath}, not yet checked: {@link #check}. */
    static BaseClassLoader open(String classpath, Class<?> testClass) {
        return new BaseClassLoader(urls(classpath), testClass.getClassLoader());
    }

    /**
     * The base build's loader for {@code testClass}, from {@code classpath}, checked ({@link #check}).
     *
     * @throws IllegalArgumentException naming what to change when an entry does not exist or the check fails
     */
    static BaseClassLoader of(String classpath, Class<?> testClass) {
        BaseClassLoader loader = open(classpath, testClass);
        try {
            loader.check(classpath, testClass);
            return loader;
        } catch (RuntimeException | Error e) {
            try {
                loader.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Checks that this loader serves {@code testClass}.
     *
     * @throws IllegalArgumentException naming what to change when the test class is not in the base build, or the
     *                                  base build's test class was compiled for another class-file version than the
     *                                  current one
     */
    void check(String classpath, Class<?> testClass) {
        String file = classFile(testClass.getName());
        URL base = findResource(file);
        if (base == null) {
            throw new IllegalArgumentException("the base build has no " + testClass.getName() + " (looked for "
                    + file + " in " + classpath + "): give the base build's test classes"
                    + " (its target/test-classes), or run this test without brigade.base.classpath");
        }
        int current = majorVersion(testClass.getClassLoader().getResource(file));
        int other = majorVersion(base);
        if (current != other) {
            throw new IllegalArgumentException("the base build's " + testClass.getSimpleName() + " was compiled"
                    + " for Java " + (other - 44) + " (class-file version " + other + "), the current one for Java "
                    + (current - 44) + " (" + current + "): build both with the same release");
        }
    }

    /**
     * What of {@code method} the base build lacks, when the change adds it: {@code "test class"} when the base build
     * has no {@code testClass} but has others of the current build's test classes, {@code "test method"} when its
     * copy of the class has no such method (same name and parameter types); empty when the base build has both. A
     * test the change adds runs as a measured test, not compared (a pull request that adds a test is no error).
     *
     * @throws IllegalArgumentException naming what to change when the base class path holds none of the current
     *                                  build's test classes (a wrong path, not a new test)
     * @throws UncheckedIOException     when the current build's test classes cannot be listed
     */
    Optional<String> newInThisChange(String classpath, Method method) {
        Class<?> testClass = method.getDeclaringClass();
        try {
            if (findResource(classFile(testClass.getName())) == null) {
                if (!holdsAnyOf(this, testClass)) {
                    throw new IllegalArgumentException("the base build has none of the current build's test classes"
                            + " (looked for " + classFile(testClass.getName()) + " and the other classes of "
                            + location(testClass).map(Path::toString).orElse("its test classes") + " in " + classpath
                            + "): give the base build's test classes (its target/test-classes), or run this test"
                            + " without brigade.base.classpath");
                }
                return Optional.of("test class");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the current build's test classes", e);
        }
        try {
            Class<?> baseClass = Class.forName(testClass.getName(), false, this);
            return sameMethod(baseClass, method).isPresent() ? Optional.empty() : Optional.of("test method");
        } catch (ClassNotFoundException | LinkageError e) {
            // a base class that cannot be loaded is no new test: running the base side says what is wrong
            return Optional.empty();
        }
    }

    /** The base build's method of the same name and parameter types as {@code method}, if its class has one. */
    static Optional<Method> sameMethod(Class<?> baseClass, Method method) {
        return Arrays.stream(baseClass.getDeclaredMethods()).filter(m -> m.getName().equals(method.getName())
                && Arrays.equals(names(m.getParameterTypes()), names(method.getParameterTypes()))).findFirst();
    }

    /** Whether {@code base} has any class file of the directory or jar that {@code testClass} was loaded from. */
    private static boolean holdsAnyOf(URLClassLoader base, Class<?> testClass) throws IOException {
        Optional<Path> location = location(testClass);
        if (location.isEmpty()) {
            // nowhere to list the current build's test classes: its own package must be there
            String dir = testClass.getPackageName().replace('.', '/');
            return base.findResource(dir.isEmpty() ? "" : dir + "/") != null;
        }
        if (Files.isDirectory(location.get())) {
            Path root = location.get();
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                        .anyMatch(f -> base.findResource(root.relativize(f).toString().replace(File.separatorChar,
                                '/')) != null);
            }
        }
        try (JarFile jar = new JarFile(location.get().toFile())) {
            return jar.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                    .anyMatch(n -> base.findResource(n) != null);
        }
    }

    /** The directory or jar {@code type} was loaded from, when its class loader says. */
    private static Optional<Path> location(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static String classFile(String className) {
        return className.replace('.', '/') + ".class";
    }

    private static String[] names(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getName).toArray(String[]::new);
    }

    /** The base class path's entries as URLs, each checked to exist. */
    private static URL[] urls(String classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.strip());
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("the base class path entry " + path + " does not exist: build the"
                        + " base commit first (./mvnw -q -DskipTests test-compile in its worktree) and give its"
                        + " target/classes and target/test-classes");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("the base class path entry " + path + " is not a path: " + e, e);
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("the base class path is empty: give the base build's class"
                    + " directories and jars, separated by '" + File.pathSeparator + "'");
        }
        return urls.toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException e) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (configuration(name)) {
            return getParent().getResource(name);
        }
        URL own = shared(name.replace('/', '.')) ? null : findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return configuration(name) ? getParent().getResources(name) : super.getResources(name);
    }

    /**
     * Whether {@code name} is configuration the two sides share: JUnit's {@code junit-platform.properties} (the base
     * side then reads the file the current side read, and JUnit does not warn of two) and the service lists of
     * {@code META-INF/services}, whose classes still load from the base build first.
     */
    private static boolean configuration(String name) {
        return name.equals("junit-platform.properties") || name.startsWith("META-INF/services/");
    }

    private static boolean shared(String name) {
        return SHARED.stream().anyMatch(name::startsWith);
    }

    /** The class-file major version of the class at {@code url} (65 for Java 21). */
    static int majorVersion(URL url) {
        try (InputStream in = url.openStream(); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException(url + " is not a class file");
            }
            data.readUnsignedShort();
            return data.readUnsignedShort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

}
