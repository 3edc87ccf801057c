package dev.brigade.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the extension ({@code dev.brigade.junit.internal.*}, a room with its subpackages) depend one way: no
 * cycle of uses between them, so that each can be read, and changed, knowing only the rooms below it. Read from the
 * main sources' code (comments left out): an import, a static import or a full name of another room is a use.
 */
class RoomsTest {

    private static final Path INTERNAL = Path.of("src/main/java/dev/brigade/junit/internal");
    private static final Pattern USE = Pattern.compile("dev\\.brigade\\.junit\\.internal\\.([a-z][a-z0-9_]*)");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void no_room_depends_on_itself_through_another() throws IOException {
        Map<String, Map<String, String>> uses = uses();
        assertThat(uses).as("rooms read from %s", INTERNAL.toAbsolutePath()).containsKeys("config", "lifecycle");
        assertThat(cycles(uses)).as("cycles between the rooms of dev.brigade.junit.internal (each use names the"
                + " first file that makes it); break each by moving what the lower room needs down into it")
                .isEmpty();
    }

    /**
     * A type of a room is public only because another room (or the platform) needs it, and says which: it carries
     * {@code @API(status = INTERNAL)} and a Javadoc paragraph {@code Public for ...} or {@code Public as ...}.
     */
    @Test
    void every_public_type_says_which_room_needs_it() throws IOException {
        Pattern type = Pattern.compile("(?m)^( *)public (?:static |final |sealed |abstract )*(?:class|record|interface"
                + "|enum) (\\w+)");
        List<String> unjustified = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(INTERNAL)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && !f.endsWith("package-info.java")).toList()) {
                String source = Files.readString(file);
                Matcher m = type.matcher(source);
                while (m.find()) {
                    found++;
                    String before = source.substring(0, m.start());
                    String javadoc = before.substring(Math.max(0, before.lastIndexOf("/**")));
                    if (!javadoc.contains("@API(status = INTERNAL")
                            || !javadoc.matches("(?s).*<p>Public (for|as) .*")) {
                        unjustified.add(INTERNAL.relativize(file) + ": " + m.group(2));
                    }
                }
            }
        }
        assertThat(found).as("public types read from %s", INTERNAL.toAbsolutePath()).isGreaterThan(0);
        assertThat(unjustified).as("public types of dev.brigade.junit.internal without @API(status = INTERNAL) and a"
                + " '<p>Public for <room>' paragraph: make each package-private, or say which room needs it")
                .isEmpty();
    }

    @Test
    void the_check_names_a_cycle_and_the_files_that_make_it() {
        Map<String, Map<String, String>> uses = new TreeMap<>(Map.<String, Map<String, String>>of(
                "config", Map.of(),
                "fork", new TreeMap<>(Map.of("config", "fork/A.java", "lifecycle", "fork/ForkChild.java")),
                "lifecycle", new TreeMap<>(Map.of("fork", "lifecycle/Measurements.java"))));
        assertThat(cycles(uses)).containsExactly("fork → lifecycle (fork/ForkChild.java) → fork"
                + " (lifecycle/Measurements.java)");
    }

    /** For each room, the other rooms its code uses, each with the first file (by path) that uses it. */
    private static Map<String, Map<String, String>> uses() throws IOException {
        Map<String, Map<String, String>> uses = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(INTERNAL)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            Path relative = INTERNAL.relativize(file);
            if (relative.getNameCount() < 2) {
                continue;
            }
            String room = relative.getName(0).toString();
            Map<String, String> of = uses.computeIfAbsent(room, r -> new TreeMap<>());
            Matcher use = USE.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(" "));
            while (use.find()) {
                if (!use.group(1).equals(room)) {
                    of.putIfAbsent(use.group(1), relative.toString().replace('\\', '/'));
                }
            }
        }
        return uses;
    }

    /**
     * The cycles a depth-first walk of {@code uses} meets, each written from the room where it was entered:
     * {@code a → b (file of a that uses b) → a (file of b that uses a)}.
     */
    static List<String> cycles(Map<String, Map<String, String>> uses) {
        List<String> cycles = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String room : uses.keySet()) {
            walk(room, new ArrayList<>(), uses, done, cycles);
        }
        return cycles;
    }

    private static void walk(String room, List<String> path, Map<String, Map<String, String>> uses, Set<String> done,
                             List<String> cycles) {
        if (done.contains(room)) {
            return;
        }
        int at = path.indexOf(room);
        if (at >= 0) {
            StringBuilder cycle = new StringBuilder(path.get(at));
            List<String> loop = new ArrayList<>(path.subList(at, path.size()));
            loop.add(room);
            for (int i = 1; i < loop.size(); i++) {
                cycle.append(" → ").append(loop.get(i)).append(" (")
                        .append(uses.get(loop.get(i - 1)).get(loop.get(i))).append(')');
            }
            cycles.add(cycle.toString());
            return;
        }
        path.add(room);
        for (String used : uses.getOrDefault(room, Map.of()).keySet()) {
            walk(used, path, uses, done, cycles);
        }
        path.remove(path.size() - 1);
        done.add(room);
    }
}
