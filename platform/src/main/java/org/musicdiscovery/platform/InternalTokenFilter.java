package org.musicdiscovery.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses REST calls that lack the internal token, on services that set {@link InternalToken#CONFIG_REQUIRED}.
 * Health, metrics and OpenAPI live under {@code /q} outside JAX-RS, so probes need no token.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class InternalTokenFilter implements ContainerRequestFilter {
    private static final Logger LOG = Logger.getLogger(InternalTokenFilter.class);

    private final boolean required;
    private final byte[] expected;

    public InternalTokenFilter() {
        var config = ConfigProvider.getConfig();
        this.required = config.getOptionalValue(InternalToken.CONFIG_REQUIRED, Boolean.class).orElse(false);
        String token = config.getOptionalValue(InternalToken.CONFIG_TOKEN, String.class).orElse("");
        this.expected = token.getBytes(StandardCharsets.UTF_8);
        if (required && (token.isBlank() || token.equals(InternalToken.DEV_DEFAULT))) {
            LOG.warn("Internal token is the development default: set DISCOVERY_INTERNAL_TOKEN outside localhost");
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!required) {
            return;
        }
        String given = request.getHeaderString(InternalToken.HEADER);
        // constant-time comparison: the token is a secret
        if (given == null || expected.length == 0
                || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(ApiError.response(401, "internal_token_required",
                    "this is an internal service: a valid " + InternalToken.HEADER + " header is required", null));
        }
    }
}
