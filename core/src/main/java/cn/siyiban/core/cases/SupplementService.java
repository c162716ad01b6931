package cn.siyiban.core.cases;

import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Material;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.db.Rows;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records materials supplied for a case taken in with items missing (容缺受理), at any point of
 * the county (全县通办). At the case's own point the supply is a SUPPLEMENTED event at once.
 * Elsewhere the point does not hold the case, so it stores a {@code sy_case_supplement} row with
 * the case number and material ids only; sync carries the row to the origin point, where
 * {@link #applyForwarded()} turns it into the SUPPLEMENTED event.
 */
public final class SupplementService {

    private static final Logger log = LoggerFactory.getLogger(SupplementService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORWARDED_SQL = CaseSql.load("forwarded-supplements.sql");

    private final CaseStore cases;
    private final CatalogueStore catalogue;
    private final CaseHistory history;
    private final CountyClock clock;
    private final String pointCode;

    public SupplementService(CaseStore cases, CatalogueStore catalogue, CaseHistory history, CountyClock clock,
                             String pointCode) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.history = history;
        this.clock = clock;
        this.pointCode = pointCode;
    }

    /**
     * The result of recording a supply.
     *
     * @param forwarded true when the case is held elsewhere and the supply waits for sync
     * @param event the SUPPLEMENTED event, null when forwarded
     */
    public record Outcome(String caseNo, List<String> materialIds, boolean forwarded, CaseEvent event) {
    }

    /**
     * Records that {@code clerk} received the materials {@code materialIds} for the case
     * {@code caseNo}; the caller has checked that the clerk may take in cases here.
     */
    public Outcome record(String caseNo, List<String> materialIds, Staff clerk) {
        CaseNumber number = parse(caseNo);
        List<String> ids = distinctIds(materialIds);
        Optional<CaseRecord> local = cases.findByCaseNo(number.toString());
        if (local.isPresent()) {
            CaseRecord record = local.get();
            checkStillMissing(record, ids);
            CaseEvent event = history.append(record.caseNo(), CaseEventType.SUPPLEMENTED, clerk.username(),
                    detail(ids, names(record, ids)));
            return new Outcome(record.caseNo(), ids, false, event);
        }
        if (number.pointCode().equals(pointCode)) {
            throw DomainException.notFound("case_not_found", "未找到本服务点受理的办件" + number);
        }
        checkCatalogueIds(ids);
        String id = UUID.randomUUID().toString();
        LocalDateTime now = clock.now();
        cases.database().inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_case_supplement (id, case_no, "
                    + "origin_point, taken_point, material_ids, actor, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, number.toString());
                insert.setString(3, number.pointCode());
                insert.setString(4, pointCode);
                insert.setString(5, String.join(",", ids));
                insert.setString(6, clerk.username());
                Rows.setTime(insert, 7, now);
                insert.executeUpdate();
            }
            return null;
        });
        log.info("Recorded supplement {} of {} for case {} of point {}, to be forwarded by sync", id, ids, number,
                number.pointCode());
        return new Outcome(number.toString(), ids, true, null);
    }

    /**
     * Turns supplement rows that other points recorded for this point's cases into SUPPLEMENTED
     * events. The event takes the row's id, so a row is applied once however often this runs; a
     * row whose case is not here (a mistyped number) stays unapplied. Returns the rows applied.
     */
    public int applyForwarded() {
        return cases.database().inTransaction(connection -> {
            int applied = 0;
            for (Forwarded row : forwarded(connection)) {
                Optional<CaseRecord> found = CaseStore.find(connection, "case_no", row.caseNo());
                if (found.isEmpty()) {
                    continue;
                }
                CaseRecord record = found.get();
                CaseEvent latest = record.latestEvent();
                // Keep the chain in time order even when the other point's clock ran behind.
                LocalDateTime at = row.takenAt().isAfter(latest.occurredAt()) ? row.takenAt()
                        : latest.occurredAt().plusNanos(1_000_000);
                String detail = detail(row.materialIds(), names(record, row.materialIds()));
                CaseEvent event = new CaseEvent(row.id(), record.id(), record.originPoint(), row.takenPoint(),
                        CaseEventType.SUPPLEMENTED, row.actor(), at, detail, latest.hash(),
                        EventHash.of(row.id(), record.id(), record.originPoint(), row.takenPoint(),
                                CaseEventType.SUPPLEMENTED, row.actor(), at, detail, latest.hash()));
                CaseStore.insertEvent(connection, event);
                applied++;
                log.info("Applied supplement {} of {} taken at point {} to case {}", row.id(), row.materialIds(),
                        row.takenPoint(), row.caseNo());
            }
            return applied;
        });
    }

    private record Forwarded(String id, String caseNo, String takenPoint, List<String> materialIds, String actor,
                             LocalDateTime takenAt) {
    }

    private List<Forwarded> forwarded(Connection connection) throws SQLException {
        List<Forwarded> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(FORWARDED_SQL)) {
            select.setString(1, pointCode);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Forwarded(row.getString("id"), row.getString("case_no"),
                            row.getString("taken_point"), List.of(row.getString("material_ids").split(",")),
                            row.getString("actor"), Rows.time(row, "taken_at")));
                }
            }
        }
        return rows;
    }

    private static CaseNumber parse(String caseNo) {
        try {
            return CaseNumber.parse(caseNo);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid_case_no",
                    "办件编号“" + caseNo + "”格式不正确，应为 321323101001-20261204-0007 这样的编号", "caseNo");
        }
    }

    private static List<String> distinctIds(List<String> materialIds) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : materialIds == null ? List.<String>of() : materialIds) {
            if (id != null && !id.isBlank()) {
                ids.add(id.strip());
            }
        }
        if (ids.isEmpty()) {
            throw DomainException.invalid("missing_materials", "请选择本次补齐的材料", "materialIds");
        }
        return List.copyOf(ids);
    }

    private static void checkStillMissing(CaseRecord record, List<String> ids) {
        if (!record.status().awaitsDecision()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "case_not_open",
                    "办件当前状态为“" + record.status().statusLabel() + "”，不再接收补齐材料",
                    Map.of("status", record.status().code()));
        }
        MissingMaterials missing = MissingMaterials.of(record);
        for (String id : ids) {
            boolean open = missing.stillMissing().stream().anyMatch(m -> m.materialId().equals(id));
            if (!open) {
                throw new DomainException(DomainException.Kind.INVALID, "material_not_missing",
                        "材料“" + id + "”不是办件" + record.caseNo() + "待补齐的材料",
                        Map.of("field", "materialIds", "materialId", id));
            }
        }
    }

    /**
     * Checks the ids against the catalogue, because a point that does not hold the case can not
     * check them against the case; they must all be materials of one matter.
     */
    private void checkCatalogueIds(List<String> ids) {
        String matterCode = null;
        for (String id : ids) {
            int cut = id.lastIndexOf("-M");
            String code = cut > 0 ? id.substring(0, cut) : id;
            Optional<Matter> matter = catalogue.find(code);
            boolean known = matter.isPresent()
                    && matter.get().materials().stream().map(Material::id).anyMatch(id::equals);
            if (!known) {
                throw new DomainException(DomainException.Kind.INVALID, "unknown_material",
                        "材料编号“" + id + "”不在本县事项目录中", Map.of("field", "materialIds", "materialId", id));
            }
            if (matterCode != null && !matterCode.equals(code)) {
                throw DomainException.invalid("mixed_matters", "一次补齐的材料必须属于同一事项", "materialIds");
            }
            matterCode = code;
        }
    }

    private static List<String> names(CaseRecord record, List<String> ids) {
        return ids.stream().map(id -> record.materials().stream().filter(m -> m.materialId().equals(id))
                .map(CaseMaterial::name).findFirst().orElse(id)).toList();
    }

    /** Writes the event detail. The ids close missing items, and the names show on the timeline. */
    private static String detail(List<String> ids, List<String> names) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put(MissingMaterials.IDS_KEY, ids);
        detail.put("materials", names);
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write supplement detail", e);
        }
    }
}
