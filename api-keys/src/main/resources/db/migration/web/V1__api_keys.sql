-- API keys of client apps. Only a SHA-256 of each key is kept: keys are 256-bit random strings, so a fast hash is
-- enough (no dictionary to guess from) and lookups stay one index probe. The prefix is shown in listings and logs.
CREATE TABLE api_keys (
    id              bigserial PRIMARY KEY,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    prefix          text        NOT NULL,
    key_hash        bytea       NOT NULL UNIQUE,
    rate_per_minute int         NOT NULL CHECK (rate_per_minute BETWEEN 1 AND 1000000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);
CREATE INDEX api_keys_prefix ON api_keys (prefix);
