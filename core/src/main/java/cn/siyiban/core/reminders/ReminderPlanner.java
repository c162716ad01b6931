package cn.siyiban.core.reminders;

import cn.siyiban.core.cases.CaseEvent;
import cn.siyiban.core.cases.CaseEventType;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.MissingMaterials;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.db.Rows;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.PointNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the cases that need a reminder now and puts one row per reminder into the outbox. It plans
 * only the kinds this side owns: a node the supplement reminders of its own point, central the
 * collection and expiry reminders. Each reminder's id follows from its kind, case and target
 * date, so a second plan of the same reminder inserts nothing.
 */
public final class ReminderPlanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    /** Days before a supplement deadline on which the reminder goes out. */
    static final int SUPPLEMENT_LEAD_DAYS = 2;
    /** Days before a certificate's expiry on which the reminder goes out. */
    static final int EXPIRY_LEAD_DAYS = 30;
    /** Age of the oldest case checked for a supplement reminder; a 容缺 deadline is weeks, not a year. */
    private static final int SUPPLEMENT_HORIZON_DAYS = 366;

    private final CaseStore cases;
    private final CatalogueStore catalogue;
    private final ReminderStore store;
    private final PointNames pointNames;
    private final CountyClock clock;
    private final Set<ReminderKind> owned;
    private final String point;

    /**
     * @param owned the kinds this side plans
     * @param point the node's point, whose cases alone get supplement reminders; null at central
     */
    public ReminderPlanner(CaseStore cases, CatalogueStore catalogue, ReminderStore store, PointNames pointNames,
                           CountyClock clock, Set<ReminderKind> owned, String point) {
        this.cases = cases;
        this.catalogue = catalogue;
        this.store = store;
        this.pointNames = pointNames;
        this.clock = clock;
        this.owned = Set.copyOf(owned);
        this.point = point;
    }

    /** Plans every owned kind; returns the number of reminders added to the outbox. */
    public int plan() {
        LocalDateTime now = clock.now();
        int added = 0;
        if (owned.contains(ReminderKind.SUPPLEMENT_DUE)) {
            for (String id : caseIds("supplement-candidates.sql", point, now.minusDays(SUPPLEMENT_HORIZON_DAYS))) {
                added += cases.findById(id).flatMap(record -> supplementDue(record, now)).map(this::add).orElse(0);
            }
        }
        if (owned.contains(ReminderKind.RESULT_COLLECTION)) {
            for (String id : caseIds("result-candidates.sql", null, null)) {
                added += cases.findById(id).flatMap(record -> resultCollection(record, now)).map(this::add).orElse(0);
            }
        }
        if (owned.contains(ReminderKind.CERTIFICATE_EXPIRY)) {
            for (String id : caseIds("certificate-candidates.sql", null, null)) {
                added += cases.findById(id).flatMap(record -> certificateExpiry(record, now)).map(this::add)
                        .orElse(0);
            }
        }
        return added;
    }

    private Optional<Reminder> supplementDue(CaseRecord record, LocalDateTime now) {
        MissingMaterials missing = MissingMaterials.of(record);
        LocalDate due = missing.supplementDue();
        LocalDate today = now.toLocalDate();
        if (due == null || missing.stillMissing().isEmpty() || !record.status().awaitsDecision()
                || today.isBefore(due.minusDays(SUPPLEMENT_LEAD_DAYS)) || today.isAfter(due)) {
            return Optional.empty();
        }
        return Optional.of(reminder(ReminderKind.SUPPLEMENT_DUE, record, due,
                ReminderTexts.supplementDue(record, missing.stillMissing(), due), now));
    }

    private Optional<Reminder> resultCollection(CaseRecord record, LocalDateTime now) {
        if (record.status() != CaseEventType.RESULT_READY) {
            return Optional.empty();
        }
        LocalDate ready = firstEvent(record, Set.of(CaseEventType.RESULT_READY)).orElseThrow().toLocalDate();
        return Optional.of(reminder(ReminderKind.RESULT_COLLECTION, record, ready,
                ReminderTexts.resultCollection(record, pointNames.name(record.originPoint())), now));
    }

    private Optional<Reminder> certificateExpiry(CaseRecord record, LocalDateTime now) {
        Integer months = catalogue.find(record.matterCode()).map(Matter::validityMonths).orElse(null);
        Optional<LocalDateTime> issued = firstEvent(record, Set.of(CaseEventType.APPROVED, CaseEventType.RESULT_READY));
        if (months == null || issued.isEmpty()) {
            return Optional.empty();
        }
        LocalDate expiry = issued.get().toLocalDate().plusMonths(months);
        LocalDate today = now.toLocalDate();
        // NOTE: a certificate already expired when the matter got its validity is never reminded,
        // but its case is checked again on every run.
        if (today.isBefore(expiry.minusDays(EXPIRY_LEAD_DAYS)) || today.isAfter(expiry)) {
            return Optional.empty();
        }
        return Optional.of(reminder(ReminderKind.CERTIFICATE_EXPIRY, record, expiry,
                ReminderTexts.certificateExpiry(record, expiry), now));
    }

    private static Optional<LocalDateTime> firstEvent(CaseRecord record, Set<CaseEventType> types) {
        return record.events().stream()
                .filter(event -> types.contains(event.type()))
                .map(CaseEvent::occurredAt)
                .min(Comparator.naturalOrder());
    }

    private static Reminder reminder(ReminderKind kind, CaseRecord record, LocalDate target, String message,
                                     LocalDateTime now) {
        return new Reminder(Reminder.idFor(kind, record.id(), target), kind, record.id(), record.caseNo(), target,
                record.applicant().phone(), message, ReminderState.PENDING, 0, now, now, null, null);
    }

    private int add(Reminder reminder) {
        if (!store.insertIfAbsent(reminder)) {
            return 0;
        }
        log.info("Reminder {} ({}) of case {} planned for {}", reminder.id(), reminder.kind().code(),
                reminder.caseNo(), reminder.targetDate());
        return 1;
    }

    private List<String> caseIds(String queryFile, String pointCode, LocalDateTime since) {
        String sql = load(queryFile);
        return cases.database().query(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (pointCode != null) {
                    select.setString(1, pointCode);
                    Rows.setTime(select, 2, since);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    private static String load(String name) {
        String path = "/cn/siyiban/core/reminders/" + name;
        try (InputStream in = ReminderPlanner.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
