package cn.siyiban.core.reminders;

import cn.siyiban.core.applicant.PhoneNumber;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.time.CountyClock;
import cn.siyiban.core.web.ApiException;
import cn.siyiban.core.web.SessionGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The outbox's state for the reminders page of node and central: {@code GET /api/reminders}
 * lists the latest reminders and the count per state, {@code POST /api/reminders/{id}/retry}
 * makes a failed reminder pending again under the same idempotency key, and
 * {@code POST /api/reminders/run} runs the outbox at once. Phones are masked in every response.
 */
public final class ReminderRoutes {

    /** Most reminders one response lists. */
    static final int LIST_LIMIT = 200;

    private final ReminderStore store;
    private final ReminderOutbox outbox;
    private final CountyClock clock;
    private final Predicate<Staff> mayView;
    private final Predicate<Staff> mayRetry;

    /**
     * @param mayView who may read the outbox; it names citizens' cases
     * @param mayRetry who may retry a failed reminder or run the outbox at once
     */
    public ReminderRoutes(ReminderStore store, ReminderOutbox outbox, CountyClock clock, Predicate<Staff> mayView,
                          Predicate<Staff> mayRetry) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.mayView = mayView;
        this.mayRetry = mayRetry;
    }

    /** One reminder as the page shows it, with the phone masked. */
    public record ReminderView(String id, String kind, String kindLabel, String caseNo, LocalDate targetDate,
                               String phone, String message, String state, String stateLabel, int attempts,
                               LocalDateTime nextAttemptAt, LocalDateTime createdAt, LocalDateTime sentAt,
                               String lastError) {

        static ReminderView of(Reminder reminder) {
            return new ReminderView(reminder.id(), reminder.kind().code(), reminder.kind().label(), reminder.caseNo(),
                    reminder.targetDate(), PhoneNumber.mask(reminder.phone()), reminder.message(),
                    reminder.state().code(), reminder.state().label(), reminder.attempts(),
                    reminder.nextAttemptAt(), reminder.createdAt(), reminder.sentAt(), reminder.lastError());
        }
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/reminders", this::list);
        routes.post("/api/reminders/run", ctx -> {
            require(ctx, mayRetry);
            ctx.json(Map.of("sent", outbox.runOnce()));
        });
        routes.post("/api/reminders/{id}/retry", this::retry);
    }

    private void list(Context ctx) {
        require(ctx, mayView);
        String stateCode = ctx.queryParam("state");
        ReminderState state = null;
        if (stateCode != null && !stateCode.isBlank()) {
            state = ReminderState.fromCode(stateCode).orElseThrow(() -> new ApiException(400, "invalid_parameter",
                    "提醒状态“" + stateCode + "”无效：应为pending、sending、sent或failed", Map.of("field", "state")));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        store.counts().forEach((key, count) -> counts.put(key.code(), count));
        List<ReminderView> reminders = store.latest(state, LIST_LIMIT).stream().map(ReminderView::of).toList();
        ctx.json(Map.of("counts", counts, "reminders", reminders));
    }

    private void retry(Context ctx) {
        require(ctx, mayRetry);
        String id = ctx.pathParam("id");
        Reminder reminder = store.find(id).orElseThrow(() -> new ApiException(404, "reminder_not_found",
                "未找到提醒" + id));
        if (!store.retryFailed(id, clock.now())) {
            throw new ApiException(409, "reminder_not_failed", "只有发送失败的提醒可以重发，该提醒当前为“"
                    + reminder.state().label() + "”", Map.of("state", reminder.state().code()));
        }
        ctx.json(ReminderView.of(store.find(id).orElseThrow()));
    }

    private static void require(Context ctx, Predicate<Staff> rule) {
        if (!rule.test(SessionGuard.staff(ctx))) {
            throw new ApiException(403, "forbidden", "您没有查看或重发提醒的权限");
        }
    }
}
