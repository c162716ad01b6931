package cn.siyiban.central.migration;

/**
 * Ends a migration that copied nothing, with a Chinese message for the county admin: what
 * failed and the next step.
 */
public final class MigrationRejected extends RuntimeException {

    /** Whether the admin's input (settings, order of steps) caused it rather than a failure. */
    private final boolean usage;

    MigrationRejected(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    static MigrationRejected usage(String message) {
        return new MigrationRejected(message, true);
    }

    static MigrationRejected failed(String message) {
        return new MigrationRejected(message, false);
    }

    public boolean isUsage() {
        return usage;
    }
}
