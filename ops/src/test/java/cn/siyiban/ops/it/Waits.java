package cn.siyiban.ops.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polling with a deadline, never a fixed sleep: a test waits exactly as long as sync takes. */
public final class Waits {

    private Waits() {
    }

    public static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls {@code value} until {@code done} accepts it or {@code timeout} passes; returns the
     * last value either way, so the caller's assertion shows what was seen.
     */
    public static <T> T until(Duration timeout, Supplier<T> value, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = value.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            pause();
            last = value.get();
        }
        return last;
    }
}
