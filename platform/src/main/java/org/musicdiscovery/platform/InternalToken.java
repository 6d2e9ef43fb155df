package org.musicdiscovery.platform;

/** The header and config keys of the token that internal services require from their callers. */
public final class InternalToken {
    public static final String HEADER = "X-Internal-Token";
    /** The shared secret; every tier reads it from {@code DISCOVERY_INTERNAL_TOKEN}. */
    public static final String CONFIG_TOKEN = "discovery.internal.token";
    /** True on internal services (core, vector-search): requests without the token are refused. */
    public static final String CONFIG_REQUIRED = "discovery.internal.require-token";
    /** The value shipped for local development; services log a warning when they run with it. */
    public static final String DEV_DEFAULT = "dev-only-internal-token";

    private InternalToken() {
    }
}
