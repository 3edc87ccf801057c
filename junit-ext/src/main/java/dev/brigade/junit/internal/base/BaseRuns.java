package dev.brigade.junit.internal.base;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.Pairing;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.config.BaseSpec;
import dev.brigade.junit.internal.config.Configuration;
import dev.brigade.junit.internal.config.ConfigurationErrors;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.junit.internal.explain.Explainer;
import dev.brigade.junit.internal.explain.Explanation;
import dev.brigade.junit.internal.explain.PairedRecording;
import dev.brigade.junit.internal.explain.Sampler;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import dev.brigade.measure.PairedRatio;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs an {@code @AgainstBase} invocation beside its copy in the base build, in this JVM: the current side is the
 * invocation itself; the base side is the same test method of the test class loaded from the base build
 * ({@link BaseClassLoader}), run through the JUnit Platform Launcher on a thread of its own, so that it has the
 * full Jupiter lifecycle of its own (fields, {@code @BeforeEach}, parameters). Both sides' fixtures share one
 * {@link Pairing}, so their rounds alternate; after the invocation, each pair of runs is compared metric by
 * metric ({@link BaseComparison}). Stateless: the base build and the pairing are the invocation's {@link BaseBuild}
 * in its store, and the base side finds the pairing through its test class's loader. Thread-safe.
 *
 * <p>Public for {@code lifecycle}, which runs beside the base build, {@code verdict}, which compares with it, and
 * {@code report}, which says what is new.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BaseRuns {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create("dev.brigade.junit", "base");

    private BaseRuns() {
    }

    /**
     * Before the invocation's parameters are resolved: on a current side with a base build, the base build opened
     * once ({@link BaseBuild}: its class loader and a new pairing); on a base side, the pairing of its current side,
     * which its test class's loader carries. Either way kept in the invocation's store, which closes them, for
     * {@link #attach}.
     */
    public static void beforeEach(ExtensionContext context, MethodPlan plan) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (Configuration.of(context).baseSide()) {
            Pairing pairing = (context.getRequiredTestClass().getClassLoader() instanceof BaseClassLoader loader
                    ? loader.pairing() : Optional.<Pairing>empty()).orElseThrow(() -> new IllegalStateException(
                    "the base side's pairing " + Configuration.of(context).get(Configuration.BASE_PAIRING).orElse("")
                    + " is gone: its current side ended"));
            store.put(Pairing.Build.class, Pairing.Build.BASE);
            store.put(Pairing.class, pairing);
            plan.base().ifPresent(s -> store.put(PairedMeasure.class, PairedMeasure.of(s, plan)));
            return;
        }
        Optional<BaseSpec> spec = plan.base();
        if (spec.isPresent() && !spec.get().classpath().isEmpty()) {
            BaseBuild build;
            try {
                build = BaseBuild.open(spec.get(), context.getRequiredTestMethod(), plan.settings().timeout());
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw ConfigurationErrors.error(Constants.BASE_CLASSPATH_PROPERTY_NAME + " = \""
                        + spec.get().classpath() + "\"", ConfigurationErrors.where(context), e.getMessage());
            }
            store.put(BaseBuild.class, build);
            store.put(Added.class, new Added(build.added()));
            if (build.beside()) {
                store.put(Pairing.Build.class, Pairing.Build.CURRENT);
                store.put(Pairing.class, build.pairing());
                store.put(PairedMeasure.class, PairedMeasure.of(spec.get(), plan));
            }
        }
    }

    /**
     * {@code fixture} paired as its invocation's side, if the invocation has a pairing, measuring at most the longer
     * of its own {@code measure} and {@code @AgainstBase}'s; else as it was.
     */
    public static Object attach(Object fixture, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Pairing pairing = store.get(Pairing.class, Pairing.class);
        Pairing.Build side = store.get(Pairing.Build.class, Pairing.Build.class);
        PairedMeasure least = Optional.ofNullable(store.get(PairedMeasure.class, PairedMeasure.class))
                .orElse(new PairedMeasure(Duration.ZERO));
        if (pairing != null && fixture instanceof BrigadeFixture brigade) {
            return Pairing.attach(brigade.measure(least.longer(brigade.measure())), pairing, side);
        }
        if (pairing != null && fixture instanceof SpawnFixture spawn) {
            return Pairing.attach(spawn.measure(least.longer(spawn.measure())), pairing, side);
        }
        return fixture;
    }

    /** {@code @AgainstBase}'s {@code measure}, scaled: the least a paired fixture may measure at most. */
    private record PairedMeasure(Duration measure) {

        static PairedMeasure of(BaseSpec spec, MethodPlan plan) {
            return new PairedMeasure(plan.settings().scaled(spec.measure()));
        }

        Duration longer(Duration own) {
            return own.compareTo(measure) >= 0 ? own : measure;
        }
    }

    /**
     * What the change adds, when this invocation's test is new in it ({@code "test class"}, {@code "test method"}):
     * it runs as a measured test, not compared with the base build.
     */
    public static Optional<String> newInThisChange(ExtensionContext context, MethodPlan plan) {
        // decided before the invocation; a test that forks decided in its child, and the base class path says the
        // same here, read once per invocation
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Added.class, k -> new Added(added(context, plan)),
                Added.class).what();
    }

    /** What the change adds to the base build, as the base class path says; empty when it cannot say. */
    private static Optional<String> added(ExtensionContext context, MethodPlan plan) {
        return plan.base().flatMap(spec -> BaseBuild.added(spec, context.getRequiredTestMethod()));
    }

    /** What of the test the change adds ({@code test class}, {@code test method}), or empty: decided once. */
    private record Added(Optional<String> what) {
    }

    /** Whether this invocation is a current side with a base build to run beside it. */
    public static boolean hasBase(ExtensionContext context) {
        BaseBuild build = context.getStore(NAMESPACE).get(BaseBuild.class, BaseBuild.class);
        return build != null && build.beside();
    }

    /**
     * Runs the base side on a thread of its own and the current side (the invocation) on this one, and waits for
     * both: the current side's failure, else the base side's, else null.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException for a base build that cannot serve
     */
    public static Throwable runBeside(InvocationInterceptor.Invocation<Void> invocation, ExtensionContext context,
                                      TaskKind kind, java.nio.file.Path reportDir) {
        BaseBuild build = context.getStore(NAMESPACE).get(BaseBuild.class, BaseBuild.class);
        BaseSpec spec = build.spec();
        Pairing pairing = build.pairing();
        BaseClassLoader loader = build.loader();
        Class<?> testClass = context.getRequiredTestClass();
        Method method = context.getRequiredTestMethod();
        Class<?> baseClass;
        Method baseMethod;
        try {
            loader.check(spec.classpath(), testClass);
            baseClass = Class.forName(testClass.getName(), false, loader);
            baseMethod = BaseClassLoader.sameMethod(baseClass, method).orElseThrow(() -> new IllegalArgumentException(
                    "the base build's " + testClass.getSimpleName() + " has no method " + method.getName()
                            + " with the same parameters: compare a test that both builds have"));
        } catch (IllegalArgumentException | ClassNotFoundException | LinkageError e) {
            throw ConfigurationErrors.error(Constants.BASE_CLASSPATH_PROPERTY_NAME + " = \"" + spec.classpath()
                    + "\"", ConfigurationErrors.where(context), e.getMessage());
        }
        String id = UUID.randomUUID().toString();
        AtomicReference<Throwable> baseFailure = new AtomicReference<>();
        AtomicBoolean baseRan = new AtomicBoolean();
        Thread base = Thread.ofPlatform().name("brigade-base").unstarted(() -> {
            try {
                runBase(context, baseClass, baseMethod, id, kind, baseFailure, baseRan);
            } catch (RuntimeException | Error e) {
                baseFailure.compareAndSet(null, e);
            } finally {
                pairing.finished(Pairing.Build.BASE);
            }
        });
        base.setContextClassLoader(loader);
        Throwable failure = null;
        // both sides' rounds, recorded while they run, to explain a failed comparison (issue 29)
        PairedRecording recording = PairedRecording.start(reportDir, recordingName(testClass, method, kind,
                Configuration.of(context).forkRun()));
        try (recording) {
            // the pairing and the loader stay open until the invocation's store closes them
            base.start();
            try {
                invocation.proceed();
            } catch (Throwable t) {
                failure = t;
            } finally {
                pairing.finished(Pairing.Build.CURRENT);
            }
            join(base);
            context.getStore(NAMESPACE).put(PairedRecording.Outcome.class, recording.finish());
        }
        if (causedBy(failure, Pairing.PartnerFailedException.class) && baseFailure.get() != null) {
            // the base build's code failed in a round this side's thread measured: the failure is the base's
            failure = null;
        }
        if (failure == null && baseFailure.get() != null) {
            failure = new AssertionError("the base build's copy of the test failed (its code, not the current"
                    + " build's), so there is nothing to compare with: " + baseFailure.get(), baseFailure.get());
        } else if (failure == null && !baseRan.get()) {
            failure = new AssertionError("the base build's copy of the test did not run (" + baseClass.getName() + "#"
                    + baseMethod.getName() + "): is it disabled there?");
        }
        return failure;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void runBase(ExtensionContext context, Class<?> baseClass, Method baseMethod, String id,
                                TaskKind kind, AtomicReference<Throwable> failure, AtomicBoolean ran) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(baseClass, baseMethod))
                .configurationParameters(Configuration.of(context).brigadeKeys())
                .configurationParameter(Configuration.BASE_PAIRING, id);
        if (kind != null) {
            request.configurationParameter(Configuration.BASE_KIND, kind.name());
        }
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        launcher.execute(request.build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    ran.set(true);
                }
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failure.compareAndSet(null, result.getThrowable().orElseGet(() -> new AssertionError(
                            test.getDisplayName() + " " + result.getStatus())));
                }
            }
        });
    }

    /** {@code <class>.<method>-<KIND>.jfr}, with {@code -run<n>} for the second and later runs of a fork. */
    private static String recordingName(Class<?> testClass, Method method, TaskKind kind, int run) {
        return testClass.getName() + "." + method.getName() + "-" + (kind == null ? "test" : kind.name())
                + (run > 1 ? "-run" + run : "");
    }

    /**
     * Where the cost of pair {@code pair} of the invocation's runs moved ({@code unit}: hop or task), from the
     * recording of its paired rounds; when there is no recording, an explanation that says why.
     */
    public static Explanation explain(ExtensionContext context, int pair, String unit, Sampler sampler) {
        PairedRecording.Outcome recorded = context.getStore(NAMESPACE).get(PairedRecording.Outcome.class,
                PairedRecording.Outcome.class);
        Pairing pairing = context.getStore(NAMESPACE).get(Pairing.class, Pairing.class);
        if (recorded == null || recorded.file().isEmpty()) {
            return Explanation.missing(unit, recorded == null ? "nothing was recorded" : recorded.whyNone(),
                    java.util.Optional.empty());
        }
        List<Pairing.Pair> pairs = pairing.pairs();
        if (pair >= pairs.size()) {
            return Explanation.missing(unit, "no pair " + (pair + 1) + " was measured", recorded.file());
        }
        SideBySideResult sides = pairs.get(pair).rounds();
        return Explainer.explain(recorded.file().get(), pair, sides.a().cpuNanosPerUnit().median(),
                sides.b().cpuNanosPerUnit().median(), sides.a().allocatedBytesPerUnit().median(),
                sides.b().allocatedBytesPerUnit().median(), unit, sampler);
    }

    /** Keeps what a fork's child sent to explain {@code result}'s failed comparisons with the base build. */
    public static void explainedInFork(ExtensionContext context, Object result, Explained explained) {
        if (!explained.isEmpty()) {
            forkExplained(context).put(result, explained);
        }
    }

    /** What a fork's child sent to explain {@code result}'s failed comparisons; none when it sent nothing. */
    public static Explained explainedInFork(ExtensionContext context, Object result) {
        return forkExplained(context).getOrDefault(result, Explained.none());
    }

    private static Map<Object, Explained> forkExplained(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(ForkExplained.class,
                k -> new ForkExplained(java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>())),
                ForkExplained.class).byResult();
    }

    /** The explanations a fork's child sent, by result (identity). */
    private record ForkExplained(Map<Object, Explained> byResult) {
    }

    /**
     * The comparisons of the invocation's pairs, in the order of the pairs, metric by metric: the spec's metrics, or
     * the main metric ({@code nanosPerHop} of a brigade, {@code nanosPerTask} of a spawn).
     */
    public static List<List<BaseComparison>> comparisons(ExtensionContext context, boolean spawn) {
        BaseBuild build = context.getStore(NAMESPACE).get(BaseBuild.class, BaseBuild.class);
        BaseSpec spec = build.spec();
        Pairing pairing = build.pairing();
        Metric main = spawn ? Metric.NANOS_PER_TASK : Metric.NANOS_PER_HOP;
        List<String> metrics = spec.metrics().isEmpty() ? List.of(main.key()) : spec.metrics();
        List<List<BaseComparison>> comparisons = new ArrayList<>();
        for (Pairing.Pair pair : pairing.pairs()) {
            SideBySideResult r = pair.rounds();
            List<BaseComparison> ofPair = new ArrayList<>();
            for (String metric : metrics) {
                ofPair.add(BaseComparison.of(metric, pair.currentLabel(), side(r.a(), metric), side(r.b(), metric),
                        ratio(r, metric), spec.tolerance()));
            }
            comparisons.add(ofPair);
        }
        return comparisons;
    }

    private static PairedRatio ratio(SideBySideResult r, String metric) {
        return switch (measured(metric)) {
            case WALL -> r.nanosPerUnit();
            case CPU -> r.cpuNanosPerUnit();
            case CONTEXT_SWITCHES -> r.contextSwitchesPerUnit();
            case ALLOCATED_BYTES -> r.allocatedBytesPerUnit();
            case null -> throw new IllegalArgumentException(metric + " is not measured in rounds: compare nanosPerHop,"
                    + " cpuNanosPerHop, contextSwitchesPerHop or allocatedBytesPerHop (or the same per task)");
        };
    }

    private static Estimate side(SideBySideResult.Side side, String metric) {
        return switch (measured(metric)) {
            case WALL -> side.nanosPerUnit();
            case CPU -> side.cpuNanosPerUnit();
            case CONTEXT_SWITCHES -> side.contextSwitchesPerUnit();
            case ALLOCATED_BYTES -> side.allocatedBytesPerUnit();
            case null -> throw new IllegalArgumentException(metric + " is not measured in rounds");
        };
    }

    /**
     * What the rounds measure for each of {@code spec}'s metrics (the main metric's wall time when it names none): the
     * measures whose paired ratios decide when the pairs may stop. A metric not measured in rounds decides on wall
     * time; its comparison fails afterwards, saying so.
     */
    static Set<Pairing.Measure> measures(BaseSpec spec) {
        Set<Pairing.Measure> measures = EnumSet.noneOf(Pairing.Measure.class);
        for (String metric : spec.metrics().isEmpty() ? List.of(Metric.NANOS_PER_HOP.key()) : spec.metrics()) {
            Pairing.Measure measure = measured(metric);
            measures.add(measure == null ? Pairing.Measure.WALL : measure);
        }
        return measures;
    }

    /**
     * What a round measures of {@code metric}, per hop or task ({@code nanosPerHop} and {@code nanosPerTask}: wall
     * time); null for a metric not measured in rounds.
     */
    private static Pairing.Measure measured(String metric) {
        return switch (metric.replaceFirst("Per(Hop|Task)$", "")) {
            case "nanos" -> Pairing.Measure.WALL;
            case "cpuNanos" -> Pairing.Measure.CPU;
            case "contextSwitches" -> Pairing.Measure.CONTEXT_SWITCHES;
            case "allocatedBytes" -> Pairing.Measure.ALLOCATED_BYTES;
            default -> null;
        };
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
