package cn.siyiban.sync;

import java.util.SplittableRandom;

/**
 * Gives each node a pull period of its own, up to a tenth shorter than the configured one.
 *
 * <p>SymmetricDS 3.15.22 schedules a node's pull job with a fixed delay after each run ends
 * ({@code AbstractJob.start} in symmetric-client). When central stalls for a second, every pull
 * that arrives in that second ends at the same moment, and with equal periods those nodes go on
 * pulling in step from then on. Each stall puts more nodes in step, and central rejects as busy
 * the pulls beyond its worker limit that arrive together. In the capacity simulator, where a
 * pause of the simulator's garbage collector has the same effect, a quarter of central's pulls at
 * N = 100 with equal periods began in the same tenth of the 2 s cycle. With spread periods at
 * N = 248, no tenth had more than 7% (docs/benchmarks.md).
 *
 * <p>The period only gets shorter, so no node waits longer for central's decisions than the
 * configured period. On average nodes pull about 5% more often.
 */
final class PullPeriodSpread {

    /** Maximum shortening, as a fraction of the configured period. */
    static final double MAX_SHORTENING = 0.10;

    private PullPeriodSpread() {
    }

    /**
     * Computes the pull period of one node from its external id. The same id always gets the
     * same period, so a node keeps its period across restarts.
     */
    static long forNode(long configuredMillis, String externalId) {
        // SplittableRandom mixes its seed, so point codes that differ in one digit still get
        // periods far apart. String.hashCode alone gives such codes neighbouring values.
        double fraction = new SplittableRandom(externalId.hashCode()).nextDouble();
        return Math.round(configuredMillis * (1.0 - MAX_SHORTENING * fraction));
    }
}
