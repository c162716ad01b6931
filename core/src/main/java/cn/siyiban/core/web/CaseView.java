package cn.siyiban.node.cases;

import cn.siyiban.core.applicant.Applicant;
import cn.siyiban.core.cases.CaseEvent;
import cn.siyiban.core.cases.CaseMaterial;
import cn.siyiban.core.cases.CaseRecord;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * A case as {@code GET /api/cases/{caseNo}} returns it: everything the detail page and the
 * printed receipt show. Times are county-local ISO-8601 date-times.
 *
 * @param dueAt promised completion time, null where the matter has no published time limit
 * @param catalogueVersion catalogue version in force when the case was taken in
 */
public record CaseView(String id, String caseNo, String originPoint, String originPointName, String matterCode,
                       String matterName, String department, int catalogueVersion, ApplicantView applicant,
                       boolean proxy, String intakeClerk, String intakeClerkName, LocalDateTime createdAt,
                       LocalDateTime dueAt, String status, String statusLabel, List<MaterialView> materials,
                       List<EventView> events) {

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
     */
    public record EventView(String type, String typeLabel, LocalDateTime at, String point, String pointName,
                            String actor, String actorName) {
    }

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
        return new CaseView(record.id(), record.caseNo(), record.originPoint(), pointName.apply(record.originPoint()),
                record.matterCode(), record.matterName(), record.department(), record.catalogueVersion(),
                applicantView, record.proxy(), record.intakeClerk(), staffName.apply(record.intakeClerk()),
                record.createdAt(), record.dueAt(), record.status().code(), record.status().statusLabel(),
                materials, events);
    }

    private static MaterialView material(CaseMaterial material) {
        return new MaterialView(material.materialId(), material.name(), material.status().code(),
                material.status().label());
    }

    static EventView event(CaseEvent event, Function<String, String> pointName, Function<String, String> staffName) {
        return new EventView(event.type().code(), event.type().label(), event.occurredAt(), event.eventPoint(),
                pointName.apply(event.eventPoint()), event.actor(), staffName.apply(event.actor()));
    }
}
