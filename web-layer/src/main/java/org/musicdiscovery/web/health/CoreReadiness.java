package org.musicdiscovery.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when core discovery reports ready: without it no search can be answered. */
@Readiness
@ApplicationScoped
public class CoreReadiness implements HealthCheck {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @ConfigProperty(name = "discovery.core.url")
    String coreUrl;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("core-discovery").withData("url", coreUrl);
        try {
            var request = HttpRequest.newBuilder(URI.create(coreUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return builder.status(status == 200).withData("status", status).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return builder.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
