package dev.brigade.junit.internal.base;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The base build's classes, for the base side of an {@code @AgainstBase} test: child-first for the base build's
 * class path ({@code brigade.base.classpath}: its class directories and the jars that differ from the current
 * build), so that {@code new Codec()} in the test body means the base build's {@code Codec}; parent-first for
 * Brigade, JUnit, AssertJ and the JDK, which both sides share so that both drive the same fixture code. Closing it
 * closes the jars it opened.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BaseClassLoader extends URLClassLoader {

    /** Packages both sides share whatever the base class path holds: the harness, not the code under test. */
    private static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "dev.brigade.fixture.", "dev.brigade.measure.", "dev.brigade.assertj.", "dev.brigade.junit.",
            "org.junit.", "org.opentest4j.", "org.apiguardian.", "org.assertj.", "net.bytebuddy.");

    static {
        registerAsParallelCapable();
    }

    private BaseClassLoader(URL[] urls, ClassLoader parent) {
        super("brigade-base", urls, parent);
    }

    /**
     * The base build's loader for {@code testClass}, from {@code classpath} (entries separated by the platform's
     * path separator).
     *
     * @throws IllegalArgumentException naming what to change when an entry does not exist, the test class is not
     *                                  in the base build, or the base build's test class was compiled for another
     *                                  class-file version than the current one
     */
    public static BaseClassLoader of(String classpath, Class<?> testClass) {
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
        BaseClassLoader loader = new BaseClassLoader(urls.toArray(URL[]::new), testClass.getClassLoader());
        try {
            String file = testClass.getName().replace('.', '/') + ".class";
            URL base = loader.findResource(file);
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
            return loader;
        } catch (RuntimeException | Error e) {
            closeQuietly(loader, e);
            throw e;
        }
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

    private static void closeQuietly(BaseClassLoader loader, Throwable failure) {
        try {
            loader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
