package dev.brigade.examples.againstbase;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.binary.Base64;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A dependency upgrade measured against the version before it: this build has commons-codec 1.17.1, the base build
 * is this same commit with commons-codec 1.16.0, copied from Maven Central by {@code maven-dependency-plugin:copy}
 * into target/base-libs and put on {@code brigade.base.classpath} (pom.xml; the recipe is in docs/ci.md). The base
 * side's copy of this test loads the old jar's classes first, so each hop runs the old library's code there and the
 * new one's here, in one JVM, rounds alternating.
 */
class LibraryUpgradeTest {

    private static final byte[] FRAME = "a frame of a few dozen bytes, as a message header".getBytes(
            StandardCharsets.UTF_8);

    @Brigade(tasks = 200, kinds = VIRTUAL, link = LinkType.QUEUE, warmup = "300ms", measure = "1s")
    @AgainstBase(metrics = {"nanosPerHop", "allocatedBytesPerHop"}, tolerance = "10%")
    void encodeAndDigest(BrigadeFixture brigade) {
        brigade.work(() -> DigestUtils.sha256Hex(Base64.encodeBase64(FRAME))).run();
    }
}
