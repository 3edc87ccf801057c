package dev.brigade.examples.againstbase;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The base build's codec, before the change: the round trip goes through a {@code String} each way. The build
 * compiles it into target/base-build with a copy of the test class, as a base commit's build would hold them.
 */
final class Codec {

    private final byte[] message = "brigade".repeat(8).getBytes(StandardCharsets.UTF_8);

    void roundTrip() {
        String encoded = Base64.getEncoder().encodeToString(message);
        String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        if (decoded.getBytes(StandardCharsets.UTF_8).length != message.length) {
            throw new IllegalStateException("the codec lost bytes");
        }
    }
}
