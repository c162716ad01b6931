package cn.siyiban.core.staff;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import cn.siyiban.core.time.CountyClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Locks a user name out after repeated failed logins, so a password cannot be guessed at the
 * login form. The count is kept per machine in {@code sy_login_failure} and survives a restart.
 */
public final class LoginGuard {

    /** Failed attempts in a row that lock the account. */
    public static final int MAX_FAILURES = 5;
    /** How long a locked account stays locked. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final Database database;
    private final CountyClock clock;

    public LoginGuard(Database database, CountyClock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Returns the end of the lockout if {@code username} is locked now. */
    public Optional<LocalDateTime> lockedUntil(String username) {
        LocalDateTime now = clock.now();
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT locked_until FROM sy_login_failure WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<LocalDateTime>empty();
                    }
                    LocalDateTime until = Rows.time(row, "locked_until");
                    return until != null && until.isAfter(now) ? Optional.of(until) : Optional.<LocalDateTime>empty();
                }
            }
        });
    }

    /** Counts a failed attempt; returns the remaining attempts before the lockout (0 when locked now). */
    public int recordFailure(String username) {
        LocalDateTime now = clock.now();
        return database.inTransaction(connection -> {
            int failures = 0;
            LocalDateTime lockedUntil = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT failures, locked_until FROM sy_login_failure WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        failures = row.getInt(1);
                        lockedUntil = Rows.time(row, "locked_until");
                    }
                }
            }
            // A lockout that has run out starts a fresh count.
            if (lockedUntil != null && !lockedUntil.isAfter(now)) {
                failures = 0;
            }
            failures++;
            LocalDateTime newLock = failures >= MAX_FAILURES ? now.plus(LOCKOUT) : null;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sy_login_failure WHERE username = ?")) {
                delete.setString(1, username);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_login_failure "
                    + "(username, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, username);
                insert.setInt(2, failures);
                Rows.setTime(insert, 3, now);
                Rows.setTime(insert, 4, newLock);
                insert.executeUpdate();
            }
            return Math.max(0, MAX_FAILURES - failures);
        });
    }

    public void recordSuccess(String username) {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sy_login_failure WHERE username = ?")) {
                delete.setString(1, username);
                delete.executeUpdate();
            }
            return null;
        });
    }
}
