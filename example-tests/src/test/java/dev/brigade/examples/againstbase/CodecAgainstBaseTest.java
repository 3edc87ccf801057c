package dev.brigade.examples.againstbase;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;

/**
 * A codec's round trip in every hop of a brigade, measured against the base build's codec in the same JVM, rounds
 * alternating. This module's build compiles the base build's {@link Codec} (src/base/java) into target/base-build
 * with a copy of this class and runs its tests with {@code brigade.base.classpath} naming it (pom.xml), as CI does
 * with the base commit's build (docs/ci.md). The change removed two {@code String}s per round trip, so the current
 * build is cheaper in time and in allocation, and the comparisons pass. The build also sets
 * {@code brigade.base.required=true}, so the test fails when it compared nothing (without a base build it would
 * otherwise pass as an ordinary measured test whose report entry says that nothing was compared).
 */
class CodecAgainstBaseTest {

    @Brigade(tasks = 200, kinds = VIRTUAL, link = LinkType.QUEUE, warmup = "300ms", measure = "1s")
    @AgainstBase(metrics = {"nanosPerHop", "allocatedBytesPerHop"}, tolerance = "5%")
    void roundTrip(BrigadeFixture brigade) {
        Codec codec = new Codec();
        brigade.work(codec::roundTrip).run();
    }
}
