package cn.siyiban.central.ratings;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.ratings.Rating;
import cn.siyiban.core.ratings.RatingFigures;
import cn.siyiban.core.ratings.RatingLevels;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The county's view of 好差评: how many ratings of each level, how many were annulled, the
 * follow-up rate of real-name bad ratings, and the ranking of points and clerks.
 */
public final class RatingReport {

    private final Database database;
    private final RatingFigures figures;

    public RatingReport(Database database) {
        this.database = database;
        this.figures = new RatingFigures(database);
    }

    /**
     * The counts behind the rating overview.
     *
     * @param levels ratings not annulled, per overall level from 1 to 5
     * @param realNameBad real-name ratings of level 1 or 2, not annulled
     * @param followedUp those of {@code realNameBad} whose item has its reply to the citizen
     * @param followUpRate {@code followedUp} in percent of {@code realNameBad}, null when there is none
     */
    public record Summary(int total, int annulled, List<LevelCount> levels, int realNameBad, int followedUp,
                          Double followUpRate, int openItems, int overdueItems) {
    }

    public record LevelCount(int level, String label, int count) {
    }

    /** Counts the ratings and combines them with {@code items}, the counts of the rectification items. */
    public Summary summary(ItemCounts items) {
        Counts counts = count();

        List<LevelCount> levels = new ArrayList<>();
        int total = 0;
        for (int level = RatingLevels.MAX; level >= RatingLevels.MIN; level--) {
            levels.add(new LevelCount(level, RatingLevels.label(level), counts.perLevel[level]));
            total += counts.perLevel[level];
        }

        int followedUp = items.followedUp();
        Double rate = counts.realNameBad == 0 ? null : Math.round(1000.0 * followedUp / counts.realNameBad) / 10.0;
        return new Summary(total, counts.annulled, levels, counts.realNameBad, followedUp, rate, items.open(),
                items.overdue());
    }

    /** Counts of every rating: those not annulled per level, the annulled, and the real-name bad ones. */
    private static final class Counts {
        final int[] perLevel = new int[RatingLevels.MAX + 1];
        int annulled;
        int realNameBad;
    }

    /** Adds up the counts from at most one row per level and real-name flag, which the database groups. */
    private Counts count() {
        Counts counts = new Counts();
        database.query(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT r.overall, r.real_name, COUNT(*), "
                    + "COUNT(a.rating_id) FROM sy_rating r LEFT JOIN sy_rating_annulment a ON a.rating_id = r.id "
                    + "GROUP BY r.overall, r.real_name");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int overall = row.getInt(1);
                    boolean realName = row.getBoolean(2);
                    int annulled = row.getInt(4);
                    int counted = row.getInt(3) - annulled;
                    counts.annulled += annulled;
                    counts.perLevel[overall] += counted;
                    if (realName && overall < Rating.FIRST_GOOD_LEVEL) {
                        counts.realNameBad += counted;
                    }
                }
            }
            return null;
        });
        return counts;
    }

    /** Returns the figures of every point, best average first, more ratings first on a tie. */
    public List<RatingFigures.Figure> points(int minCount) {
        return ranked(figures.byPoint(), minCount);
    }

    /** Returns the figures of every clerk in the county, ranked like {@link #points}. */
    public List<RatingFigures.Figure> clerks(int minCount) {
        return ranked(figures.byClerk(null), minCount);
    }

    private static List<RatingFigures.Figure> ranked(List<RatingFigures.Figure> all, int minCount) {
        return all.stream()
                .filter(figure -> figure.count() >= minCount)
                .sorted(Comparator.comparingDouble(RatingFigures.Figure::average).reversed()
                        .thenComparing(Comparator.comparingInt(RatingFigures.Figure::count).reversed()))
                .toList();
    }
}
