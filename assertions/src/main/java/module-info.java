/**
 * Brigade's AssertJ assertions: {@code BrigadeAssertions.assertThat(...)} on the fixtures' results. The baseline
 * service interface is for the JUnit extension alone.
 */
module dev.brigade.assertj {
    requires transitive dev.brigade.fixtures;
    requires transitive org.apiguardian.api;
    requires transitive org.assertj.core;

    exports dev.brigade.assertj;
    exports dev.brigade.assertj.spi to dev.brigade.junit;

    uses dev.brigade.assertj.spi.BaselineService;
}
