package cn.siyiban.core.cases;

import cn.siyiban.core.applicant.Applicant;
import cn.siyiban.core.applicant.IdType;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cases, their materials and their events in the database. Cases and materials are only ever
 * inserted; every later change is an appended event.
 */
public final class CaseStore {

    private static final Logger log = LoggerFactory.getLogger(CaseStore.class);

    private static final String SUMMARY_SQL = CaseSql.load("case-summaries.sql");

    private final Database database;

    public CaseStore(Database database) {
        this.database = database;
    }

    public Database database() {
        return database;
    }

    /**
     * Returns the highest sequence of {@code point}'s case numbers for {@code date}: the highest in
     * {@code sy_case}, or the day's row of {@code sy_case_no_counter} if that is higher. Versions
     * before {@link CaseNumbers} raised that counter in each intake, so on a database they wrote
     * it can hold a number whose intake failed. It is no longer written.
     */
    static int highestIssued(Connection connection, String point, LocalDate date) throws SQLException {
        int counted = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_value FROM sy_case_no_counter WHERE point_code = ? AND counter_date = ?")) {
            select.setString(1, point);
            select.setDate(2, Date.valueOf(date));
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    counted = row.getInt(1);
                }
            }
        }
        return Math.max(counted, maxIssuedSequence(connection, point, date));
    }

    /**
     * Returns the highest sequence of the day's case numbers in {@code sy_case}. The range
     * predicate lets Derby read the case number index instead of the whole table, which a LIKE
     * with a parameter did. On Derby the read ignores other transactions' locks (WITH UR), so it
     * never waits for another clerk's case not yet committed. Counting such a case as issued can
     * only skip a number.
     */
    private static int maxIssuedSequence(Connection connection, String point, LocalDate date) throws SQLException {
        String first = new CaseNumber(point, date, 1).toString();
        String last = new CaseNumber(point, date, CaseNumber.MAX_SEQUENCE).toString();
        boolean derby = "Apache Derby".equals(connection.getMetaData().getDatabaseProductName());
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(case_no) FROM sy_case WHERE case_no >= ? AND case_no <= ?" + (derby ? " WITH UR" : ""))) {
            select.setString(1, first);
            select.setString(2, last);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getString(1) != null ? CaseNumber.parse(row.getString(1)).sequence() : 0;
            }
        }
    }

    /** Inserts a new case with its materials and its intake event inside the caller's transaction. */
    static void insert(Connection connection, CaseRecord record, String requestKey) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_case (id, case_no, origin_point, "
                + "matter_code, matter_name, department, catalogue_version, applicant_name, applicant_id_type, "
                + "applicant_id_no, applicant_phone, applicant_address, proxy, intake_clerk, created_at, due_at, "
                + "request_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Applicant applicant = record.applicant();
            insert.setString(1, record.id());
            insert.setString(2, record.caseNo());
            insert.setString(3, record.originPoint());
            insert.setString(4, record.matterCode());
            insert.setString(5, record.matterName());
            insert.setString(6, record.department());
            insert.setInt(7, record.catalogueVersion());
            insert.setString(8, applicant.name());
            insert.setString(9, applicant.idType().code());
            insert.setString(10, applicant.idNumber());
            insert.setString(11, applicant.phone());
            insert.setString(12, applicant.address());
            insert.setBoolean(13, record.proxy());
            insert.setString(14, record.intakeClerk());
            Rows.setTime(insert, 15, record.createdAt());
            Rows.setTime(insert, 16, record.dueAt());
            insert.setString(17, requestKey);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_case_material (id, case_id, "
                + "origin_point, material_id, ordinal, name, status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (CaseMaterial material : record.materials()) {
                insert.setString(1, material.id());
                insert.setString(2, record.id());
                insert.setString(3, record.originPoint());
                insert.setString(4, material.materialId());
                insert.setInt(5, material.ordinal());
                insert.setString(6, material.name());
                insert.setString(7, material.status().code());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        for (CaseEvent event : record.events()) {
            insertEvent(connection, event);
        }
    }

    /** Inserts one event; the caller has computed its hash over its predecessor. */
    public static void insertEvent(Connection connection, CaseEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_case_event (id, case_id, "
                + "origin_point, event_point, event_type, actor, occurred_at, detail, prev_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, event.caseId());
            insert.setString(3, event.originPoint());
            insert.setString(4, event.eventPoint());
            insert.setString(5, event.type().code());
            insert.setString(6, event.actor());
            Rows.setTime(insert, 7, event.occurredAt());
            insert.setString(8, event.detail());
            insert.setString(9, event.prevHash());
            insert.setString(10, event.hash());
            insert.executeUpdate();
        }
    }

    /** Finds a case by number; a case whose intake event has not arrived is not found. */
    public Optional<CaseRecord> findByCaseNo(String caseNo) {
        return database.query(connection -> find(connection, "case_no", caseNo));
    }

    /**
     * Returns the case {@code caseNo} for a request about that one case. Throws
     * {@link CaseErrors#notFound} when no row of it is stored, and {@link CaseErrors#incomplete}
     * when the row is stored but its intake event has not arrived yet.
     */
    public CaseRecord require(String caseNo) {
        return database.query(connection -> require(connection, caseNo));
    }

    /** Does what {@link #require(String)} does inside the caller's transaction. */
    static CaseRecord require(Connection connection, String caseNo) throws SQLException {
        Optional<CaseRecord> found = find(connection, "case_no", caseNo);
        if (found.isPresent()) {
            return found.get();
        }
        boolean rowStored = originPoint(connection, caseNo).isPresent();
        throw rowStored ? CaseErrors.incomplete(caseNo) : CaseErrors.notFound(caseNo);
    }

    /**
     * Returns the point that took in case {@code caseNo} if its row is stored, also while its
     * intake event has not arrived, so a caller can check access before it reports the case as
     * incomplete.
     */
    public Optional<String> originPoint(String caseNo) {
        return database.query(connection -> originPoint(connection, caseNo));
    }

    /** Reads the case row alone, without the intake event that {@code find} requires. */
    private static Optional<String> originPoint(Connection connection, String caseNo) throws SQLException {
        String sql = "SELECT origin_point FROM sy_case WHERE case_no = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, caseNo);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    public Optional<CaseRecord> findById(String id) {
        return database.query(connection -> find(connection, "id", id));
    }

    /** Finds the case a point saved under an intake form's idempotency key. */
    static Optional<CaseRecord> findByRequestKey(Connection connection, String point, String requestKey)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT case_no FROM sy_case WHERE origin_point = ? AND request_key = ?")) {
            select.setString(1, point);
            select.setString(2, requestKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? find(connection, "case_no", row.getString(1)) : Optional.empty();
            }
        }
    }

    static Optional<CaseRecord> find(Connection connection, String column, String value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sy_case WHERE " + column + " = ?")) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String id = row.getString("id");
                List<CaseEvent> events = events(connection, id);
                if (events.stream().noneMatch(event -> event.type() == CaseEventType.INTAKE)) {
                    // A node saves a case and its intake event in one transaction, but SymmetricDS
                    // may deliver them in different batches because a reload sends table by table.
                    // So central can briefly store the case row without its intake event, or with
                    // only a proxy step. It is not a case yet until its intake event is in.
                    log.debug("Case {} has no intake event yet; treated as not arrived", row.getString("case_no"));
                    return Optional.empty();
                }
                Applicant applicant = new Applicant(row.getString("applicant_name"),
                        IdType.fromCode(row.getString("applicant_id_type")), row.getString("applicant_id_no"),
                        row.getString("applicant_phone"), row.getString("applicant_address"));
                return Optional.of(new CaseRecord(id, row.getString("case_no"), row.getString("origin_point"),
                        row.getString("matter_code"), row.getString("matter_name"), row.getString("department"),
                        row.getInt("catalogue_version"), applicant, row.getBoolean("proxy"),
                        row.getString("intake_clerk"), Rows.time(row, "created_at"), Rows.time(row, "due_at"),
                        materials(connection, id), events));
            }
        }
    }

    private static List<CaseMaterial> materials(Connection connection, String caseId) throws SQLException {
        List<CaseMaterial> materials = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, material_id, ordinal, name, status FROM sy_case_material WHERE case_id = ? ORDER BY ordinal")) {
            select.setString(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    materials.add(new CaseMaterial(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                            MaterialStatus.fromCode(row.getString(5)).orElse(MaterialStatus.MISSING)));
                }
            }
        }
        return materials;
    }

    /** Returns the events of a case, oldest first. */
    public static List<CaseEvent> events(Connection connection, String caseId) throws SQLException {
        List<CaseEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM sy_case_event WHERE case_id = ? ORDER BY occurred_at, id")) {
            select.setString(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String typeCode = row.getString("event_type");
                    CaseEventType type = CaseEventType.fromCode(typeCode)
                            .orElseThrow(() -> new IllegalStateException("unknown event type " + typeCode));
                    events.add(new CaseEvent(row.getString("id"), row.getString("case_id"),
                            row.getString("origin_point"), row.getString("event_point"), type,
                            row.getString("actor"), Rows.time(row, "occurred_at"), row.getString("detail"),
                            row.getString("prev_hash"), row.getString("hash")));
                }
            }
        }
        events.sort(Comparator.comparing(CaseEvent::occurredAt).thenComparing(event -> event.type().ordinal()));
        return events;
    }

    /** Lists cases newest first, with the status taken from each case's latest event. */
    public List<CaseSummary> list(CaseQuery query) {
        return database.query(connection -> {
            List<CaseSummary> cases = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SUMMARY_SQL)) {
                int index = 1;
                select.setString(index++, query.originPoint());
                select.setString(index++, query.originPoint());
                select.setString(index++, query.department());
                select.setString(index++, query.department());
                select.setString(index++, query.matterCode());
                select.setString(index++, query.matterCode());
                String like = query.text() == null || query.text().isBlank() ? null : "%" + query.text().strip() + "%";
                select.setString(index++, like);
                select.setString(index++, like);
                select.setString(index++, like);
                select.setString(index++, like);
                Rows.setTime(select, index++, query.from() == null ? null : query.from().atStartOfDay());
                Rows.setTime(select, index++, query.from() == null ? null : query.from().atStartOfDay());
                Rows.setTime(select, index++, query.to() == null ? null : query.to().plusDays(1).atStartOfDay());
                Rows.setTime(select, index++, query.to() == null ? null : query.to().plusDays(1).atStartOfDay());
                select.setMaxRows(query.limit());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        cases.add(new CaseSummary(row.getString("case_no"), row.getString("origin_point"),
                                row.getString("matter_code"), row.getString("matter_name"),
                                row.getString("applicant_name"), row.getBoolean("proxy"),
                                Rows.time(row, "created_at"), Rows.time(row, "due_at"),
                                CaseEventType.fromCode(row.getString("status")).orElse(CaseEventType.INTAKE)));
                    }
                }
            }
            return cases;
        });
    }

    /** Returns the number of cases stored here, for health and status pages. */
    public int count() {
        return database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM sy_case");
                 ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        });
    }
}
