/**
 * Brigade's AssertJ assertions: {@code BrigadeAssertions.assertThat(...)} on the fixtures' results. The baseline
 * service interface is for the JUnit extension alone.
 */
// the qualified export names dev.brigade.junit, which is built after this module: javac would warn that it is not found
@SuppressWarnings("module")
module dev.brigade.assertj {
    requires transitive dev.brigade.fixtures;
    requires transitive org.apiguardian.api;
    requires transitive org.assertj.core;

    exports dev.brigade.assertj;
    exports dev.brigade.assertj.spi to dev.brigade.junit;

    uses dev.brigade.assertj.spi.BaselineService;
}
