package dev.brigade.examples;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A codec's round trip in every hop of a brigade, measured against the base build's codec in the same JVM when
 * {@code brigade.base.classpath} names a base build; without one, an ordinary measured test whose report entry
 * says that nothing was compared.
 */
class AgainstBaseExampleTest {

    /** The code under test: encodes and decodes a small message. */
    static final class Codec {
        private final byte[] message = "brigade".repeat(8).getBytes(StandardCharsets.UTF_8);

        void roundTrip() {
            if (Base64.getDecoder().decode(Base64.getEncoder().encode(message)).length != message.length) {
                throw new IllegalStateException("the codec lost bytes");
            }
        }
    }

    @Brigade(tasks = 200, kinds = VIRTUAL, link = LinkType.QUEUE, warmup = "300ms", measure = "1s")
    @AgainstBase(tolerance = "5%")
    void roundTrip(BrigadeFixture brigade) {
        Codec codec = new Codec();
        brigade.work(codec::roundTrip).run();
    }
}
