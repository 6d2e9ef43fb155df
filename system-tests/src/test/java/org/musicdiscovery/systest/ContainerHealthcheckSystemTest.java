package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The containers' probe (docker/healthcheck, bash over /dev/tcp with HTTP/1.0) against the three real services:
 * it must agree with what an HTTP client reads from their readiness and liveness endpoints.
 */
class ContainerHealthcheckSystemTest {
    static SystemStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = SystemStack.get();
    }

    @Test
    void agreesWithTheServicesOwnHealthEndpoints() throws Exception {
        for (ServiceProcess s : List.of(stack.vector, stack.core, stack.web)) {
            for (String path : List.of("/q/health/live", "/q/health/ready")) {
                boolean up = Http.get(s.url() + path).status() == 200;
                assertEquals(up ? 0 : 1, healthcheck(s.port, path), s.name + path);
            }
        }
    }

    private int healthcheck(int port, String path) throws Exception {
        Process p = new ProcessBuilder("bash", stack.root.resolve("docker/healthcheck").toString(),
                String.valueOf(port), path).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(8, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("healthcheck hung");
        }
        return p.exitValue();
    }
}
