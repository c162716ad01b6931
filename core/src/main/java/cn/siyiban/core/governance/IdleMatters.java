package cn.siyiban.core.governance;

import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import cn.siyiban.core.time.CountyClock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags the matters without any application in {@link #IDLE_PERIOD}, for the admin to consider
 * suspending. It counts the cases at central, so run it there, because a node has only its own cases.
 */
public final class IdleMatters {

    /** A matter without an application for this long is flagged as idle (三年无办件). */
    public static final Period IDLE_PERIOD = Period.ofYears(3);

    private final Database database;
    private final CatalogueStore catalogue;
    private final CountyClock clock;

    public IdleMatters(Database database, CatalogueStore catalogue, CountyClock clock) {
        this.database = database;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * The activity of one active matter.
     *
     * @param lastApplication intake time of its latest case, null when it never had one
     * @param activeSince when the matter last changed in the catalogue; a new or changed matter is
     *                    not idle before {@link #IDLE_PERIOD} has passed since
     * @param idle whether neither happened within {@link #IDLE_PERIOD} before now
     */
    public record Activity(Matter matter, LocalDateTime lastApplication, LocalDateTime activeSince, boolean idle) {
    }

    /** Returns the activity of every matter not retired, in code order. */
    public List<Activity> activities() {
        LocalDateTime cutoff = clock.now().minus(IDLE_PERIOD);
        Map<String, LocalDateTime> lastCases = new HashMap<>();
        Map<Integer, LocalDateTime> published = new HashMap<>();
        database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT matter_code, MAX(created_at) AS last_at FROM sy_case GROUP BY matter_code");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lastCases.put(row.getString("matter_code"), Rows.time(row, "last_at"));
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT version, published_at FROM sy_catalogue_version");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    published.put(row.getInt("version"), Rows.time(row, "published_at"));
                }
            }
            return null;
        });
        List<Activity> activities = new ArrayList<>();
        for (Matter matter : catalogue.all()) {
            if (matter.retired()) {
                continue;
            }
            LocalDateTime last = lastCases.get(matter.code());
            LocalDateTime since = published.get(matter.revision());
            boolean recentCase = last != null && !last.isBefore(cutoff);
            boolean recentChange = since != null && !since.isBefore(cutoff);
            activities.add(new Activity(matter, last, since, !recentCase && !recentChange));
        }
        return activities;
    }
}
