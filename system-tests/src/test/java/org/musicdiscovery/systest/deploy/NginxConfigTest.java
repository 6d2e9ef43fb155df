package org.musicdiscovery.systest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed nginx configurations run by a real nginx (Debian's, via scripts/nginx-local; skipped without
 * one), pointed at local stand-in upstreams: {@code nginx -t} accepts each, and the edge and the internal
 * balancer behave as their comments say (keep-alive upstream connections, WebSocket upgrade headers, /q/ and the
 * internal token kept from the outside, the token passed through inside, a refused replica retried).
 * Docker-only parts are mapped: service names → 127.0.0.1 ports, and `resolve` dropped on nginx < 1.27.3.
 */
class NginxConfigTest {
    static Path nginx;
    static boolean supportsResolve;

    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();
    final List<HttpServer> upstreams = new ArrayList<>();

    /** one request as an upstream saw it */
    record Seen(String path, Map<String, List<String>> headers, int remotePort) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : String.join(",", v);
        }
    }

    @BeforeAll
    static void findNginx() throws Exception {
        String env = System.getenv("NGINX_BIN");
        Path cached = Path.of(System.getProperty("user.home"), ".cache/music-discovery/nginx/x/usr/sbin/nginx");
        nginx = env != null && !env.isBlank() ? Path.of(env) : Files.isExecutable(cached) ? cached : null;
        Assumptions.assumeTrue(nginx != null && Files.isExecutable(nginx), "no nginx: run scripts/nginx-local");
        Process v = new ProcessBuilder(nginx.toString(), "-v").redirectErrorStream(true).start();
        Matcher m = Pattern.compile("nginx/(\\d+)\\.(\\d+)\\.(\\d+)").matcher(new String(v.getInputStream().readAllBytes()));
        assertTrue(m.find());
        int version = Integer.parseInt(m.group(1)) * 1_000_000 + Integer.parseInt(m.group(2)) * 1000
                + Integer.parseInt(m.group(3));
        supportsResolve = version >= 1_027_003;
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : started) {
            p.destroy(); // SIGTERM: nginx's fast shutdown (only the processes this test started)
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        upstreams.forEach(s -> s.stop(0));
    }

    @Test
    void nginxAcceptsEveryCommittedConfiguration() throws Exception {
        NginxConf edge = new NginxConf(DeployFiles.read("docker/nginx/edge.conf"))
                .local(Map.of("web-layer:8080", List.of(18080)), Map.of(8080, freePort()), supportsResolve);
        test(edge);
        for (String lb : List.of("core-lb", "vector-lb")) {
            test(internal(lb, List.of(18081), supportsResolve));
        }
    }

    @Test
    void edgeKeepsUpstreamsAliveUpgradesWebSocketsAndKeepsInternalsInside() throws Exception {
        BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        int web = upstream(seen, 200);
        int port = freePort();
        start(new NginxConf(DeployFiles.read("docker/nginx/edge.conf"))
                .local(Map.of("web-layer:8080", List.of(web)), Map.of(8080, port), false), port);

        assertEquals(200, get("127.0.0.1", port, "/api/v1/search?q=adele", "X-Internal-Token: stolen\r\n"));
        Seen first = seen.poll(5, TimeUnit.SECONDS);
        assertEquals("/api/v1/search?q=adele", first.path());
        assertNull(first.header("X-internal-token"), "the token is stripped at the edge");
        assertEquals("127.0.0.1", first.header("X-forwarded-for"));
        assertNull(first.header("Connection"), "no Connection: close towards the upstream");
        assertEquals(200, get("127.0.0.1", port, "/", ""));
        assertEquals(first.remotePort(), seen.poll(5, TimeUnit.SECONDS).remotePort(), "the connection was reused");

        get("127.0.0.1", port, "/ws/search", "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
        Seen ws = seen.poll(5, TimeUnit.SECONDS);
        assertEquals("websocket", ws.header("Upgrade"));
        assertEquals("upgrade", ws.header("Connection"));

        assertEquals(200, get("127.0.0.1", port, "/q/health/ready", ""), "the container's own healthcheck");
        seen.poll(5, TimeUnit.SECONDS);
        Assumptions.assumeTrue(canBind("127.0.0.2"), "127.0.0.2 is not usable here");
        assertEquals(403, get("127.0.0.2", port, "/q/metrics", ""), "metrics are not public");
        assertEquals(200, get("127.0.0.2", port, "/q/openapi", ""), "the public API's description is");
        assertEquals("/q/openapi", seen.poll(5, TimeUnit.SECONDS).path(), "the 403 never reached a replica");
    }

    @Test
    void internalBalancerPassesTheTokenAndRetriesARefusedReplica() throws Exception {
        int dead = freePort(); // nothing listens: a replica that has just gone away
        searchesAllSucceedThroughCoreLb(dead);
    }

    @Test
    void internalBalancerRetriesTheSearchPostOnAReplicaThatIsStopping() throws Exception {
        // a replica shutting down answers 503; the search POST is safe to repeat, so nginx sends it on
        // (this is what `non_idempotent` buys: without it nginx never retries a POST it has sent)
        int stopping = upstream(new LinkedBlockingQueue<>(), 503);
        searchesAllSucceedThroughCoreLb(stopping);
    }

    private void searchesAllSucceedThroughCoreLb(int badReplica) throws Exception {
        BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        int live = upstream(seen, 200);
        NginxConf conf = internal("core-lb", List.of(badReplica, live), false);
        int port = conf.listenPorts().getFirst();
        start(conf, port);
        for (int i = 0; i < 4; i++) { // round-robin sends some of these to the bad replica first
            assertEquals(200, request("127.0.0.1", port, "POST", "/internal/v1/discover",
                    "X-Internal-Token: t0ken\r\nContent-Type: application/json\r\n", "{\"q\":\"adele\"}"), "request " + i);
            assertEquals("t0ken", seen.poll(5, TimeUnit.SECONDS).header("X-internal-token"), "the token passes");
        }
    }

    // ---- nginx ----

    /** core-lb or vector-lb as the image renders it from the scale file's environment, pointed at local ports */
    private static NginxConf internal(String service, List<Integer> replicas, boolean keepResolve) throws IOException {
        Map<String, String> env = ComposeChecks.env(DeployFiles.yaml("docker-compose.scale.yml").path("services")
                .path(service));
        NginxConf rendered = NginxConf.render(DeployFiles.read("docker/nginx/internal-lb.conf.template"), env);
        String upstream = env.get("UPSTREAM_HOST") + ":" + env.get("UPSTREAM_PORT");
        return rendered.local(Map.of(upstream, replicas), Map.of(Integer.parseInt(env.get("UPSTREAM_PORT")), freePort()),
                keepResolve);
    }

    /** the wrapper a stand-alone nginx needs around a conf.d file: every path inside the temp dir */
    private Path wrap(NginxConf site) throws IOException {
        Files.writeString(dir.resolve("site.conf"), site.text());
        String d = dir.toAbsolutePath().toString();
        String main = """
                pid %1$s/nginx.pid;
                worker_processes 1;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/site.conf;
                }
                """.formatted(d);
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, main);
        return conf;
    }

    private void test(NginxConf site) throws Exception {
        Path conf = wrap(site);
        Process p = new ProcessBuilder(nginx.toString(), "-t", "-p", dir.toString(), "-c", conf.toString(),
                "-e", dir.resolve("error.log").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out + "\n" + site.text());
    }

    private void start(NginxConf site, int port) throws Exception {
        test(site);
        Path conf = wrap(site);
        Process p = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", conf.toString(),
                "-e", dir.resolve("error.log").toString(), "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile()).start();
        started.add(p);
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen: " + Files.readString(dir.resolve("error.log")));
    }

    // ---- stand-in upstream and raw client ----

    private int upstream(BlockingQueue<Seen> seen, int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            seen.add(new Seen(ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()),
                    ex.getRemoteAddress().getPort()));
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        upstreams.add(server);
        return server.getAddress().getPort();
    }

    private static int get(String from, int port, String path, String headers) throws IOException {
        return request(from, port, "GET", path, headers, null);
    }

    /** HTTP/1.1 over a plain socket (java.net.http refuses to send Connection/Upgrade), from a chosen address */
    private static int request(String from, int port, String method, String path, String headers, String body)
            throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String close = headers.contains("Connection:") ? "" : "Connection: close\r\n";
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: music.example\r\n" + headers + close
                    + (body == null ? "" : "Content-Length: " + b.length + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1 && c != '\n'; ) {
                line.append((char) c);
            }
            Matcher m = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(line);
            assertTrue(m.find(), "status line: " + line);
            return Integer.parseInt(m.group(1));
        }
    }

    private static boolean canBind(String address) {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
