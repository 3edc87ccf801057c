import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The calibration's codec work as a class of its own, which Copies.java loads once or twice (two copies). */
public class CodecWork implements Runnable {
    private static final byte[] MESSAGE = "brigade".repeat(8).getBytes(StandardCharsets.UTF_8);

    @Override
    public void run() {
        for (int r = 0; r < 10; r++) {
            byte[] decoded = Base64.getDecoder().decode(Base64.getEncoder().encode(MESSAGE));
            if (decoded.length != MESSAGE.length) {
                throw new IllegalStateException("lost bytes");
            }
        }
    }
}
