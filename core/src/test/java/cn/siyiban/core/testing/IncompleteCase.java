package cn.siyiban.core.testing;

import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.EventHash;
import cn.siyiban.core.db.Database;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A case whose intake event has not arrived yet, for node and central tests. A SymmetricDS load
 * sends {@code sy_case}, {@code sy_case_material} and {@code sy_case_event} in separate batches,
 * and this writes the rows of the first two only.
 */
public final class IncompleteCase {

    private IncompleteCase() {
    }

    /**
     * Inserts the case row and the two materials of a 最低生活保障申请 (SYM-023, 县民政局) taken in
     * at {@code point}, due 35 days after {@code takenIn}, and no event. Returns the case id.
     */
    public static String insert(Database database, String point, String caseNo, boolean proxy,
                                LocalDateTime takenIn) {
        String caseId = UUID.randomUUID().toString();
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_case (id, case_no, "
                    + "origin_point, matter_code, matter_name, department, catalogue_version, applicant_name, "
                    + "applicant_id_type, applicant_id_no, applicant_phone, applicant_address, proxy, intake_clerk, "
                    + "created_at, due_at) VALUES (?, ?, ?, 'SYM-023', '最低生活保障申请', '县民政局', 1, '孙九', "
                    + "'resident_id', '321323198001011234', '13905271234', '泗阳县爱园镇北爱园居委会', ?, 'clerk', ?, ?)")) {
                insert.setString(1, caseId);
                insert.setString(2, caseNo);
                insert.setString(3, point);
                insert.setBoolean(4, proxy);
                insert.setTimestamp(5, Timestamp.valueOf(takenIn));
                insert.setTimestamp(6, Timestamp.valueOf(takenIn.plusDays(35)));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_case_material (id, case_id, "
                    + "origin_point, material_id, ordinal, name, status) VALUES (?, ?, ?, ?, ?, ?, 'received')")) {
                String[][] materials = {{"SYM-023-M01", "申请书"}, {"SYM-023-M02", "居民身份证"}};
                for (int i = 0; i < materials.length; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, caseId);
                    insert.setString(3, point);
                    insert.setString(4, materials[i][0]);
                    insert.setInt(5, i + 1);
                    insert.setString(6, materials[i][1]);
                    insert.executeUpdate();
                }
            }
            return null;
        });
        return caseId;
    }

    /** Inserts one event that the demo clerk recorded at {@code point}, as a later batch of the load delivers it. */
    public static void insertEvent(Database database, String caseId, String point, CaseEventType type,
                                   LocalDateTime at, String prevHash) {
        String id = UUID.randomUUID().toString();
        String hash = EventHash.of(id, caseId, point, point, type, "clerk", at, null, prevHash);
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_case_event (id, case_id, "
                    + "origin_point, event_point, event_type, actor, occurred_at, detail, prev_hash, hash) "
                    + "VALUES (?, ?, ?, ?, ?, 'clerk', ?, NULL, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, caseId);
                insert.setString(3, point);
                insert.setString(4, point);
                insert.setString(5, type.code());
                insert.setTimestamp(6, Timestamp.valueOf(at));
                insert.setString(7, prevHash);
                insert.setString(8, hash);
                return insert.executeUpdate();
            }
        });
    }
}
