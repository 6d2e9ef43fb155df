package org.musicdiscovery.systest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/healthcheck, the JVM images' probe, run with bash against a stand-in server: 0 for HTTP 200 only,
 * non-zero for 503, for nothing listening and for a server that never answers (within the read timeout).
 * ContainerHealthcheckSystemTest runs it against the real services.
 */
class HealthcheckScriptTest {
    static HttpServer server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/q/health/ready", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.createContext("/q/health/down", ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.createContext("/hang", ex -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** the script's exit code */
    static int healthcheck(String... args) throws Exception {
        var cmd = new java.util.ArrayList<>(List.of("bash", DeployFiles.path("docker/healthcheck").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(8, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("healthcheck hung: " + cmd);
        }
        return p.exitValue();
    }

    @Test
    void zeroOnlyForHttp200() throws Exception {
        assertEquals(0, healthcheck(String.valueOf(port), "/q/health/ready"));
        assertEquals(0, healthcheck(String.valueOf(port)), "the default path is /q/health/ready");
        assertNotEquals(0, healthcheck(String.valueOf(port), "/q/health/down"));
        assertNotEquals(0, healthcheck(String.valueOf(port), "/missing"));
    }

    @Test
    void failsWhenNothingListensOrNothingAnswers() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertNotEquals(0, healthcheck(String.valueOf(closed)));
        long t0 = System.nanoTime();
        assertNotEquals(0, healthcheck(String.valueOf(port), "/hang"));
        // the script gives up after 3 s itself, inside Compose's 3 s timeout plus process start
        assertTrue((System.nanoTime() - t0) / 1e9 < 6, "gave up in time");
    }
}
