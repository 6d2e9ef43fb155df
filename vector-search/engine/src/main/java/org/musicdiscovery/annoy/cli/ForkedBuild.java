package org.musicdiscovery.annoy.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musicdiscovery.annoy.Metric;

/**
 * One of our builds timed in a JVM of its own (`annoy build --warm-up`), as C++'s driver builds in a process of its
 * own. Timed inside the bench's JVM, a build ran on code that C2 had compiled with the profiles of every dataset
 * and metric built before it (the metric calls, the sparse-item branch): the 1M-item dot build, three trees, took
 * 7.2–8.3 s there against 6.2–7.2 s in a fresh JVM. As JMH does, the child first builds once untimed; that
 * first build's time is kept as the cold figure.
 *
 * @param coldMs the child's first (warm-up) build, compiling as it goes
 * @param warmMs the timed build
 */
record ForkedBuild(double coldMs, double warmMs) {
    private static final Pattern WARM_UP = Pattern.compile("warm-up build: (\\d+) ms");
    private static final Pattern BUILT = Pattern.compile("built in (\\d+) ms");

    static ForkedBuild run(Path items, Metric metric, int nTrees, int threads, Path out)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // the same modules and JVM options
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), AnnoyCli.class.getName(), "build",
                "--vectors", items.toString(), "--metric", metric.name(), "--trees", "" + nTrees,
                "--threads", "" + threads, "--out", out.toString(), "--warm-up"));
        List<String> lines = Driver.output(cmd, true); // the CLI reports on standard error
        return new ForkedBuild(ms(lines, WARM_UP), ms(lines, BUILT));
    }

    private static double ms(List<String> lines, Pattern pattern) throws IOException {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        throw new IOException("forked build printed no \"" + pattern.pattern() + "\": " + String.join("\n", lines));
    }
}
