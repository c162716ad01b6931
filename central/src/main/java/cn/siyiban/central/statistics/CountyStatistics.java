package cn.siyiban.central.statistics;

import cn.siyiban.central.workflows.BundleShareReport;
import cn.siyiban.core.catalogue.TimeClass;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.time.CountyClock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Computes the county statistics from the cases at central. A case counts once it has synced, so
 * the figures of recent months still rise while offline nodes catch up. The cases of a period are
 * grouped in Java rather than in SQL, because Derby and PostgreSQL have no common function that
 * truncates a timestamp to its month.
 */
public final class CountyStatistics {

    /** Maximum months of the period of one request. */
    public static final int MAX_MONTHS = 36;

    private final StatisticsReader reader;
    private final PointStore points;
    private final BundleShareReport bundles;
    private final Supplier<?> ratings;
    private final CountyClock clock;

    /**
     * @param ratings the county's ratings (好差评) summary: the distribution of levels and the
     *                follow-up rate of real-name bad ratings, over all ratings at central rather
     *                than the requested period, as the rectification overview shows it
     */
    public CountyStatistics(Database database, PointStore points, BundleShareReport bundles, Supplier<?> ratings,
                            CountyClock clock) {
        this.reader = new StatisticsReader(database);
        this.points = points;
        this.bundles = bundles;
        this.ratings = ratings;
        this.clock = clock;
    }

    public StatisticsReport of(YearMonth from, YearMonth to, StatisticsGrouping by) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<StatisticsCase> cases = reader.cases(from, to);
        Map<String, ServicePoint> byCode = new HashMap<>();
        points.all().forEach(point -> byCode.put(point.code(), point));

        List<StatisticsReport.Group> groups = groups(cases, months, keyOf(by, byCode), nameOf(by, byCode, cases));
        List<Integer> monthTotals = perMonth(cases, months);
        List<StatisticsCase> proxyCases = cases.stream().filter(StatisticsCase::proxy).toList();
        StatisticsReport.Proxy proxy = new StatisticsReport.Proxy(proxyCases.size(),
                share(proxyCases.size(), cases.size()), perMonth(proxyCases, months));
        return new StatisticsReport(from.toString(), to.toString(), by.code(), by.label(),
                months.stream().map(YearMonth::toString).toList(), groups, monthTotals, cases.size(),
                immediate(cases), promised(cases, clock.now()), proxy, bundles.of(to).trend(), ratings.get());
    }

    private static Function<StatisticsCase, String> keyOf(StatisticsGrouping by, Map<String, ServicePoint> points) {
        return switch (by) {
            case POINT -> StatisticsCase::originPoint;
            case TOWNSHIP -> c -> township(c.originPoint(), points);
            case MATTER -> StatisticsCase::matterCode;
            case DEPARTMENT -> c -> c.department() == null ? "" : c.department();
        };
    }

    private static Function<String, String> nameOf(StatisticsGrouping by, Map<String, ServicePoint> points,
                                                   List<StatisticsCase> cases) {
        if (by == StatisticsGrouping.MATTER) {
            Map<String, String> names = new HashMap<>();
            cases.forEach(c -> names.put(c.matterCode(), c.matterName()));
            return names::get;
        }
        if (by == StatisticsGrouping.DEPARTMENT) {
            return key -> key.isEmpty() ? "未注明部门" : key;
        }
        return code -> points.containsKey(code) ? points.get(code).name() : code;
    }

    /** Returns the township of a village, and the point itself for every other level. */
    private static String township(String code, Map<String, ServicePoint> points) {
        ServicePoint point = points.get(code);
        if (point != null && point.level() == PointLevel.VILLAGE && point.parentCode() != null) {
            return point.parentCode();
        }
        return code;
    }

    private static List<StatisticsReport.Group> groups(List<StatisticsCase> cases, List<YearMonth> months,
                                                       Function<StatisticsCase, String> key,
                                                       Function<String, String> name) {
        Map<String, List<StatisticsCase>> grouped = new LinkedHashMap<>();
        cases.forEach(c -> grouped.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
        List<StatisticsReport.Group> groups = new ArrayList<>();
        grouped.forEach((k, list) -> groups.add(new StatisticsReport.Group(k, name.apply(k), list.size(),
                perMonth(list, months))));
        groups.sort(Comparator.comparingInt(StatisticsReport.Group::total).reversed()
                .thenComparing(StatisticsReport.Group::key));
        return groups;
    }

    private static List<Integer> perMonth(List<StatisticsCase> cases, List<YearMonth> months) {
        Map<YearMonth, Integer> counts = new HashMap<>();
        cases.forEach(c -> counts.merge(YearMonth.from(c.createdAt()), 1, Integer::sum));
        return months.stream().map(m -> counts.getOrDefault(m, 0)).toList();
    }

    private static StatisticsReport.Immediate immediate(List<StatisticsCase> cases) {
        int total = 0;
        int onTheSpot = 0;
        for (StatisticsCase c : cases) {
            if (c.timeClass() == null || c.timeClass().clockLimit().isEmpty()) {
                continue;
            }
            total++;
            LocalDateTime limit = c.createdAt().plus(c.timeClass().clockLimit().get());
            if (c.finishedAt() != null && !c.finishedAt().isAfter(limit)) {
                onTheSpot++;
            }
        }
        return new StatisticsReport.Immediate(total, onTheSpot, share(onTheSpot, total));
    }

    private static StatisticsReport.Promised promised(List<StatisticsCase> cases, LocalDateTime now) {
        int total = 0;
        int onTime = 0;
        int late = 0;
        int openOverdue = 0;
        for (StatisticsCase c : cases) {
            if (c.timeClass() != TimeClass.PROMISED || c.dueAt() == null) {
                continue;
            }
            total++;
            if (c.finishedAt() == null) {
                openOverdue += now.isAfter(c.dueAt()) ? 1 : 0;
            } else if (c.finishedAt().isAfter(c.dueAt())) {
                late++;
            } else {
                onTime++;
            }
        }
        return new StatisticsReport.Promised(total, onTime, late, openOverdue, share(onTime, onTime + late + openOverdue));
    }

    /** Returns part divided by whole to three decimals, null when whole is 0. */
    static Double share(int part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
