package dev.brigade.junit.internal.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.brigade.fixture.BrigadeFixture;
import example.codec.AgainstBaseCases;
import example.codec.BaseBuilds;
import example.codec.SampleCodec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real base build: the sample codec compiled again, with other code, into a directory of its own. */
class BaseClassLoaderTest {

    @TempDir
    Path dir;

    private Path baseBuild(String release) throws Exception {
        return BaseBuilds.sampleCodec(dir, release, 20_000);
    }

    private static String currentRelease() {
        return Integer.toString(BaseClassLoader.majorVersion(SampleCodec.class.getResource("SampleCodec.class")) - 44);
    }

    @Test
    void the_base_builds_classes_come_first_and_brigades_are_shared() throws Exception {
        Path classes = baseBuild(currentRelease());

        try (BaseClassLoader loader = BaseClassLoader.of(classes.toString(), SampleCodec.class)) {
            Class<?> base = loader.loadClass(SampleCodec.class.getName());

            assertThat(base).isNotSameAs(SampleCodec.class);
            assertThat(base.getMethod("build").invoke(null)).isEqualTo("base");
            assertThat(SampleCodec.build()).isEqualTo("current");
            assertThat(loader.loadClass(BrigadeFixture.class.getName())).isSameAs(BrigadeFixture.class);
            assertThat(loader.getResource("example/codec/SampleCodec.class").toString()).contains(classes.toString());
        }
    }

    @Test
    void junit_configuration_and_service_lists_are_the_current_sides() throws Exception {
        Path classes = baseBuild(currentRelease());
        Files.writeString(classes.resolve("junit-platform.properties"), "junit.jupiter.testinstance.lifecycle.default"
                + " = per_class\n");
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.junit.platform.launcher.TestExecutionListener"), "x.Y\n");

        try (BaseClassLoader loader = BaseClassLoader.of(classes.toString(), SampleCodec.class)) {
            for (String name : new String[] {"junit-platform.properties",
                    "META-INF/services/org.junit.platform.launcher.TestExecutionListener"}) {
                assertThat(java.util.Collections.list(loader.getResources(name)))
                        .isEqualTo(java.util.Collections.list(SampleCodec.class.getClassLoader().getResources(name)));
                assertThat(loader.getResource(name)).isEqualTo(SampleCodec.class.getClassLoader().getResource(name));
            }
        }
    }

    @Test
    void a_base_path_that_does_not_exist_is_named() {
        Path missing = dir.resolve("no-such-build/target/classes");

        assertThatIllegalArgumentException().isThrownBy(() -> BaseClassLoader.of(missing.toString(),
                SampleCodec.class)).withMessageStartingWith("the base class path entry " + missing + " does not exist")
                .withMessageContaining("./mvnw -q -DskipTests test-compile");
    }

    @Test
    void a_base_build_without_the_test_class_is_refused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatIllegalArgumentException().isThrownBy(() -> BaseClassLoader.of(empty.toString(),
                SampleCodec.class)).withMessageContaining("the base build has no example.codec.SampleCodec")
                .withMessageContaining("target/test-classes");
    }

    @Test
    void a_base_build_compiled_for_another_release_is_refused() throws Exception {
        Path classes = baseBuild("17");

        assertThatIllegalArgumentException().isThrownBy(() -> BaseClassLoader.of(String.join(File.pathSeparator,
                List.of(classes.toString())), SampleCodec.class))
                .withMessageContaining("compiled for Java 17 (class-file version 61), the current one for Java "
                        + currentRelease());
    }

    /**
     * A dependency upgrade's base build: the current test classes after the old library's jar, several entries in
     * one path. The jar's classes come first, the test class from the directory after it.
     */
    @Test
    void a_jar_before_the_test_classes_gives_its_classes_and_the_directory_the_rest() throws Exception {
        Path classes = baseBuild(currentRelease());
        Path jar = dir.resolve("old-library.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("example/codec/SampleCodec.class"));
            out.write(Files.readAllBytes(classes.resolve("example/codec/SampleCodec.class")));
            out.closeEntry();
        }
        Path tests = Path.of(BaseClassLoaderTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        try (BaseClassLoader loader = BaseClassLoader.of(jar + File.pathSeparator + tests, AgainstBaseCases.class)) {
            Class<?> codec = loader.loadClass(SampleCodec.class.getName());
            Class<?> test = loader.loadClass(AgainstBaseCases.class.getName());

            assertThat(codec.getMethod("build").invoke(null)).isEqualTo("base");
            assertThat(codec.getProtectionDomain().getCodeSource().getLocation().toString()).endsWith(
                    "old-library.jar");
            assertThat(test).isNotSameAs(AgainstBaseCases.class);
            assertThat(test.getClassLoader()).isSameAs(loader);
        }
    }
}
