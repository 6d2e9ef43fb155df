import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of the services and of the calling harness over one run, per answer: the cost of each process, steadier
 * than latency on a machine whose speed drifts. The spec (BENCH_PIDS, from scripts/lib.sh) is {@code name=pid,…};
 * {@code name=comm:PREFIX} sums every process whose command name starts with PREFIX (PostgreSQL forks a backend per
 * connection). With {@code withRest}, "rest" is what the rest of the machine spent (/proc/stat), so the total is the
 * whole machine's CPU per answer.
 */
record CpuMeter(Map<String, String> specs, Map<String, Long> ticks, long ownNanos, long machineTicks,
        boolean withRest) {
    static final double MS_PER_TICK = 10; // USER_HZ is 100 on Linux

    static CpuMeter of(String spec) {
        return of(spec, false);
    }

    static CpuMeter of(String spec, boolean withRest) {
        Map<String, String> specs = new LinkedHashMap<>();
        Map<String, Long> ticks = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String kv : spec.split(",")) {
                String[] p = kv.split("=", 2);
                specs.put(p[0], p[1].trim());
                ticks.put(p[0], ticks(p[1].trim()));
            }
        }
        return new CpuMeter(specs, ticks, own(), machineBusyTicks(), withRest);
    }

    String perAnswer(int answers) {
        if (specs.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        long listed = 0;
        for (var e : specs.entrySet()) {
            long used = ticks(e.getValue()) - ticks.get(e.getKey());
            listed += used;
            out.append(String.format(Locale.ROOT, "%s %.3f | ", e.getKey(), used * MS_PER_TICK / answers));
        }
        double mine = (own() - ownNanos) / 1e6 / answers;
        double total = listed * MS_PER_TICK / answers + mine;
        if (withRest) {
            double machine = (machineBusyTicks() - machineTicks) * MS_PER_TICK / answers;
            out.append(String.format(Locale.ROOT, "harness %.3f | rest %.3f | ", mine, Math.max(0, machine - total)));
            return out.append(String.format(Locale.ROOT, "total %.3f", Math.max(machine, total))).toString();
        }
        return out.append(String.format(Locale.ROOT, "harness %.3f | total %.3f", mine, total)).toString();
    }

    /** A pid's ticks, or the sum over the processes a {@code comm:PREFIX} names (alive at both readings). */
    static long ticks(String spec) {
        if (!spec.startsWith("comm:")) {
            return ticks(Long.parseLong(spec));
        }
        String prefix = spec.substring(5);
        return ProcessHandle.allProcesses().mapToLong(p -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                return comm.startsWith(prefix) ? statTicks(stat) : 0;
            } catch (IOException | RuntimeException gone) { // exited between the listing and the reading
                return 0;
            }
        }).sum();
    }

    /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
    static long ticks(long pid) {
        try {
            return statTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of pid " + pid, e);
        }
    }

    private static long statTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Ticks every CPU spent on anything but idle and iowait since boot (first line of /proc/stat). */
    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long own() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
