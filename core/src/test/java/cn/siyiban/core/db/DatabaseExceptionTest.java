package cn.siyiban.core.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseExceptionTest {

    /** Builds the chain Derby produced when SymmetricDS's capture trigger timed out on a lock. */
    private static SQLException triggerLockTimeout() {
        SQLException lock = new SQLException("A lock could not be obtained within the time requested", "40XL1");
        SQLException expression = new SQLException("thrown while evaluating an expression", "38000", lock);
        return new SQLException("thrown while evaluating an expression", "38000", expression);
    }

    @Test
    void lockTimeoutInTriggerIsLockTimeout() {
        assertTrue(new DatabaseException(triggerLockTimeout()).isLockTimeout());
    }

    @Test
    void deadlockIsLockTimeout() {
        assertTrue(new DatabaseException(new SQLException("deadlock", "40001")).isLockTimeout());
    }

    @Test
    void duplicateKeyIsNotLockTimeout() {
        assertFalse(new DatabaseException(new SQLException("duplicate", "23505")).isLockTimeout());
    }

    @Test
    void readOnlyDatabaseIsStorageFull() {
        SQLException readOnly = new SQLException("read-only database", "25505");

        assertTrue(new DatabaseException(new SQLException("connection setup failed", "08001", readOnly))
                .isStorageFull());
    }

    @Test
    void postgresDeadlockIsLockTimeout() {
        assertTrue(new DatabaseException(new SQLException("deadlock detected", "40P01")).isLockTimeout());
        assertTrue(new DatabaseException(new SQLException("could not obtain lock", "55P03")).isLockTimeout());
    }

    @Test
    void postgresDiskFullIsStorageFull() {
        assertTrue(new DatabaseException(new SQLException("could not extend file", "53100")).isStorageFull());
    }
}
