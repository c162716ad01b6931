package cn.siyiban.core.cases;

import cn.siyiban.core.applicant.Applicant;
import cn.siyiban.core.applicant.PhoneNumber;
import cn.siyiban.core.applicant.ResidentIdNumber;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Material;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.db.DatabaseException;
import cn.siyiban.core.db.LockRetry;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.governance.MatterStatusChange;
import cn.siyiban.core.governance.MatterStatusStore;
import cn.siyiban.core.map.ServiceMapStore;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in a case at a service point. It checks the request against the catalogue, allocates the
 * case number and writes the case, its materials and its intake event in one transaction, so a
 * crash leaves either the whole case or nothing.
 */
public final class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    /** Maximum characters of an idempotency key. */
    private static final int MAX_REQUEST_KEY = 64;
    private static final int SAVE_ATTEMPTS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseStore cases;
    private final CatalogueStore catalogue;
    private final CalendarStore calendar;
    private final CountyClock clock;
    private final String pointCode;
    private final CommitmentBlocks commitmentBlocks;
    private final MatterStatusStore suspensions;
    private final ServiceMapStore pointMatters;
    private final CaseNumbers numbers = new CaseNumbers();

    public IntakeService(CaseStore cases, CatalogueStore catalogue, CalendarStore calendar, CountyClock clock,
                         String pointCode) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.clock = clock;
        this.pointCode = pointCode;
        this.commitmentBlocks = new CommitmentBlocks(cases.database());
        this.suspensions = new MatterStatusStore(cases.database());
        this.pointMatters = new ServiceMapStore(cases.database());
    }

    /**
     * An intake request that passed every check, ready to be saved.
     *
     * @param supplementDue last day to supply the materials in {@code tolerated}, null when none is missing
     * @param tolerated ids of the required materials accepted as missing (容缺), in catalogue order
     */
    public record CheckedIntake(Applicant applicant, Matter matter, boolean proxy, List<CaseMaterial> materials,
                                LocalDateTime dueAt, LocalDate supplementDue, List<String> tolerated,
                                LocalDateTime now) {
    }

    public IntakeResult takeIn(IntakeRequest request, Staff clerk) {
        LocalDateTime now = clock.now();
        String requestKey = checkRequestKey(request.requestKey());
        CheckedIntake checked = check(request, now);

        IntakeResult result;
        try {
            result = retrying(() -> save(clerk, requestKey, checked));
        } catch (DatabaseException e) {
            // A simultaneous request with the same key committed first; return its case.
            Optional<CaseRecord> saved = requestKey == null ? Optional.empty()
                    : cases.database().query(connection -> CaseStore.findByRequestKey(connection, pointCode, requestKey));
            if (saved.isEmpty() || !e.isDuplicateKey()) {
                throw e;
            }
            result = new IntakeResult(saved.get(), false);
        }
        Applicant applicant = checked.applicant();
        if (result.created()) {
            log.info("Took in case {} for matter {} by {} (applicant id {}, phone {})", result.record().caseNo(),
                    checked.matter().code(), clerk.username(), ResidentIdNumber.mask(applicant.idNumber()),
                    PhoneNumber.mask(applicant.phone()));
        } else {
            log.info("Returned case {} already saved for repeated request key", result.record().caseNo());
        }
        return result;
    }

    /**
     * Checks {@code request} against the catalogue, the material rules (key materials, 容缺 and
     * 告知承诺) and the applicant's commitment record, without writing anything. {@code now} is the
     * intake time the due dates count from.
     */
    public CheckedIntake check(IntakeRequest request, LocalDateTime now) {
        if (request.applicant() == null) {
            throw DomainException.invalid("missing_applicant", "缺少申请人信息", "applicant");
        }
        IntakeRequest.ApplicantInput input = request.applicant();
        Applicant applicant = Applicant.validated(input.name(), input.idType(), input.idNumber(), input.phone(),
                input.address(), now.toLocalDate());
        Matter matter = findMatter(request.matterCode());
        if (!pointMatters.offers(pointCode, matter.code())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "matter_not_offered",
                    "本服务点不受理事项“" + matter.name() + "”，请在服务地图中查找可办理的服务点",
                    Map.of("field", "matterCode"));
        }
        if (request.proxy() && !matter.proxyAllowed()) {
            throw DomainException.invalid("proxy_not_allowed",
                    "事项“" + matter.name() + "”不可代办，请申请人本人到窗口办理", "proxy");
        }
        List<CaseMaterial> materials = checkMaterials(matter, request.materials());
        LocalDateTime dueAt = DueDates.dueAt(matter, now, calendar.calendar());
        List<String> tolerated = toleratedIds(matter, materials);
        LocalDate supplementDue = tolerated.isEmpty() ? null
                : supplementDue(request.supplementDue(), now.toLocalDate(), dueAt);
        boolean committed = materials.stream().anyMatch(material -> material.status() == MaterialStatus.COMMITTED);
        if ((committed || !tolerated.isEmpty()) && commitmentBlocks.blocked(applicant)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "commitment_blocked",
                    "申请人曾有告知承诺经核查不实的记录，暂不适用告知承诺和容缺受理，请收齐全部材料后受理",
                    Map.of("committed", committed, "tolerated", tolerated));
        }
        return new CheckedIntake(applicant, matter, request.proxy(), materials, dueAt, supplementDue, tolerated, now);
    }

    private IntakeResult save(Staff clerk, String requestKey, CheckedIntake checked) {
        return cases.database().inTransaction(connection -> {
            if (requestKey != null) {
                Optional<CaseRecord> saved = CaseStore.findByRequestKey(connection, pointCode, requestKey);
                if (saved.isPresent()) {
                    return new IntakeResult(saved.get(), false);
                }
            }
            return new IntakeResult(insert(connection, checked, clerk, requestKey), true);
        });
    }

    /**
     * Allocates the case number and inserts the case, its materials and its intake event inside
     * the caller's transaction. {@code requestKey} may be null.
     */
    public CaseRecord insert(Connection connection, CheckedIntake checked, Staff clerk, String requestKey)
            throws SQLException {
        LocalDateTime now = checked.now();
        Matter matter = checked.matter();
        String caseId = UUID.randomUUID().toString();
        int catalogueVersion = CatalogueStore.currentVersionOf(connection);
        CaseNumber caseNo = numbers.next(connection, pointCode, now.toLocalDate());
        String eventId = UUID.randomUUID().toString();
        String detail = intakeDetail(caseNo, checked.supplementDue(), checked.tolerated());
        CaseEvent intake = new CaseEvent(eventId, caseId, pointCode, pointCode, CaseEventType.INTAKE,
                clerk.username(), now, detail, null,
                EventHash.of(eventId, caseId, pointCode, pointCode, CaseEventType.INTAKE, clerk.username(), now,
                        detail, null));
        CaseRecord record = new CaseRecord(caseId, caseNo.toString(), pointCode, matter.code(), matter.name(),
                matter.department(), catalogueVersion, checked.applicant(), checked.proxy(), clerk.username(), now,
                checked.dueAt(), checked.materials(), List.of(intake));
        CaseStore.insert(connection, record, requestKey);
        return record;
    }

    /**
     * Runs {@code save}, a transaction that draws case numbers through {@link #insert}, up to
     * {@value #SAVE_ATTEMPTS} times. It runs again when a drawn number was already in the
     * database, after the numbers are read afresh, and when the database gave up a lock quickly
     * or broke a deadlock between clerks saving at once ({@link LockRetry}). Either way the
     * database rolled the whole transaction back. A duplicate request key also lands here; the
     * next attempt finds the saved case by its key.
     */
    public <T> T retrying(Supplier<T> save) {
        return LockRetry.run("an intake at point " + pointCode, SAVE_ATTEMPTS, this::readNumbersAfresh, save);
    }

    /** Reads the case numbers in use again after a duplicate key, so the next attempt draws a free one. */
    private boolean readNumbersAfresh(DatabaseException failure) {
        if (!failure.isDuplicateKey()) {
            return false;
        }
        log.warn("Saving an intake at point {} failed because its case number or request key was already saved; "
                + "reading the case numbers again", pointCode);
        numbers.resync();
        return true;
    }

    /** Returns the point this service takes cases in for. */
    public String pointCode() {
        return pointCode;
    }

    /** Returns the ids of the required materials accepted as missing (容缺), in catalogue order. */
    private static List<String> toleratedIds(Matter matter, List<CaseMaterial> materials) {
        List<String> ids = new ArrayList<>();
        for (CaseMaterial material : materials) {
            boolean required = matter.materials().stream()
                    .anyMatch(m -> m.id().equals(material.materialId()) && m.required());
            if (required && material.status() == MaterialStatus.MISSING) {
                ids.add(material.materialId());
            }
        }
        return ids;
    }

    /**
     * Checks the supplement deadline of a case with missing materials. It may not fall before the
     * intake day or after the day the matter's promised time ends; an empty one means that day.
     */
    static LocalDate supplementDue(String text, LocalDate today, LocalDateTime dueAt) {
        LocalDate latest = dueAt == null ? null : dueAt.toLocalDate();
        if (text == null || text.isBlank()) {
            if (latest == null) {
                throw DomainException.invalid("missing_supplement_deadline",
                        "该事项没有承诺时限，容缺受理时请填写补齐材料的期限", "supplementDue");
            }
            return latest;
        }
        LocalDate due;
        try {
            due = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid_supplement_deadline",
                    "补齐材料期限“" + text + "”格式不正确，应为 2026-01-31 这样的格式", "supplementDue");
        }
        if (due.isBefore(today)) {
            throw DomainException.invalid("invalid_supplement_deadline",
                    "补齐材料期限" + due + "早于受理日期" + today, "supplementDue");
        }
        if (latest != null && due.isAfter(latest)) {
            throw new DomainException(DomainException.Kind.INVALID, "deadline_too_late",
                    "补齐材料期限" + due + "超过了事项的承诺办结时间" + latest + "，请改为该日或更早",
                    Map.of("field", "supplementDue", "latest", latest.toString()));
        }
        return due;
    }

    private static String intakeDetail(CaseNumber caseNo, LocalDate supplementDue, List<String> tolerated) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("caseNo", caseNo.toString());
        if (supplementDue != null) {
            detail.put(MissingMaterials.DUE_KEY, supplementDue.toString());
            detail.put(MissingMaterials.TOLERATED_KEY, tolerated);
        }
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write intake detail", e);
        }
    }

    /** Returns the stripped key, or null when the form sent none; rejects a key that is too long or not printable ASCII. */
    public static String checkRequestKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String value = key.strip();
        if (value.length() > MAX_REQUEST_KEY || !value.chars().allMatch(c -> c < 128 && c > 32)) {
            throw DomainException.invalid("invalid_request_key",
                    "表单标识无效，请刷新页面后重新提交", "requestKey");
        }
        return value;
    }

    private Matter findMatter(String code) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid("missing_matter", "请选择要办理的事项", "matterCode");
        }
        Matter matter = catalogue.find(code.strip()).orElseThrow(() -> DomainException.invalid("unknown_matter",
                "事项编码“" + code + "”不在本县事项目录中", "matterCode"));
        if (matter.retired()) {
            throw DomainException.invalid("matter_retired", "事项“" + matter.name() + "”已停止办理", "matterCode");
        }
        Optional<MatterStatusChange> suspension = suspensions.suspension(matter.code());
        if (suspension.isPresent()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "matter_suspended",
                    "事项“" + matter.name() + "”已暂停办理（" + suspension.get().reason() + "），暂不能受理",
                    Map.of("field", "matterCode", "suspendedAt", suspension.get().decidedAt().toLocalDate().toString()));
        }
        return matter;
    }

    /**
     * Pairs each catalogue material with the status the clerk ticked. A material left out of the
     * request counts as missing, which is what an unticked box means; a required key material may
     * never be missing, and only materials marked for it may be replaced by a commitment.
     */
    static List<CaseMaterial> checkMaterials(Matter matter, List<IntakeRequest.MaterialInput> inputs) {
        Map<String, MaterialStatus> statuses = new HashMap<>();
        for (IntakeRequest.MaterialInput input : inputs == null ? List.<IntakeRequest.MaterialInput>of() : inputs) {
            if (input == null || input.materialId() == null) {
                throw DomainException.invalid("invalid_material", "材料清单中有一项缺少材料编号", "materials");
            }
            boolean known = matter.materials().stream().anyMatch(m -> m.id().equals(input.materialId()));
            if (!known) {
                throw DomainException.invalid("unknown_material",
                        "材料“" + input.materialId() + "”不属于事项“" + matter.name() + "”", "materials");
            }
            MaterialStatus status = MaterialStatus.fromCode(input.status()).orElseThrow(() -> DomainException.invalid(
                    "invalid_material_status", "材料状态“" + input.status() + "”无效：应为received、missing或committed",
                    "materials"));
            if (statuses.put(input.materialId(), status) != null) {
                throw DomainException.invalid("duplicate_material", "材料“" + input.materialId() + "”重复提交", "materials");
            }
        }
        List<CaseMaterial> materials = new ArrayList<>();
        for (Material material : matter.materials()) {
            MaterialStatus status = statuses.getOrDefault(material.id(), MaterialStatus.MISSING);
            if (status == MaterialStatus.MISSING && material.required() && material.key()) {
                throw new DomainException(DomainException.Kind.INVALID, "key_material_missing",
                        "关键材料“" + material.name() + "”未收取，不能容缺受理，请申请人补齐后再办理",
                        Map.of("field", "materials", "materialId", material.id()));
            }
            if (status == MaterialStatus.COMMITTED && !material.commitmentAllowed()) {
                throw new DomainException(DomainException.Kind.INVALID, "commitment_not_allowed",
                        "材料“" + material.name() + "”不适用告知承诺，必须提交原件或证明",
                        Map.of("field", "materials", "materialId", material.id()));
            }
            materials.add(new CaseMaterial(UUID.randomUUID().toString(), material.id(), material.position(),
                    material.name(), status));
        }
        return materials;
    }
}
