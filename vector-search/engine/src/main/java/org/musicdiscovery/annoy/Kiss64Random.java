package org.musicdiscovery.annoy;

/**
 * Annoy's 64-bit KISS generator (kissrandom.h), bit for bit, so seeded builds follow Annoy's random choices.
 * Not thread-safe: one instance per tree being built.
 */
public final class Kiss64Random {
    public static final long DEFAULT_SEED = 1234567890987654321L;

    private long x;
    private long y = 362436362436362436L;
    private long z = 1066149217761810L;
    private long c = 123456123456123456L;

    public Kiss64Random(long seed) {
        this.x = seed;
    }

    public long kiss() {
        z = 6906969069L * z + 1234567L;
        y ^= y << 13;
        y ^= y >>> 17;
        y ^= y << 43;
        long t = (x << 58) + c;
        c = x >>> 6;
        x += t;
        c += Long.compareUnsigned(x, t) < 0 ? 1 : 0;
        return x + y + z;
    }

    public int flip() {
        return (int) (kiss() & 1);
    }

    /** Uniform in [0, n), as Annoy's {@code index(n) = kiss() % n} with unsigned arithmetic. */
    public int index(int n) {
        return (int) Long.remainderUnsigned(kiss(), n);
    }
}
