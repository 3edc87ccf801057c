package dev.brigade.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.junit.Brigade;
import dev.brigade.junit.Constants;
import dev.brigade.measure.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when the documentation drifts from the code: every annotation attribute and configuration key of
 * {@code dev.brigade.junit} is in docs/configuration.md with its default, every {@code ```java} block of README.md and
 * docs/*.md is one contiguous region of a file that example-tests compiles and runs, the CI files of docs/ci/ are
 * the ones docs/ci.md shows, every link leads to a file of the repository, and docs/metrics.md's table lists every
 * metric. The {@code pom.xml} of docs/getting-started.md is built and tested by .ci/consumer-check.
 *
 * <p>Reads the files of the checkout: it finds the repository's root by walking up from the working directory to the
 * first directory holding README.md and docs/.
 */
class DocsTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path CONFIGURATION = ROOT.resolve("docs/configuration.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern YAML_BLOCK = Pattern.compile("(?m)^```yaml\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern ANY_BLOCK = Pattern.compile("(?m)^```.*?^```", Pattern.DOTALL);
    // a link target may hold one level of parentheses: a Javadoc member anchor, #body(java.lang.Runnable)
    private static final Pattern LINK = Pattern.compile("\\]\\(((?:[^()\\s]|\\([^()\\s]*\\))+)\\)");
    /** Where {@code javadoc:aggregate} writes the API reference, and the module sources its pages come from. */
    private static final String API_REFERENCE = "target/reports/apidocs/";
    private static final Map<String, String> API_MODULES = Map.of("dev.brigade.fixtures", "fixtures",
            "dev.brigade.assertj", "assertions", "dev.brigade.junit", "junit-ext");
    private static final Pattern HEADING = Pattern.compile("(?m)^#+ (.*)$");

    @Test
    void every_annotation_attribute_is_in_the_configuration_reference_with_its_default() {
        String doc = read(CONFIGURATION);
        List<String> missing = new ArrayList<>();
        List<Class<? extends Annotation>> annotations = publicAnnotations();
        assertThat(annotations).as("annotations found in dev.brigade.junit").hasSizeGreaterThanOrEqualTo(6);
        for (Class<? extends Annotation> annotation : annotations) {
            Optional<String> section = section(doc, "@" + annotation.getSimpleName());
            if (section.isEmpty()) {
                missing.add("no section headed `@" + annotation.getSimpleName() + "`");
                continue;
            }
            for (Method attribute : annotation.getDeclaredMethods()) {
                Optional<List<String>> row = tableRow(section.get(), attribute.getName());
                Object fallback = attribute.getDefaultValue();
                String expected = fallback == null ? "required" : render(fallback);
                if (row.isEmpty()) {
                    missing.add("@" + annotation.getSimpleName() + "(" + attribute.getName() + "): no table row");
                } else if (row.get().size() < 3 || !unquoted(row.get().get(2)).equals(expected)) {
                    missing.add("@" + annotation.getSimpleName() + "(" + attribute.getName() + "): default column "
                            + (row.get().size() < 3 ? "missing" : "says " + row.get().get(2)) + ", the code says "
                            + expected);
                }
            }
        }
        assertThat(missing).as("annotation attributes missing from or wrong in %s", CONFIGURATION).isEmpty();
    }

    @Test
    void every_configuration_key_is_in_the_configuration_reference_with_its_default() throws IllegalAccessException {
        String doc = read(CONFIGURATION);
        List<String> missing = new ArrayList<>();
        int keys = 0;
        for (Field field : Constants.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class
                    || field.getName().endsWith("_DEFAULT")) {
                continue;
            }
            String value = (String) field.get(null);
            if (!doc.contains("`" + value + "`")) {
                missing.add(field.getName() + " (`" + value + "`) is not named");
                continue;
            }
            if (!field.getName().endsWith("_PROPERTY_NAME")) {
                continue;
            }
            keys++;
            Optional<List<String>> row = tableRow(doc, value);
            Object fallback = defaultOf(field.getName().replace("_PROPERTY_NAME", "_DEFAULT"));
            if (row.isEmpty() || row.get().size() < 3) {
                missing.add(value + ": no row in the table | key | type | default | meaning |");
            } else if (!sameDefault(unquoted(row.get().get(2)), fallback)) {
                missing.add(value + ": default column says " + row.get().get(2) + ", Constants says " + fallback);
            }
        }
        assertThat(keys).as("configuration keys in Constants").isGreaterThanOrEqualTo(9);
        assertThat(missing).as("configuration keys missing from or wrong in %s", CONFIGURATION).isEmpty();
    }

    @Test
    void every_java_block_of_the_docs_is_code_that_an_example_test_runs() {
        Map<Path, List<String>> tests = new TreeMap<>();
        for (Path file : files(ROOT.resolve("example-tests/src/test/java"), ".java")) {
            tests.put(file, normalisedLines(read(file)));
        }
        List<String> drifted = new ArrayList<>();
        int blocks = 0;
        for (Path doc : documents()) {
            String text = read(doc);
            Matcher block = JAVA_BLOCK.matcher(text);
            while (block.find()) {
                blocks++;
                List<String> lines = normalisedLines(block.group(1));
                boolean found = tests.values().stream().anyMatch(test -> containsRegion(test, lines));
                if (!found) {
                    drifted.add(ROOT.relativize(doc) + ":" + lineOf(text, block.start()) + " — no test file holds"
                            + " its lines as one region; nearest " + nearest(tests, lines));
                }
            }
        }
        assertThat(blocks).as("```java blocks in README.md and docs/*.md").isGreaterThanOrEqualTo(10);
        assertThat(drifted).as("```java blocks that are not one region of a file under example-tests/src/test/java"
                + " (copy the lines from a test as they stand there, blank lines aside; split a block that skips lines"
                + " into two; or fence a block that is not Java test code as ```text)").isEmpty();
    }

    /**
     * The CI files are YAML; no YAML parser is on this module's test class path (and adding one for this alone is
     * not worth a dependency), so the check is that docs/ci.md shows each file verbatim and that each is YAML in
     * the ways a reader can break it by hand: no tabs, and the commands the guide explains.
     */
    @Test
    void every_ci_file_is_shown_verbatim_in_the_ci_guide() {
        String guide = read(ROOT.resolve("docs/ci.md"));
        List<String> shown = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(guide);
        while (block.find()) {
            shown.add(block.group(1));
        }
        List<Path> files = files(ROOT.resolve("docs/ci"), ".yml");
        assertThat(files).as("CI files under docs/ci").hasSizeGreaterThanOrEqualTo(2);
        for (Path file : files) {
            String yaml = read(file);
            assertThat(shown.contains(yaml)).as("docs/ci.md shows %s verbatim in a ```yaml block (copy the file"
                    + " into it)", ROOT.relativize(file)).isTrue();
            List<String> needs = file.getFileName().toString().contains("against-base")
                    ? List.of("ci/against-base.sh", "-B verify", "target/brigade")
                    : List.of("./mvnw -B verify", "target/brigade", "jmh-results.json", "bencher.json");
            for (String needed : needs) {
                assertThat(yaml.contains(needed)).as("%s mentions %s", ROOT.relativize(file), needed).isTrue();
            }
            assertThat(yaml.contains("\t")).as("%s has a tab, which YAML does not allow for indentation",
                    ROOT.relativize(file)).isFalse();
        }
        assertThat(guide).as("docs/ci.md shows docs/ci/against-base.sh verbatim in a ```sh block")
                .contains("```sh\n" + read(ROOT.resolve("docs/ci/against-base.sh")) + "```");
    }

    /**
     * The last line of a failed gate's message sends its reader to a part of docs/when-a-gate-fails.md
     * ({@code what to do: docs/when-a-gate-fails.md#a-budget ...}): each anchor the main sources write must name a
     * heading of that page, or the message sends the reader nowhere.
     */
    @Test
    void every_what_to_do_line_names_a_heading_of_the_gate_page() {
        List<String> headings = anchors(read(ROOT.resolve("docs/when-a-gate-fails.md")));
        Pattern named = Pattern.compile("when-a-gate-fails\\.md#([a-z0-9-]+)");
        List<String> broken = new ArrayList<>();
        int found = 0;
        for (String module : List.of("fixtures", "assertions", "junit-ext")) {
            for (Path file : files(ROOT.resolve(module + "/src/main/java"), ".java")) {
                Matcher anchor = named.matcher(read(file));
                while (anchor.find()) {
                    found++;
                    if (!headings.contains(anchor.group(1))) {
                        broken.add(ROOT.relativize(file) + ": #" + anchor.group(1));
                    }
                }
            }
        }
        assertThat(found).as("anchors into docs/when-a-gate-fails.md in the main sources").isGreaterThanOrEqualTo(3);
        assertThat(broken).as("anchors that name no heading of docs/when-a-gate-fails.md").isEmpty();
    }

    @Test
    void the_documentation_links_of_the_readme_lead_to_files() {
        String readme = read(ROOT.resolve("README.md"));
        long links = Pattern.compile("\\]\\(docs/[^)]+\\)").matcher(readme).results().count();
        assertThat(links).as("links from README.md to docs/").isGreaterThanOrEqualTo(10);
        for (String guide : List.of("getting-started", "configuration", "ci", "troubleshooting", "findings")) {
            assertThat(readme.contains("(docs/" + guide + ".md)")).as("README.md links docs/%s.md", guide).isTrue();
        }
    }

    /**
     * Every Markdown link of README.md, CHANGELOG.md and docs/*.md leads to a file of the repository, and a link
     * with {@code #anchor} into a Markdown file to one of its headings (GitHub's anchors: lower case, punctuation
     * dropped, spaces as hyphens). No link leaves the repository: the docs are read in a clone as well as on a
     * forge, and a link to a web page or to a file beside the checkout breaks in one of them.
     */
    @Test
    void every_link_of_the_docs_leads_to_a_file_of_the_repository() {
        List<Path> pages = new ArrayList<>(documents());
        pages.add(ROOT.resolve("CHANGELOG.md"));
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(withoutCodeBlocks(read(page)));
            while (link.find()) {
                links++;
                String target = link.group(1);
                String where = ROOT.relativize(page) + ": (" + target + ")";
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    broken.add(where + " leaves the repository");
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String relative = resolved.startsWith(ROOT) ? ROOT.relativize(resolved).toString() : "";
                if (relative.startsWith(API_REFERENCE)) {
                    apiPageProblem(relative.substring(API_REFERENCE.length()), hash < 0 ? "" : target.substring(hash + 1))
                            .ifPresent(problem -> broken.add(where + " " + problem));
                } else if (!resolved.startsWith(ROOT) || relative.contains("target/")) {
                    broken.add(where + " leads out of the repository's sources");
                } else if (!Files.exists(resolved)) {
                    broken.add(where + " leads to no file");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(read(resolved)).contains(target.substring(hash + 1))) {
                    broken.add(where + " names no heading of " + ROOT.relativize(resolved));
                }
            }
        }
        assertThat(links).as("links in README.md, CHANGELOG.md and docs/*.md").isGreaterThanOrEqualTo(50);
        assertThat(broken).as("links that lead nowhere in the repository").isEmpty();
    }

    /**
     * The {@code pom.xml} of docs/getting-started.md stands between the markers .ci/consumer-check reads it from, and
     * holds what a user's project needs: its own JUnit, brigade-junit, native access, precise debug information for
     * the explanations and a JDK of 21 or later.
     * (That it builds and passes the first test is .ci/consumer-check's to show: it runs Maven.)
     */
    @Test
    void the_pom_of_getting_started_is_where_the_consumer_check_builds_it_from() {
        String guide = read(ROOT.resolve("docs/getting-started.md"));
        Matcher pom = Pattern.compile("(?s)<!-- consumer-pom:start[^\\n]*-->\\n```xml\\n(.*?)\\n```\\n"
                + "<!-- consumer-pom:end -->").matcher(guide);
        assertThat(pom.find()).as("docs/getting-started.md has a ```xml block between <!-- consumer-pom:start -->"
                + " and <!-- consumer-pom:end -->").isTrue();
        assertThat(pom.group(1)).as("the pom.xml of docs/getting-started.md").startsWith("<?xml")
                .endsWith("</project>")
                .contains("<artifactId>brigade-junit</artifactId>", "<artifactId>junit-jupiter</artifactId>",
                        "<version>${junit.version}</version>", "<goal>select-jdk-toolchain</goal>",
                        "<version>[21,)</version>", "<argLine>--enable-native-access=ALL-UNNAMED"
                                + " -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints</argLine>");
        assertThat(read(ROOT.resolve(".ci/consumer-check"))).as(".ci/consumer-check builds that block")
                .contains("consumer-pom:start", "docs/getting-started.md");
    }

    /** docs/metrics.md's table has one row per {@link Metric}, with its key and unit, and no other. */
    @Test
    void the_metric_table_lists_every_metric_with_its_unit() {
        String doc = read(ROOT.resolve("docs/metrics.md"));
        Map<String, String> documented = new TreeMap<>();
        for (String line : doc.split("\n")) {
            Matcher row = Pattern.compile("^\\| `(\\w+)` \\| ([^|]+?) \\|").matcher(line);
            if (row.find()) {
                documented.put(row.group(1), row.group(2));
            }
        }
        Map<String, String> measured = new TreeMap<>();
        for (Metric metric : Metric.values()) {
            measured.put(metric.key(), metric.unit());
        }
        assertThat(documented).as("the metric table of docs/metrics.md (name and unit columns) against"
                + " dev.brigade.measure.Metric").isEqualTo(measured);
    }

    // --- annotations and constants ---

    /** Every public annotation type in dev.brigade.junit, found in the jar or directory it was loaded from. */
    @SuppressWarnings("unchecked")
    private static List<Class<? extends Annotation>> publicAnnotations() {
        List<Class<? extends Annotation>> found = new ArrayList<>();
        for (String name : classNames(Brigade.class.getPackageName())) {
            try {
                Class<?> type = Class.forName(name, false, Brigade.class.getClassLoader());
                if (type.isAnnotation() && Modifier.isPublic(type.getModifiers())) {
                    found.add((Class<? extends Annotation>) type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("listed but not loadable: " + name, e);
            }
        }
        found.sort(Comparator.comparing(Class::getSimpleName));
        return found;
    }

    private static List<String> classNames(String packageName) {
        String folder = packageName.replace('.', '/') + "/";
        try {
            Path location = Path.of(Brigade.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> entries = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> list = Files.list(location.resolve(folder))) {
                    list.forEach(p -> entries.add(folder + p.getFileName()));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().forEach(e -> entries.add(e.getName()));
                }
            }
            return entries.stream().filter(e -> e.startsWith(folder) && e.endsWith(".class"))
                    .map(e -> e.substring(0, e.length() - ".class".length()))
                    .filter(e -> e.indexOf('/', folder.length()) < 0 && !e.contains("$"))
                    .map(e -> e.replace('/', '.')).toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the classes of " + packageName, e);
        }
    }

    /** An annotation default as the reference writes it: {@code 500}, {@code "300ms"}, {@code {VIRTUAL, PLATFORM}}. */
    private static String render(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(render(Array.get(value, i)));
            }
            return "{" + String.join(", ", items) + "}";
        }
        return value.toString();
    }

    private static Object defaultOf(String constant) {
        try {
            return Constants.class.getField(constant).get(null);
        } catch (NoSuchFieldException e) {
            return "(none)";
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameDefault(String documented, Object fallback) {
        if (fallback instanceof Double d) {
            try {
                return Double.parseDouble(documented) == d;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return documented.equals(String.valueOf(fallback));
    }

    // --- Markdown ---

    /** From the heading that names {@code title} in backticks to the next heading of the same or a higher level. */
    private static Optional<String> section(String doc, String title) {
        Matcher heading = Pattern.compile("(?m)^(#+) .*`" + Pattern.quote(title) + "`.*$").matcher(doc);
        if (!heading.find()) {
            return Optional.empty();
        }
        int level = heading.group(1).length();
        Matcher next = Pattern.compile("(?m)^#{1," + level + "} ").matcher(doc);
        int end = next.find(heading.end()) ? next.start() : doc.length();
        return Optional.of(doc.substring(heading.end(), end));
    }

    /** The cells of the first table row whose first cell is {@code `name`}, the leading empty cell dropped. */
    private static Optional<List<String>> tableRow(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith("| `" + name + "` ")) {
                List<String> cells = new ArrayList<>(Arrays.stream(line.split("(?<!\\\\)\\|", -1))
                        .map(String::trim).toList());
                cells.remove(0);
                return Optional.of(cells);
            }
        }
        return Optional.empty();
    }

    /**
     * A link into the API reference, which exists only after {@code javadoc:aggregate} (README): the page of a type
     * must have the type's source in an exported package of its module, and a member anchor must name a member the
     * source declares. {@code page} is {@code dev.brigade.fixtures/dev/brigade/fixture/SpawnFixture.html}.
     */
    private static Optional<String> apiPageProblem(String page, String anchor) {
        int slash = page.indexOf('/');
        String module = slash < 0 ? "" : API_MODULES.get(page.substring(0, slash));
        if (module == null || module.isEmpty() || !page.endsWith(".html") || page.contains("internal/")) {
            return Optional.of("is no page of a type of the API reference (" + API_REFERENCE + "<module>/<package>/"
                    + "<Type>.html, modules " + API_MODULES.keySet() + ")");
        }
        Path source = ROOT.resolve(module + "/src/main/java/" + page.substring(slash + 1, page.length() - 5) + ".java");
        if (!Files.isRegularFile(source)) {
            return Optional.of("names no public type: " + ROOT.relativize(source) + " does not exist");
        }
        if (!anchor.isEmpty()) {
            String member = anchor.replaceAll("\\(.*", "");
            if (!Pattern.compile("\\b" + Pattern.quote(member) + "\\b").matcher(read(source)).find()) {
                return Optional.of("names no member of " + ROOT.relativize(source) + ": " + member);
            }
        }
        return Optional.empty();
    }

    /** The text without its fenced blocks, whose brackets are code, not links. */
    private static String withoutCodeBlocks(String text) {
        return ANY_BLOCK.matcher(text).replaceAll("");
    }

    /** The anchors GitHub gives the headings of a Markdown text. */
    private static List<String> anchors(String text) {
        return HEADING.matcher(withoutCodeBlocks(text)).results()
                .map(h -> h.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                        .replace(' ', '-'))
                .toList();
    }

    private static String unquoted(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") && cell.length() >= 2 ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    private static List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        docs.addAll(files(ROOT.resolve("docs"), ".md"));
        return docs;
    }

    // --- code blocks ---

    private static List<String> normalisedLines(String text) {
        return text.lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Whether {@code block} is one region of {@code file}: its lines, one after another, with no line of the file
     * left out between them (both without blank lines and with whitespace runs as one space).
     */
    private static boolean containsRegion(List<String> file, List<String> block) {
        return Collections.indexOfSubList(file, block) >= 0;
    }

    /** How many of the block's first lines stand one after another in {@code file} from its line {@code from}. */
    private static int matchedFrom(List<String> file, int from, List<String> block) {
        int matched = 0;
        while (matched < block.size() && from + matched < file.size()
                && file.get(from + matched).equals(block.get(matched))) {
            matched++;
        }
        return matched;
    }

    /** The test file that holds the longest start of the block as one region, and the block's line where it ends. */
    private static String nearest(Map<Path, List<String>> tests, List<String> block) {
        Path best = null;
        int bestMatched = -1;
        for (Map.Entry<Path, List<String>> test : tests.entrySet()) {
            for (int from = 0; from < test.getValue().size(); from++) {
                int matched = matchedFrom(test.getValue(), from, block);
                if (matched > bestMatched) {
                    bestMatched = matched;
                    best = test.getKey();
                }
            }
        }
        return best == null || bestMatched == block.size() ? "none"
                : best.getFileName() + " (" + bestMatched + " lines as one region, then not: " + block.get(bestMatched)
                        + ")";
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    // --- files ---

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))
                    && Files.isDirectory(p.resolve("example-tests"))) {
                return p;
            }
        }
        throw new IllegalStateException("DocsTest reads the repository's README.md and docs/, but no directory from "
                + dir + " up holds them: run it from the checkout (Maven runs it in example-tests/)");
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
