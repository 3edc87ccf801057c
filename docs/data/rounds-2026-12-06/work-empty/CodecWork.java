/** The calibration's spin A/A hop: no work, the hand-off alone. */
public class CodecWork implements Runnable {
    @Override
    public void run() {
    }
}
