package org.musicdiscovery.annoy.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A recall-vs-QPS chart (log QPS) as a standalone SVG: one line per engine × dataset × metric × trees. */
final class SvgPlot {
    private static final String[] COLORS = {"#2457d6", "#e4572e", "#29bf12", "#8f2d56", "#00a6a6", "#7768ae",
        "#f5a623", "#555555"};

    private static final String DASH = " stroke-dasharray='5,3'";

    private SvgPlot() {
    }

    private static void legend(StringBuilder sb, int x, int y, String color, String dash, String label) {
        sb.append(String.format(Locale.ROOT, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='%s' stroke-width='2'%s/>"
                + "<text x='%d' y='%d'>%s</text>", x, y, x + 20, y, color, dash, x + 24, y + 4, label));
    }

    static String recallVsQps(List<BenchRow> rows) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (BenchRow r : rows) {
            String key = r.dataset() + " " + r.metric() + " " + r.trees() + "t";
            series.computeIfAbsent("ours " + key, x -> new java.util.ArrayList<>()).add(new double[] {r.recall(),
                r.oursQps()});
            if (!Double.isNaN(r.cppQps())) {
                series.computeIfAbsent("C++ " + key, x -> new java.util.ArrayList<>()).add(new double[] {r.recall(),
                    r.cppQps()});
            }
        }
        double maxQ = rows.stream().mapToDouble(r -> Math.max(r.oursQps(), Double.isNaN(r.cppQps()) ? 0 : r.cppQps()))
                .max().orElse(10);
        double minQ = rows.stream().mapToDouble(r -> Math.min(r.oursQps(), Double.isNaN(r.cppQps()) ? r.oursQps()
                : r.cppQps())).min().orElse(1);
        double lo = Math.floor(Math.log10(Math.max(1, minQ))), hi = Math.ceil(Math.log10(maxQ));
        int w = 900, h = 480, left = 70, top = 30, pw = 440, ph = 380;
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' "
                + "font-family='sans-serif' font-size='12'><rect width='100%%' height='100%%' fill='white'/>", w, h));
        sb.append(String.format(Locale.ROOT, "<text x='%d' y='18' font-size='14'>Recall@10 vs queries/s (1 thread, "
                + "log scale), higher and further right is better</text>", left));
        for (int i = 0; i <= 10; i++) {
            double x = left + pw * i / 10.0;
            sb.append(String.format(Locale.ROOT, "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#eee'/>"
                    + "<text x='%.1f' y='%d' text-anchor='middle'>%.1f</text>", x, top, x, top + ph, x, top + ph + 16,
                    i / 10.0));
        }
        for (double e = lo; e <= hi; e++) {
            double y = top + ph - ph * (e - lo) / Math.max(1, hi - lo);
            sb.append(String.format(Locale.ROOT, "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#eee'/>"
                    + "<text x='%d' y='%.1f' text-anchor='end'>1e%d</text>", left, y, left + pw, y, left - 6, y + 4,
                    (int) e));
        }
        sb.append(String.format(Locale.ROOT, "<text x='%d' y='%d' text-anchor='middle'>recall@10</text>",
                left + pw / 2, h - 8));
        // one colour per dataset × metric × trees; the engine is the line style (solid ours, dashed C++)
        Map<String, String> colors = new LinkedHashMap<>();
        for (var e : series.entrySet()) {
            String key = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            String color = colors.computeIfAbsent(key, k -> COLORS[colors.size() % COLORS.length]);
            String dash = e.getKey().startsWith("C++") ? DASH : "";
            var pts = new StringBuilder();
            for (double[] p : e.getValue()) {
                double x = left + pw * p[0];
                double y = top + ph - ph * (Math.log10(Math.max(1, p[1])) - lo) / Math.max(1, hi - lo);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                sb.append(String.format(Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'/>", x, y, color));
            }
            sb.append(String.format(Locale.ROOT, "<polyline points='%s' fill='none' stroke='%s' stroke-width='2'%s/>",
                    pts.toString().trim(), color, dash));
        }
        int row = 0;
        for (var e : colors.entrySet()) {
            legend(sb, left + pw + 12, top + 16 * row++, e.getValue(), "", e.getKey());
        }
        legend(sb, left + pw + 12, top + 16 * ++row, "#000", "", "ours (Java)");
        legend(sb, left + pw + 12, top + 16 * ++row, "#000", DASH, "C++ Annoy 1.17 (-O3 -march=native)");
        return sb.append("</svg>\n").toString();
    }
}
