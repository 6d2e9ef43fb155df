import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Latency (p50 and p99, log scale) against achieved throughput, one line per loop × cache, as a PNG (Java2D). */
final class LatencyPlot {
    private static final int W = 900, H = 560, L = 80, R = 220, T = 40, B = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd)};

    static void write(Path png, List<LoadTest.Step> steps) throws Exception {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double maxX = steps.stream().mapToDouble(LoadTest.Step::throughput).max().orElse(1) * 1.05;
        double minY = 0.1, maxY = Math.max(10, steps.stream().mapToDouble(s -> s.pct(99)).filter(Double::isFinite)
                .max().orElse(10) * 1.5);
        g.setColor(Color.GRAY);
        g.drawRect(L, T, W - L - R, H - T - B);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double y = minY; y <= maxY; y *= 10) {
            int py = py(y, minY, maxY);
            g.drawLine(L - 4, py, L, py);
            g.drawString(fmt(y) + " ms", 8, py + 4);
        }
        for (int i = 0; i <= 5; i++) {
            double x = maxX * i / 5;
            int px = px(x, maxX);
            g.drawLine(px, H - B, px, H - B + 4);
            g.drawString(String.format(Locale.ROOT, "%.0f", x), px - 12, H - B + 18);
        }
        g.drawString("throughput (successful requests/s)", L + 180, H - 15);
        g.drawString("latency", 8, T - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Latency vs load through the web layer (solid p99, dashed p50)", L, 22);
        int series = 0;
        for (String cache : List.of("miss", "hit")) {
            for (String loop : List.of("closed", "open")) {
                List<LoadTest.Step> line = steps.stream().filter(s -> s.cache().equals(cache) && s.loop().equals(loop)
                        && s.ok() > 0).sorted((x, y) -> Double.compare(x.throughput(), y.throughput())).toList();
                if (line.isEmpty()) {
                    continue;
                }
                Color c = COLORS[series % COLORS.length];
                draw(g, line, c, 99, maxX, minY, maxY, new BasicStroke(2f));
                draw(g, line, c, 50, maxX, minY, maxY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
                g.setColor(c);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString(loop + " loop, cache " + cache, W - R + 15, T + 20 + 20 * series);
                series++;
            }
        }
        g.dispose();
        ImageIO.write(img, "png", png.toFile());
    }

    private static void draw(Graphics2D g, List<LoadTest.Step> line, Color c, double p, double maxX, double minY,
            double maxY, BasicStroke stroke) {
        g.setColor(c);
        g.setStroke(stroke);
        for (int i = 0; i < line.size(); i++) {
            int x = px(line.get(i).throughput(), maxX), y = py(Math.max(minY, line.get(i).pct(p)), minY, maxY);
            g.fillOval(x - 3, y - 3, 6, 6);
            if (i > 0) {
                g.drawLine(px(line.get(i - 1).throughput(), maxX),
                        py(Math.max(minY, line.get(i - 1).pct(p)), minY, maxY), x, y);
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static int px(double x, double maxX) {
        return L + (int) ((W - L - R) * x / maxX);
    }

    private static int py(double y, double minY, double maxY) {
        double f = (Math.log10(y) - Math.log10(minY)) / (Math.log10(maxY) - Math.log10(minY));
        return H - B - (int) ((H - T - B) * f);
    }

    private static String fmt(double v) {
        return v < 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }
}
