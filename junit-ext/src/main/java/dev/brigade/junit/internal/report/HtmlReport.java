package dev.brigade.junit.internal.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.junit.internal.fork.ResultCodec;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.html}: one self-contained page — a summary table of every result's main metric with its verdicts,
 * then per test a chart of the kinds side by side (median and 95 % interval, budget limits drawn as lines) and the
 * memory-per-task fits (points and lines), and the machine. Chart.js is read from its WebJar on the class path and
 * inlined, so the page opens offline; the figures travel as JSON in the page. Stateless.
 */
final class HtmlReport {

    private static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    private static final Set<String> MAIN = Set.of("nanosPerHop", "nanosPerTask", "rssBytesPerTask",
            "heapBytesPerTask", "wallNanos");

    private HtmlReport() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> root) throws IOException {
        List<Object> results = (List<Object>) root.get("results");
        Map<String, List<Map<String, Object>>> byTest = new LinkedHashMap<>();
        for (Object o : results) {
            Map<String, Object> r = ResultCodec.map(o);
            byTest.computeIfAbsent((String) r.get("test"), t -> new ArrayList<>()).add(r);
        }
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Brigade report</title><style>").append(CSS).append("</style></head><body>\n")
                .append("<h1>Brigade report</h1><p class=\"meta\">").append(results.size())
                .append(results.size() == 1 ? " result" : " results").append(", ")
                .append(escape(String.valueOf(root.get("createdAt")))).append("</p>\n");
        findings(html, (List<Object>) root.getOrDefault("findings", List.of()));
        summary(html, byTest);
        int chart = 0;
        List<Object> charts = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> test : byTest.entrySet()) {
            html.append("<section><h2>").append(escape(test.getKey())).append("</h2>");
            for (String metric : metrics(test.getValue())) {
                html.append("<figure><canvas id=\"c").append(chart).append("\" aria-label=\"")
                        .append(escape(metric)).append(" by kind\"></canvas><figcaption>").append(escape(metric))
                        .append(": median and 95 % interval per result; dashed lines are budgets"
                                + "</figcaption></figure>");
                charts.add(kindsChart(chart++, metric, test.getValue()));
            }
            for (Map<String, Object> r : test.getValue()) {
                if (r.get("fit") != null) {
                    html.append("<figure><canvas id=\"c").append(chart).append("\"></canvas><figcaption>")
                            .append(escape(label(r))).append(": memory against tasks, RSS and heap with their")
                            .append(" fitted lines</figcaption></figure>");
                    charts.add(fitChart(chart++, r));
                }
            }
            html.append("</section>\n");
        }
        html.append("<section><h2>Machine</h2><table class=\"machine\">");
        ResultCodec.map(root.get("machine")).forEach((k, v) -> html.append("<tr><th>").append(escape(k))
                .append("</th><td>").append(escape(String.valueOf(v))).append("</td></tr>"));
        html.append("</table></section>\n<script>").append(chartJs()).append("</script>\n")
                .append("<script type=\"application/json\" id=\"charts\">")
                .append(scriptData(JSON.std.asString(charts))).append("</script>\n<script>")
                .append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    /** The findings: each claim with its verdict on this machine, how many trials gave it, and the figures. */
    private static void findings(StringBuilder html, List<Object> findings) {
        if (findings.isEmpty()) {
            return;
        }
        html.append("<section><h2>Findings</h2><table class=\"findings\"><thead><tr><th>claim</th>")
                .append("<th>the seed says</th><th>measured here</th><th>verdict</th></tr></thead><tbody>");
        findings.stream().map(ResultCodec::map).sorted(java.util.Comparator.comparing(f -> String.valueOf(
                f.get("claim")))).forEach(f -> html.append("<tr><td>").append(escape(text(f, "claim")))
                .append("</td><td>").append(escape(text(f, "seed"))).append("</td><td>")
                .append(escape(text(f, "measured"))).append("</td><td class=\"").append(escape(text(f, "verdict")))
                .append("\">").append(escape(text(f, "verdict"))).append(f.get("held") instanceof Number held
                        ? " (" + held + " of " + f.get("trials") + ")" : "").append(": ")
                .append(escape(text(f, "ratio"))).append("</td></tr>"));
        html.append("</tbody></table></section>\n");
    }

    private static String text(Map<String, Object> m, String key) {
        return String.valueOf(m.getOrDefault(key, ""));
    }

    private static void summary(StringBuilder html, Map<String, List<Map<String, Object>>> byTest) {
        html.append("<table class=\"summary\"><thead><tr><th>test</th><th>invocation</th><th>kind</th>")
                .append("<th>metric</th><th>median [95 % CI]</th><th>budget</th><th>baseline</th></tr></thead><tbody>");
        for (List<Map<String, Object>> results : byTest.values()) {
            for (Map<String, Object> r : results) {
                for (Map.Entry<String, Object> metric : ResultCodec.map(r.get("metrics")).entrySet()) {
                    if (!MAIN.contains(metric.getKey())) {
                        continue;
                    }
                    String test = (String) r.get("test");
                    html.append("<tr><td title=\"").append(escape(test)).append("\">")
                            .append(escape(test.substring(test.lastIndexOf('.') + 1))).append("</td><td class=\"inv\">")
                            .append(escape((String) r.get("invocation"))).append("</td><td>")
                            .append(escape((String) r.get("kind"))).append("</td><td>").append(escape(metric.getKey()))
                            .append("</td><td class=\"num\">").append(escape(figure(metric.getValue())))
                            .append("</td>");
                    verdictCell(html, (List<?>) r.get("budgets"), metric.getKey(), false);
                    List<Object> againstBaselines = new ArrayList<>((List<?>) r.get("baselines"));
                    againstBaselines.addAll((List<?>) r.getOrDefault("base", List.of()));
                    verdictCell(html, againstBaselines, metric.getKey(), true);
                    html.append("</tr>");
                }
            }
        }
        html.append("</tbody></table>\n");
    }

    private static void verdictCell(StringBuilder html, List<?> verdicts, String metric, boolean baseline) {
        List<String> texts = new ArrayList<>();
        String worst = "none";
        for (Object o : verdicts) {
            Map<String, Object> v = ResultCodec.map(o);
            if (!metric.equals(v.get("metric"))) {
                continue;
            }
            String verdict = (String) v.get("verdict");
            worst = "fail".equals(verdict) || "fail".equals(worst) ? "fail" : "pass";
            texts.add(baseline ? verdict + " " + (v.containsKey("pairs") ? "against base " + ConsoleSummary.baseFigures(v)
                    : ConsoleSummary.figures(v))
                    : verdict + " ≤ " + Units.format(((Number) v.get("limit")).doubleValue(), unitOf(metric)));
        }
        html.append("<td class=\"").append(worst).append("\">").append(texts.isEmpty() ? "–"
                : escape(String.join(", ", texts))).append("</td>");
    }

    private static String unitOf(String metric) {
        return metric.startsWith("nanos") || metric.startsWith("cpuNanos") || metric.startsWith("startLatency") ? "ns"
                : metric.contains("Bytes") ? "B" : "1";
    }

    private static String figure(Object value) {
        Map<String, Object> e = ResultCodec.map(value);
        return Units.formatInterval(Estimate.ofInterval((String) e.get("unit"), number(e, "median"), number(e, "low"),
                number(e, "high"), number(e, "cv"), ((Number) e.get("samples")).intValue()));
    }

    private static List<String> metrics(List<Map<String, Object>> results) {
        List<String> metrics = new ArrayList<>();
        for (Map<String, Object> r : results) {
            for (String m : ResultCodec.map(r.get("metrics")).keySet()) {
                if (MAIN.contains(m) && !metrics.contains(m)) {
                    metrics.add(m);
                }
            }
        }
        return metrics;
    }

    private static Map<String, Object> kindsChart(int id, String metric, List<Map<String, Object>> results) {
        List<Object> labels = new ArrayList<>();
        List<Object> intervals = new ArrayList<>();
        List<Object> medians = new ArrayList<>();
        List<Object> budgets = new ArrayList<>();
        String unit = "";
        for (Map<String, Object> r : results) {
            Object value = ResultCodec.map(r.get("metrics")).get(metric);
            if (value == null) {
                continue;
            }
            Map<String, Object> e = ResultCodec.map(value);
            unit = (String) e.get("unit");
            labels.add(label(r));
            intervals.add(List.of(e.get("low"), e.get("high")));
            medians.add(e.get("median"));
            for (Object b : (List<?>) r.get("budgets")) {
                Map<String, Object> budget = ResultCodec.map(b);
                if (metric.equals(budget.get("metric"))) {
                    budgets.add(Map.of("label", label(r), "limit", budget.get("limit"),
                            "verdict", budget.get("verdict")));
                }
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", "c" + id);
        chart.put("type", "kinds");
        chart.put("metric", metric);
        chart.put("unit", unit);
        chart.put("labels", labels);
        chart.put("intervals", intervals);
        chart.put("medians", medians);
        chart.put("budgets", budgets);
        return chart;
    }

    private static Map<String, Object> fitChart(int id, Map<String, Object> r) {
        Map<String, Object> chart = new LinkedHashMap<>(ResultCodec.map(r.get("fit")));
        chart.put("id", "c" + id);
        chart.put("type", "fit");
        chart.put("label", label(r));
        return chart;
    }

    private static String label(Map<String, Object> r) {
        String invocation = (String) r.get("invocation");
        return r.get("kind") + (invocation.isEmpty() ? "" : " · " + invocation);
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /**
     * JSON as the content of a script element: every {@code <} written as its JSON escape, so no name can end the
     * element ({@code </script>}) or, with {@code <!--<script>}, make the parser read past its end.
     */
    static String scriptData(String json) {
        return json.replace("<", "\\u003c");
    }

    /** HTML text: the five characters that could open markup or end an attribute, escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String chartJs() {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(CHART_JS)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js (" + CHART_JS + ") is not on the class path: add"
                        + " org.webjars.npm:chart.js:4.5.1");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;padding:0 1em;color:#222}
            h1{font-size:1.6em;margin:0}h2{font-size:1.15em;margin:1.6em 0 .4em;word-break:break-all}
            .meta{color:#666;margin-top:.2em}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top;
              overflow-wrap:anywhere}
            td.inv{white-space:pre-wrap}td:nth-child(3),td:nth-child(4){overflow-wrap:normal;white-space:nowrap}
            td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
            td.pass{background:#e6f4ea}td.fail{background:#fce8e6;font-weight:600}
            table.findings td{white-space:normal}td.holds{background:#e6f4ea}td.contradicted{background:#fce8e6}
            td.unclear{background:#fef7e0}
            figure{margin:.6em 0 1.2em;height:260px}figure canvas{max-height:230px}
            figcaption{color:#666;font-size:12px}
            table.machine{width:auto}
            @media print{body{max-width:none;margin:0}section{break-inside:avoid}figure{height:220px}}
            """;

    private static final String SCRIPT = """
            (function(){
              var charts = JSON.parse(document.getElementById('charts').textContent), drawn = 0;
              function fmt(v, unit){
                if (unit === 'ns') { var a = Math.abs(v);
                  return a >= 1e9 ? (v/1e9).toPrecision(3)+' s' : a >= 1e6 ? (v/1e6).toPrecision(3)+' ms'
                    : a >= 1e3 ? (v/1e3).toPrecision(3)+' µs' : v.toPrecision(3)+' ns'; }
                if (unit === 'B') { var b = Math.abs(v);
                  return b >= 1048576 ? (v/1048576).toPrecision(3)+' MiB' : b >= 1024 ? (v/1024).toPrecision(3)+' KiB'
                    : Math.round(v)+' B'; }
                return String(Number(v.toPrecision(3)));
              }
              function draw(c){
                if (c.drawn) { return; }
                c.drawn = true;
                var ctx = document.getElementById(c.id);
                if (c.type === 'kinds') {
                  var sets = [
                    {type:'bar', label:'95 % interval', data:c.intervals, backgroundColor:'rgba(66,133,244,.35)'},
                    {type:'scatter', label:'median', data:c.medians.map(function(m,i){return {x:c.labels[i], y:m};}),
                     backgroundColor:'#1a4fa0', pointRadius:5}];
                  c.budgets.forEach(function(b){
                    sets.push({type:'line', label:'budget '+fmt(b.limit,c.unit), data:c.labels.map(function(l){
                      return l === b.label ? b.limit : null;}), borderColor:b.verdict==='fail'?'#c5221f':'#188038',
                      borderDash:[6,4], spanGaps:false, showLine:true, pointStyle:'line',
                      pointRadius:8, pointBorderWidth:3});
                  });
                  new Chart(ctx, {data:{labels:c.labels, datasets:sets}, options:{animation:false,
                    maintainAspectRatio:false, scales:{y:{beginAtZero:true, ticks:{callback:function(v){
                      return fmt(v,c.unit);}}}}, plugins:{tooltip:{callbacks:{label:function(t){
                      var y = t.raw && t.raw.length ? fmt(t.raw[0],c.unit)+' – '+fmt(t.raw[1],c.unit)
                        : fmt(t.parsed.y,c.unit); return t.dataset.label+': '+y;}}}}}});
                } else {
                  var xs = c.points.map(function(p){return p[0];}), max = Math.max.apply(null, xs),
                      min = Math.min.apply(null, xs);
                  function line(s,i){return [{x:min,y:i+s*min},{x:max,y:i+s*max}];}
                  new Chart(ctx, {type:'scatter', data:{datasets:[
                    {label:'RSS', data:c.points.map(function(p){return {x:p[0],y:p[1]};}), backgroundColor:'#c5221f'},
                    {label:'RSS fit, '+fmt(c.rssSlope,'B')+'/task, R² '+c.rssR2.toFixed(3),
                     data:line(c.rssSlope,c.rssIntercept),
                     showLine:true, borderColor:'#c5221f', pointRadius:0},
                    {label:'heap', data:c.points.map(function(p){return {x:p[0],y:p[2]};}), backgroundColor:'#1a4fa0'},
                    {label:'heap fit, '+fmt(c.heapSlope,'B')+'/task, R² '+c.heapR2.toFixed(3),
                     data:line(c.heapSlope,c.heapIntercept),
                     showLine:true, borderColor:'#1a4fa0', pointRadius:0}]},
                    options:{animation:false, maintainAspectRatio:false, scales:{x:{title:{display:true,text:'tasks'}},
                      y:{ticks:{callback:function(v){return fmt(v,'B');}}}}}});
                }
                drawn++;
              document.body.setAttribute('data-charts-drawn', String(drawn));
              }
              // draw what is on screen, the rest as it scrolls into view: a report of a thousand results opens fast;
              // printing (or #all) draws every chart first
              var byId = {};
              charts.forEach(function(c){ byId[c.id] = c; });
              function drawAll(){ charts.forEach(draw); }
              window.addEventListener('beforeprint', drawAll);
              if (location.hash === '#all' || !('IntersectionObserver' in window)) {
                drawAll();
              } else {
                var seen = new IntersectionObserver(function(entries){
                  entries.forEach(function(e){ if (e.isIntersecting) { draw(byId[e.target.id]);
                    seen.unobserve(e.target); } });
                }, {rootMargin: '400px'});
                charts.forEach(function(c){ seen.observe(document.getElementById(c.id)); });
              }
              document.body.setAttribute('data-charts', String(charts.length));
            })();
            """;
}
