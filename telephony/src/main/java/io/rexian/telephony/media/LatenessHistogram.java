package io.rexian.telephony.media;

/**
 * Distribution of how late packets left against their stream's own schedule, in 100 µs
 * buckets from -10 ms to +500 ms (earlier or later packets land in the end buckets). Written by
 * the pacing thread only; a reader gets a slightly racy snapshot, good enough for monitoring.
 */
final class LatenessHistogram {

    private static final long BUCKET_NANOS = 100_000;
    private static final long MIN_NANOS = -10_000_000;
    private static final int BUCKETS = (int) ((500_000_000 - MIN_NANOS) / BUCKET_NANOS) + 1;

    private final long[] counts = new long[BUCKETS];

    void record(long latenessNanos) {
        long bucket = (latenessNanos - MIN_NANOS) / BUCKET_NANOS;
        counts[(int) Math.max(0, Math.min(BUCKETS - 1, bucket))]++;
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
    }

    /** Lateness in ms at {@code percentile} (0–100) of the recorded packets; 0 when none. */
    double percentileMs(double percentile) {
        long[] snapshot = counts.clone();
        long total = 0;
        for (long c : snapshot) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percentile / 100.0);
        long seen = 0;
        for (int i = 0; i < snapshot.length; i++) {
            seen += snapshot[i];
            if (seen >= Math.max(1, rank)) {
                return (MIN_NANOS + (i + 1) * BUCKET_NANOS) / 1_000_000.0; // upper edge of the bucket
            }
        }
        return (MIN_NANOS + BUCKETS * BUCKET_NANOS) / 1_000_000.0;
    }
}
