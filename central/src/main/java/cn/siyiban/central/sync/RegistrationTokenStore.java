package cn.siyiban.central.sync;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One-time registration tokens and refused registrations, in central's database. */
public final class RegistrationTokenStore {

    /** How long an issued token stays valid: long enough for a technician's round of visits. */
    public static final Duration VALIDITY = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Token alphabet without 0/O and 1/I/L, because technicians type tokens from a printed sheet. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int TOKEN_LENGTH = 20;

    private final Database database;

    public RegistrationTokenStore(Database database) {
        this.database = database;
    }

    /** Creates a token for {@code point} and returns its text; only its hash is stored. */
    public String issue(String point, String nodeGroup, TokenPurpose purpose, String issuedBy, LocalDateTime now) {
        String token = newToken();
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_registration_token "
                    + "(token_hash, point_code, node_group, purpose, issued_by, issued_at, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hash(token));
                insert.setString(2, point);
                insert.setString(3, nodeGroup);
                insert.setString(4, purpose.code());
                insert.setString(5, issuedBy);
                Rows.setTime(insert, 6, now);
                Rows.setTime(insert, 7, now.plus(VALIDITY));
                insert.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** Finds a token by its text, whatever its state. */
    public Optional<RegistrationToken> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return database.query(connection -> select(connection, "WHERE token_hash = ?", hash(normalize(token))))
                .stream().findFirst();
    }

    /**
     * Marks the token used, if it still is usable; returns whether this call used it. The update's
     * condition makes two simultaneous registrations with one token succeed only once.
     */
    public boolean markUsed(String token, String usedFrom, LocalDateTime now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sy_registration_token "
                    + "SET used_at = ?, used_from = ? WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL "
                    + "AND expires_at > ?")) {
                Rows.setTime(update, 1, now);
                update.setString(2, usedFrom);
                update.setString(3, hash(normalize(token)));
                Rows.setTime(update, 4, now);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Makes a token that {@link #markUsed} used usable again, because its registration did not open. */
    public void release(String token) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sy_registration_token "
                    + "SET used_at = NULL, used_from = NULL WHERE token_hash = ?")) {
                update.setString(1, hash(normalize(token)));
                return update.executeUpdate();
            }
        });
    }

    /** Revokes every unused token of {@code point}; returns how many. */
    public int revoke(String point, String revokedBy, LocalDateTime now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sy_registration_token "
                    + "SET revoked_at = ?, revoked_by = ? WHERE point_code = ? AND used_at IS NULL AND revoked_at IS NULL")) {
                Rows.setTime(update, 1, now);
                update.setString(2, revokedBy);
                update.setString(3, point);
                return update.executeUpdate();
            }
        });
    }

    /** Lists the tokens of a point, newest first. */
    public List<RegistrationToken> list(String point) {
        return database.query(connection -> select(connection, "WHERE point_code = ? ORDER BY issued_at DESC", point));
    }

    /** Records a refused registration for the county admins' alerts. */
    public void recordRefusal(String point, String nodeGroup, String reason, String remoteHost, LocalDateTime now) {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_registration_refusal "
                    + "(id, point_code, node_group, reason, remote_host, refused_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, point);
                insert.setString(3, nodeGroup);
                insert.setString(4, reason);
                insert.setString(5, remoteHost);
                Rows.setTime(insert, 6, now);
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static List<RegistrationToken> select(Connection connection, String where, String value)
            throws SQLException {
        List<RegistrationToken> tokens = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_registration_token " + where)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tokens.add(new RegistrationToken(row.getString("token_hash"), row.getString("point_code"),
                            row.getString("node_group"),
                            TokenPurpose.fromCode(row.getString("purpose")).orElse(TokenPurpose.REGISTER),
                            row.getString("issued_by"), Rows.time(row, "issued_at"), Rows.time(row, "expires_at"),
                            Rows.time(row, "used_at"), row.getString("used_from"), Rows.time(row, "revoked_at")));
                }
            }
        }
        return tokens;
    }

    /** Upper-cases and drops the spaces and dashes a technician may type between groups. */
    static String normalize(String token) {
        return token.strip().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
    }

    private static String newToken() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return token.toString();
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
