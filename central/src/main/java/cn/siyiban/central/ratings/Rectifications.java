package cn.siyiban.central.ratings;

import cn.siyiban.central.audit.AuditLog;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.ratings.Rating;
import cn.siyiban.core.ratings.RatingAnnulment;
import cn.siyiban.core.ratings.RatingStore;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closed loop of bad ratings at central: the items with their deadlines, the steps 核实,
 * 整改 and 回复群众 in that order, the owner, and the annulment of a rating. Steps and
 * annulments are inserted, never changed, and each one writes an audit entry in its transaction.
 */
public final class Rectifications {

    private static final Logger log = LoggerFactory.getLogger(Rectifications.class);
    /** Maximum length in characters of a note and of a reason, the sizes of their columns. */
    static final int MAX_NOTE = 1000;
    static final int MAX_REASON = 500;

    private final ItemStore items;
    private final RatingStore ratings;
    private final StaffStore staffStore;
    private final CalendarStore calendar;
    private final AuditLog audit;
    private final CountyClock clock;
    private final int workingDays;

    public Rectifications(RatingStore ratings, StaffStore staffStore, CalendarStore calendar, AuditLog audit,
                          CountyClock clock, int workingDays) {
        this.items = new ItemStore(ratings.database());
        this.ratings = ratings;
        this.staffStore = staffStore;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    /** Counts the items for the rating overview, after giving new items their deadline. */
    public ItemCounts counts(LocalDate today) {
        stampDeadlines();
        return items.counts(today);
    }

    /** Returns one page of the items, newest first. {@code openOnly} leaves out closed and annulled items. */
    ItemPage page(boolean openOnly, Paging paging) {
        stampDeadlines();
        return items.page(openOnly, paging.offset(), paging.size());
    }

    public Item find(String ratingId) {
        stampDeadlines();
        return items.find(ratingId).orElseThrow(() -> DomainException.notFound("rectification_not_found",
                "未找到评价" + ratingId + "的整改事项，只有“不满意”和“非常不满意”的评价有整改事项"));
    }

    private void stampDeadlines() {
        int stamped = items.stampDeadlines(calendar.calendar(), workingDays);
        if (stamped > 0) {
            log.info("Set the deadline of {} new rectification items to {} working days after arrival", stamped,
                    workingDays);
        }
    }

    /**
     * Records a step of an item. Verify, rectify and reply must come in that order, and reply
     * closes the item. An assign step names a new owner at any time before the item is closed.
     * Synchronized so two admins cannot record the same loop step twice.
     */
    public synchronized Item addStep(String ratingId, StepKind kind, String assignee, String note, Staff actor) {
        Item item = find(ratingId);
        String text = required(note, MAX_NOTE, "note", "说明");
        ItemStatus status = item.status();
        if (status.done()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "rectification_closed",
                    "该整改事项" + status.label() + "，不能再添加步骤");
        }
        if (kind == StepKind.ASSIGN) {
            assignee = required(assignee, 64, "assignee", "责任人");
            String username = assignee;
            if (staffStore.findByUsername(username).filter(Staff::enabled).isEmpty()) {
                throw DomainException.invalid("unknown_staff", "未找到可用的工作人员账号“" + username + "”", "assignee");
            }
        } else if (kind != status.nextLoopStep()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "rectification_step_out_of_order",
                    "该整改事项当前为“" + status.label() + "”，应先" + status.nextLoopStep().label() + "，不能"
                            + kind.label(), Map.of("expected", status.nextLoopStep().code()));
        } else {
            assignee = null;
        }
        Step step = new Step(UUID.randomUUID().toString(), ratingId, kind, assignee, text, actor.username(),
                clock.now());
        items.database().inTransaction(connection -> {
            ItemStore.insertStep(connection, step);
            audit.record(connection, actor.username(), "rectification_" + kind.code(), item.rating().originPoint(),
                    ratingId, kind.label() + "：" + text);
            return null;
        });
        log.info("Recorded step {} of the rectification of rating {} by {}", kind.code(), ratingId, actor.username());
        return find(ratingId);
    }

    /**
     * Annuls a rating found malicious or mistaken. The rating stays stored and leaves averages and
     * rankings; its item, if any, closes as annulled. SymmetricDS sends the annulment to the
     * rating's point.
     */
    public synchronized RatingAnnulment annul(String ratingId, String reason, Staff actor) {
        Rating rating = ratings.findById(ratingId).orElseThrow(() ->
                DomainException.notFound("rating_not_found", "未找到评价" + ratingId));
        String text = required(reason, MAX_REASON, "reason", "作废原因");
        if (ratings.annulment(ratingId).isPresent()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "rating_already_annulled",
                    "该评价已经作废，不能重复作废");
        }
        RatingAnnulment annulment = new RatingAnnulment(ratingId, rating.originPoint(), text, actor.username(),
                clock.now());
        ratings.database().inTransaction(connection -> {
            RatingStore.insertAnnulment(connection, annulment);
            audit.record(connection, actor.username(), "rating_annul", rating.originPoint(), ratingId,
                    "作废原因：" + text);
            return null;
        });
        log.info("Annulled rating {} of point {} by {}", ratingId, rating.originPoint(), actor.username());
        return annulment;
    }

    private static String required(String value, int max, String field, String name) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field + "_missing", "请填写" + name, field);
        }
        String text = value.strip();
        if (text.length() > max) {
            throw DomainException.invalid(field + "_too_long", name + "最多 " + max + " 个字", field);
        }
        return text;
    }
}
