/**
 * Brigade's JUnit Jupiter extension: the annotations, {@code BrigadeExtension} and {@code Constants} in
 * {@code dev.brigade.junit}. Its implementation, in {@code dev.brigade.junit.internal.*}, is not exported.
 */
module dev.brigade.junit {
    requires transitive dev.brigade.assertj;
    requires transitive dev.brigade.fixtures;
    requires transitive org.junit.jupiter.api;
    // @Fork's child runs its test through the Launcher, which every test runtime provides (a provided dependency)
    requires static org.junit.platform.launcher;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.jr.ob;
    requires com.github.oshi;
    requires java.management;
    requires jdk.jfr;
    requires jdk.management;
    requires org.apiguardian.api;

    exports dev.brigade.junit;

    provides dev.brigade.assertj.spi.BaselineService
            with dev.brigade.junit.internal.baseline.ExtensionBaselineService;
    provides org.junit.platform.launcher.TestExecutionListener
            with dev.brigade.junit.internal.report.ConsoleSummary;
}
