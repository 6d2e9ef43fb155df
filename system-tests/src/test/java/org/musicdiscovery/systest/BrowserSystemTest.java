package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page in a real browser: runs the node test suite in {@code system-tests/browser} (playwright-core driving
 * Debian's headless Chromium) against this JVM's {@link SystemStack}. Screenshots land in
 * {@code system-tests/target/browser-artifacts}. scripts/test installs chromium and node; {@code npm ci} runs here.
 */
class BrowserSystemTest {
    static SystemStack stack;
    static Path dir;

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
        dir = stack.root.resolve("system-tests/browser");
        assertTrue(Files.isExecutable(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"))),
                "Chromium missing: run scripts/test, which installs it (apt-get install chromium)");
        Path installed = dir.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(dir.resolve("package-lock.json"))) < 0) {
            assertEquals(0, run(List.of("npm", "ci", "--no-audit", "--no-fund"), "npm-ci.log"), "npm ci failed");
        }
    }

    @Test
    void thePageWorksInHeadlessChromium() throws Exception {
        int exit = run(List.of("node", "--test", "--test-concurrency=1", "tests/"), "browser-tests.log");
        String log = Files.readString(stack.work.resolve("browser-tests.log"));
        System.out.println(log);
        assertEquals(0, exit, "browser tests failed:\n" + log);
    }

    private static int run(List<String> command, String log) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(stack.work.resolve(log).toFile());
        pb.environment().put("WEB_URL", stack.web.url());
        pb.environment().put("ARTIFACTS_DIR", stack.root.resolve("system-tests/target/browser-artifacts").toString());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
