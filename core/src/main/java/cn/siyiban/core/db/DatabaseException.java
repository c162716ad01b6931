package cn.siyiban.core.db;

import java.sql.SQLException;

/**
 * An unexpected database failure, unchecked so that services stay readable. Disk full and
 * similar storage failures are recognized by {@link #isStorageFull()} so the web layer can tell
 * the clerk what happened.
 */
public final class DatabaseException extends RuntimeException {

    private static final java.util.Set<String> LOCK_STATES = java.util.Set.of("40XL1", "40001", "40P01", "55P03");

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }

    /** Whether a unique or primary key constraint rejected the statement (SQLState 23505). */
    public boolean isDuplicateKey() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether Derby gave up waiting for a lock (SQLState 40XL1) or broke a deadlock (40001), or
     * PostgreSQL at central broke a deadlock (40P01) or found a lock not available (55P03). Both
     * databases abort the transaction, which Database rolls back. Under load, SymmetricDS's
     * capture trigger on a case table can hit 40XL1 on the sequence of sym_data.
     */
    public boolean isLockTimeout() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_STATES.contains(String.valueOf(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure looks like a full disk: an I/O message "No space left on device"
     * somewhere in the cause chain, a Derby page write failure (SQLState class XSDG), a write
     * to a Derby database booted read-only after such a failure (25505), or PostgreSQL's
     * disk_full (53100).
     */
    public boolean isStorageFull() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("XSDG")) {
                return true;
            }
            // After a failed page or log write Derby boots the database again read-only, and
            // every write fails with 25505 until Database reboots it with space available.
            if (t instanceof SQLException sql && "25505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
