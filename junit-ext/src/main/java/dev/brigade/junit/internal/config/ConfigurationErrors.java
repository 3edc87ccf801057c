package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Builds the one shape every configuration error has: what was written, where, and what to change.
 *
 * <p>Public for {@code lifecycle}, {@code base} and {@code verdict}, whose configuration errors take this one shape.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ConfigurationErrors {

    private ConfigurationErrors() {
    }

    /**
     * {@code Configuration error: @Brigade(tasks = 0) on method [HandOffTest#handOff]: tasks must be at least 1}.
     *
     * @param what    the annotation attribute or configuration parameter as written
     * @param where   {@link #where(ExtensionContext)}
     * @param problem what is wrong and what to do
     */
    public static ExtensionConfigurationException error(String what, String where, String problem) {
        return new ExtensionConfigurationException("Configuration error: " + what + " on " + where + ": " + problem);
    }

    /** {@code method [HandOffTest#handOff]}: the test class without its package, and the method. */
    public static String where(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Class<?> testClass = context.getTestClass().orElse(method.getDeclaringClass());
        return "method [" + className(testClass) + "#" + method.getName() + "]";
    }

    private static String className(Class<?> type) {
        String name = type.getName();
        String packageName = type.getPackageName();
        String simple = packageName.isEmpty() ? name : name.substring(packageName.length() + 1);
        return simple.replace('$', '.');
    }
}
