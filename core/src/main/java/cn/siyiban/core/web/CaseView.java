package cn.siyiban.core.web;

import cn.siyiban.core.applicant.Applicant;
import cn.siyiban.core.cases.CaseEvent;
import cn.siyiban.core.cases.CaseMaterial;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.DueState;
import cn.siyiban.core.cases.MissingMaterials;
import cn.siyiban.core.time.CountyClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A case as {@code GET /api/cases/{caseNo}} returns it on node and central: everything the detail
 * page and the printed receipt show. Times are county-local ISO-8601 date-times.
 *
 * @param dueAt promised completion time, null where the matter has no published time limit
 * @param catalogueVersion catalogue version in force when the case was taken in
 * @param supplementDue last day to supply the materials accepted as missing (容缺), null if none were
 * @param stillMissing materials accepted as missing and not supplied since
 * @param supplementOverdue whether the supplement deadline passed with items still missing
 * @param dueState where the case stands against {@code dueAt}, a {@link DueState} code
 */
public record CaseView(String id, String caseNo, String originPoint, String originPointName, String matterCode,
                       String matterName, String department, int catalogueVersion, ApplicantView applicant,
                       boolean proxy, String intakeClerk, String intakeClerkName, LocalDateTime createdAt,
                       LocalDateTime dueAt, String status, String statusLabel, List<MaterialView> materials,
                       List<EventView> events, LocalDate supplementDue, List<MaterialView> stillMissing,
                       boolean supplementOverdue, String dueState, String dueStateLabel) {

    /** The applicant, with the ID number in full: only logged-in staff of the point read this. */
    public record ApplicantView(String name, String idType, String idTypeLabel, String idNumber, String phone,
                                String address) {
    }

    public record MaterialView(String materialId, String name, String status, String statusLabel) {
    }

    /**
     * One history entry.
     *
     * @param point code of the point where the event was recorded
     * @param actor user name of the staff member who recorded it
     * @param comment a reviewer's comment or reason, null when the event has none
     * @param materials names of the materials a reviewer asked to supplement, empty for other events
     */
    public record EventView(String id, String type, String typeLabel, LocalDateTime at, String point,
                            String pointName, String actor, String actorName, String comment,
                            List<String> materials) {
    }

    private static final ObjectMapper DETAIL = new ObjectMapper();

    /**
     * Builds the view of {@code record}; {@code pointName} and {@code staffName} turn codes and
     * user names into the names printed for the clerk.
     */
    public static CaseView of(CaseRecord record, Function<String, String> pointName,
                              Function<String, String> staffName) {
        Applicant applicant = record.applicant();
        ApplicantView applicantView = new ApplicantView(applicant.name(), applicant.idType().code(),
                applicant.idType().label(), applicant.idNumber(), applicant.phone(), applicant.address());
        List<MaterialView> materials = record.materials().stream().map(CaseView::material).toList();
        List<EventView> events = record.events().stream()
                .map(event -> event(event, pointName, staffName))
                .toList();
        MissingMaterials missing = MissingMaterials.of(record);
        LocalDateTime now = CountyClock.system().now();
        boolean overdue = missing.overdue(now.toLocalDate(), record.status());
        DueState due = DueState.of(record.createdAt(), record.dueAt(), record.status(), now);
        return new CaseView(record.id(), record.caseNo(), record.originPoint(), pointName.apply(record.originPoint()),
                record.matterCode(), record.matterName(), record.department(), record.catalogueVersion(),
                applicantView, record.proxy(), record.intakeClerk(), staffName.apply(record.intakeClerk()),
                record.createdAt(), record.dueAt(), record.status().code(), record.status().statusLabel(),
                materials, events, missing.supplementDue(),
                missing.stillMissing().stream().map(CaseView::material).toList(), overdue, due.code(), due.label());
    }

    private static MaterialView material(CaseMaterial material) {
        return new MaterialView(material.materialId(), material.name(), material.status().code(),
                material.status().label());
    }

    /** Builds the view of one event; the comment and materials come from the event's JSON detail. */
    public static EventView event(CaseEvent event, Function<String, String> pointName,
                                  Function<String, String> staffName) {
        JsonNode detail = detail(event);
        String comment = detail.path("comment").isTextual() ? detail.path("comment").asText() : null;
        List<String> materials = new ArrayList<>();
        detail.path("materials").forEach(name -> materials.add(name.asText()));
        return new EventView(event.id(), event.type().code(), event.type().label(), event.occurredAt(),
                event.eventPoint(), pointName.apply(event.eventPoint()), event.actor(),
                staffName.apply(event.actor()), comment, materials);
    }

    /** Reads an event's detail; a missing or unreadable detail reads as empty, because the timeline must still show. */
    private static JsonNode detail(CaseEvent event) {
        if (event.detail() == null || event.detail().isBlank()) {
            return DETAIL.createObjectNode();
        }
        try {
            return DETAIL.readTree(event.detail());
        } catch (JsonProcessingException e) {
            return DETAIL.createObjectNode();
        }
    }
}
