package dev.brigade.examples.againstbase;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The code under test, after the change: a message's Base64 round trip from bytes to bytes. The base build's
 * {@code Codec} (example-tests/src/base/java) went through a {@code String} each way.
 */
final class Codec {

    private final byte[] message = "brigade".repeat(8).getBytes(StandardCharsets.UTF_8);

    void roundTrip() {
        byte[] decoded = Base64.getDecoder().decode(Base64.getEncoder().encode(message));
        if (decoded.length != message.length) {
            throw new IllegalStateException("the codec lost bytes");
        }
    }
}
