package dev.brigade.junit.internal.fork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failure of a forked test, carried to the parent as JSON and rebuilt there with its type, message and stack. */
final class ForkFailure {

    private ForkFailure() {
    }

    static Map<String, Object> encode(Throwable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", t.getClass().getName());
        m.put("message", t.getMessage());
        m.put("stack", Arrays.stream(t.getStackTrace()).map(f -> List.of(f.getClassName(), f.getMethodName(),
                f.getFileName() == null ? "" : f.getFileName(), f.getLineNumber())).toList());
        if (t.getCause() != null && t.getCause() != t) {
            m.put("cause", encode(t.getCause()));
        }
        return m;
    }

    /**
     * The failure as thrown in the child: the same type when it can be made with a message (assertion errors,
     * most exceptions), else an {@link AssertionError} naming the type; the child's stack trace either way.
     */
    static Throwable decode(Map<String, Object> m) {
        String type = (String) m.get("type");
        String message = (String) m.get("message");
        Throwable t = instantiate(type, message);
        List<StackTraceElement> frames = new ArrayList<>();
        for (Object o : (List<?>) m.get("stack")) {
            List<?> f = (List<?>) o;
            frames.add(new StackTraceElement((String) f.get(0), (String) f.get(1),
                    ((String) f.get(2)).isEmpty() ? null : (String) f.get(2), ((Number) f.get(3)).intValue()));
        }
        t.setStackTrace(frames.toArray(StackTraceElement[]::new));
        if (m.get("cause") != null) {
            try {
                t.initCause(decode(ResultCodec.asObject(m.get("cause"))));
            } catch (IllegalStateException e) {
                t.addSuppressed(decode(ResultCodec.asObject(m.get("cause"))));
            }
        }
        return t;
    }

    private static Throwable instantiate(String type, String message) {
        try {
            Class<?> c = Class.forName(type, false, ForkFailure.class.getClassLoader());
            if (Throwable.class.isAssignableFrom(c)) {
                Object made = c == AssertionError.class ? new AssertionError(message)
                        : c.getConstructor(String.class).newInstance(message);
                return (Throwable) made;
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // fall through: described instead
        }
        return new AssertionError(type + (message == null ? "" : ": " + message));
    }
}
