package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.internal.ChildJvm;
import dev.brigade.junit.Fork;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A method's {@link Fork}, checked: the child JVM's extra arguments, its CPUs, its scheduler parallelism and how
 * many children each invocation runs in.
 *
 * <p>Public for {@code lifecycle} and {@code fork}, which run the forks as it says.
 *
 * @param jvmArgs     extra arguments
 * @param cpus        a {@code taskset -c} CPU list, or empty
 * @param parallelism carrier threads, or 0 for the JDK's choice
 * @param runs        fresh JVMs per invocation, one after another, 1 to {@link #MAX_RUNS}
 */
@API(status = INTERNAL, since = "0.1.0")
public record ForkSpec(List<String> jvmArgs, String cpus, int parallelism, int runs) {

    /** The most runs {@code @Fork(runs = ...)} takes. */
    static final int MAX_RUNS = 100;

    /**
     * The fork settings of {@code method}: its {@code @Fork}, else its class's, else none.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException for a bad CPU list, a missing
     *                                                                         {@code taskset}, a negative parallelism
     *                                                                         or runs outside 1 to 100
     */
    static Optional<ForkSpec> of(Method method, Class<?> testClass, String where) {
        Optional<Fork> found = AnnotationSupport.findAnnotation(method, Fork.class)
                .or(() -> AnnotationSupport.findAnnotation(testClass, Fork.class));
        return found.map(f -> {
            String cpus = f.cpus().trim();
            if (!cpus.isEmpty()) {
                checkCpus(cpus, where);
            }
            if (f.parallelism() < 0) {
                throw ConfigurationErrors.error("@Fork(parallelism = " + f.parallelism() + ")", where,
                        "parallelism is the number of carrier threads of the virtual-thread scheduler: at least 1,"
                                + " or 0 for the JDK's choice");
            }
            if (f.runs() < 1 || f.runs() > MAX_RUNS) {
                throw ConfigurationErrors.error("@Fork(runs = " + f.runs() + ")", where, "runs is the number of"
                        + " fresh JVMs each invocation runs in, one after another: from 1 to " + MAX_RUNS
                        + " (3 to 5 give a baseline comparison the spread between JVMs)");
            }
            for (String arg : f.jvmArgs()) {
                if (arg.isBlank()) {
                    throw ConfigurationErrors.error("@Fork(jvmArgs = \"" + arg + "\")", where,
                            "a JVM argument must not be blank: remove it");
                }
            }
            return new ForkSpec(List.of(f.jvmArgs()), cpus, f.parallelism(), f.runs());
        });
    }

    static void checkCpus(String cpus, String where) {
        String what = "@Fork(cpus = \"" + cpus + "\")";
        if (!cpus.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
            throw ConfigurationErrors.error(what, where, "cpus is a list of CPU numbers and ranges as taskset -c takes"
                    + " it, like \"0\", \"0-1\" or \"0,2\"");
        }
        int machine = Runtime.getRuntime().availableProcessors();
        for (String part : cpus.split(",")) {
            String[] range = part.split("-");
            String last = range[range.length - 1];
            if (cpu(range[0]).compareTo(cpu(last)) > 0) {
                throw ConfigurationErrors.error(what, where, "the range " + part + " runs backwards: write "
                        + last + "-" + range[0]);
            }
            if (cpu(last).compareTo(BigInteger.valueOf(machine)) >= 0) {
                throw ConfigurationErrors.error(what, where, "CPU " + last + " does not exist here: this machine has"
                        + " CPUs 0 to " + (machine - 1));
            }
        }
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            throw ConfigurationErrors.error(what, where, "pinning a fork to CPUs needs Linux's taskset, and this is "
                    + System.getProperty("os.name") + ": remove cpus on this OS");
        }
        if (ChildJvm.taskset().isEmpty()) {
            throw ConfigurationErrors.error(what, where, "pinning a fork to CPUs needs taskset, which is not on the"
                    + " PATH: install util-linux (Debian: apt-get install util-linux), or remove cpus");
        }
    }

    /** A CPU number as written: any number of digits, so one past {@code int} is a CPU too many, not a crash. */
    private static BigInteger cpu(String digits) {
        return new BigInteger(digits);
    }

    /** The JVM and scheduler arguments for the child. */
    public List<String> childArguments() {
        List<String> args = new ArrayList<>(jvmArgs);
        if (parallelism > 0) {
            args.add("-Djdk.virtualThreadScheduler.parallelism=" + parallelism);
            args.add("-Djdk.virtualThreadScheduler.maxPoolSize=" + parallelism);
        }
        return args;
    }
}
