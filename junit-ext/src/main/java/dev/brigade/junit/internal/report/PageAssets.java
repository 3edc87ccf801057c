package dev.brigade.junit.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What {@link HtmlReport} inlines in its page so that it opens offline: its style and scripts, resources beside this
 * class in {@code src/main/resources} ({@code report.css}, {@code report.js}, {@code report-flame.js} and the
 * vendored {@code flame/} library), and Chart.js from its WebJar on the class path. Stateless.
 */
final class PageAssets {

    private static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    /**
     * The flame graph's library, beside this class in {@code flame/} (see its THIRD-PARTY.md), in the order it
     * loads: the d3 modules, each after what it requires, then d3-flame-graph.
     */
    private static final List<String> FLAME_SCRIPTS = List.of("d3-array.min.js", "d3-color.min.js",
            "d3-dispatch.min.js", "d3-ease.min.js", "d3-format.min.js", "d3-hierarchy.min.js",
            "d3-interpolate.min.js", "d3-selection.min.js", "d3-time.min.js", "d3-time-format.min.js",
            "d3-timer.min.js", "d3-transition.min.js", "d3-scale.min.js", "d3-flamegraph.umd.min.js");

    private PageAssets() {
    }

    /** A resource beside this class ({@code report.css}, {@code report.js}), to inline in the page. */
    static String resource(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not beside " + PageAssets.class.getName()
                        + " on the class path: the build copies it from src/main/resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String chartJs() {
        try (InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(CHART_JS)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js (" + CHART_JS + ") is not on the class path: add"
                        + " org.webjars.npm:chart.js:4.5.1");
            }
            return script(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The flame graph's library, each script ready to inline, in the order it loads. */
    static List<String> flameLibrary() {
        return FLAME_SCRIPTS.stream().map(name -> script(resource("flame/" + name))).toList();
    }

    /** A script's text as the content of a script element: no {@code </script} in it ends the element. */
    private static String script(String js) {
        return js.replace("</script", "<\\/script");
    }
}
