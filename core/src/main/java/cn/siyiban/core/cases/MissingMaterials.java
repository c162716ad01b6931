package cn.siyiban.core.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state of a case taken in with required materials missing (容缺受理): which of them are
 * still missing after every {@link CaseEventType#SUPPLEMENTED} event, and the supplement
 * deadline. The intake event's detail records both the deadline and the ids of the tolerated
 * materials, because a case material row does not say whether the catalogue required it.
 *
 * @param supplementDue last day to supply the missing items, null where nothing was missing
 * @param stillMissing required materials marked missing at intake and not supplied since
 */
public record MissingMaterials(LocalDate supplementDue, List<CaseMaterial> stillMissing) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Key of the supplement deadline in the intake event's detail. */
    static final String DUE_KEY = "supplementDue";
    /** Key of the tolerated material ids in the intake event's detail. */
    static final String TOLERATED_KEY = "tolerated";
    /** Key of the supplied material ids in a SUPPLEMENTED event's detail. */
    static final String IDS_KEY = "materialIds";

    public MissingMaterials {
        stillMissing = List.copyOf(stillMissing);
    }

    public static MissingMaterials of(CaseRecord record) {
        Set<String> supplied = new HashSet<>();
        Set<String> tolerated = new HashSet<>();
        LocalDate due = null;
        for (CaseEvent event : record.events()) {
            JsonNode detail = detail(event);
            if (event.type() == CaseEventType.INTAKE && detail.path(DUE_KEY).isTextual()) {
                due = date(detail.path(DUE_KEY).asText());
                detail.path(TOLERATED_KEY).forEach(id -> tolerated.add(id.asText()));
            }
            if (event.type() == CaseEventType.SUPPLEMENTED) {
                detail.path(IDS_KEY).forEach(id -> supplied.add(id.asText()));
            }
        }
        List<CaseMaterial> missing = record.materials().stream()
                .filter(material -> tolerated.contains(material.materialId()))
                .filter(material -> !supplied.contains(material.materialId()))
                .toList();
        return new MissingMaterials(due, missing);
    }

    /**
     * Returns whether the deadline has passed on {@code today} with items still missing and the
     * case still waiting for a decision, which is when the department may terminate it.
     */
    public boolean overdue(LocalDate today, CaseEventType status) {
        return supplementDue != null && !stillMissing.isEmpty() && today.isAfter(supplementDue)
                && status.awaitsDecision();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads an event's JSON detail; unreadable detail reads as empty, as on the timeline. */
    private static JsonNode detail(CaseEvent event) {
        if (event.detail() == null || event.detail().isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(event.detail());
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
