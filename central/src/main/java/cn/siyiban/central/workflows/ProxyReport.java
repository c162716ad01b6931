package cn.siyiban.central.workflows;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly report of proxy cases (帮办代办) per service point, with totals per township and
 * for the county: how many cases were taken in, for which matters, and the average time from
 * intake to delivery of the result.
 */
public final class ProxyReport {

    private static final String CASES_SQL = WorkflowSql.load("proxy-cases.sql");

    private final Database database;
    private final PointStore points;

    public ProxyReport(Database database, PointStore points) {
        this.database = database;
        this.points = points;
    }

    /** Cases of one matter at one point. */
    public record MatterCount(String matterCode, String matterName, int cases) {
    }

    /**
     * Proxy cases of one point, one township or the county.
     *
     * @param code point or township code, null for the county total
     * @param delivered cases whose result has been delivered; only they count for the average
     * @param averageHours mean hours from intake to delivery, one decimal, null when none was delivered
     */
    public record Totals(String code, String name, int cases, int delivered, Double averageHours) {
    }

    /** One point's line: its totals, its township and its matters, most cases first. */
    public record PointLine(Totals totals, String township, String townshipName, List<MatterCount> matters) {
    }

    public record Report(String month, List<PointLine> points, List<Totals> townships, Totals county) {
    }

    private record ProxyCase(String caseNo, String originPoint, String matterCode, String matterName,
                             LocalDateTime createdAt, LocalDateTime deliveredAt) {
    }

    /** Builds the report of the proxy cases taken in during {@code month}. */
    public Report of(YearMonth month) {
        List<ProxyCase> cases = read(month);
        Map<String, ServicePoint> byCode = points.all().stream()
                .collect(Collectors.toMap(ServicePoint::code, Function.identity()));

        Map<String, List<ProxyCase>> byPoint = new TreeMap<>();
        Map<String, List<ProxyCase>> byTownship = new TreeMap<>();
        for (ProxyCase proxyCase : cases) {
            byPoint.computeIfAbsent(proxyCase.originPoint(), code -> new ArrayList<>()).add(proxyCase);
            byTownship.computeIfAbsent(township(proxyCase.originPoint(), byCode), code -> new ArrayList<>())
                    .add(proxyCase);
        }

        List<PointLine> pointLines = new ArrayList<>();
        byPoint.forEach((code, pointCases) -> {
            String township = township(code, byCode);
            pointLines.add(new PointLine(totals(code, name(code, byCode), pointCases), township,
                    name(township, byCode), matters(pointCases)));
        });
        List<Totals> townships = new ArrayList<>();
        byTownship.forEach((code, townshipCases) -> townships.add(totals(code, name(code, byCode), townshipCases)));
        return new Report(month.toString(), pointLines, townships, totals(null, "全县", cases));
    }

    /** Returns the township a point belongs to: itself for a township, its parent for a village. */
    private static String township(String code, Map<String, ServicePoint> byCode) {
        ServicePoint point = byCode.get(code);
        if (point != null && point.level() == PointLevel.VILLAGE && point.parentCode() != null) {
            return point.parentCode();
        }
        return code;
    }

    private static String name(String code, Map<String, ServicePoint> byCode) {
        ServicePoint point = byCode.get(code);
        return point == null ? code : point.name();
    }

    private static Totals totals(String code, String name, List<ProxyCase> cases) {
        List<Duration> times = cases.stream()
                .filter(proxyCase -> proxyCase.deliveredAt() != null)
                .map(proxyCase -> Duration.between(proxyCase.createdAt(), proxyCase.deliveredAt()))
                .toList();
        Double average = null;
        if (!times.isEmpty()) {
            double minutes = times.stream().mapToLong(Duration::toMinutes).average().orElseThrow();
            average = Math.round(minutes / 6.0) / 10.0;
        }
        return new Totals(code, name, cases.size(), times.size(), average);
    }

    private static List<MatterCount> matters(List<ProxyCase> cases) {
        Map<String, MatterCount> counts = new LinkedHashMap<>();
        for (ProxyCase proxyCase : cases) {
            counts.merge(proxyCase.matterCode(), new MatterCount(proxyCase.matterCode(), proxyCase.matterName(), 1),
                    (old, added) -> new MatterCount(old.matterCode(), old.matterName(), old.cases() + 1));
        }
        return counts.values().stream()
                .sorted((a, b) -> a.cases() != b.cases() ? Integer.compare(b.cases(), a.cases())
                        : a.matterCode().compareTo(b.matterCode()))
                .toList();
    }

    private List<ProxyCase> read(YearMonth month) {
        return database.query(connection -> {
            List<ProxyCase> cases = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(CASES_SQL)) {
                Rows.setTime(select, 1, month.atDay(1).atStartOfDay());
                Rows.setTime(select, 2, month.plusMonths(1).atDay(1).atStartOfDay());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        cases.add(new ProxyCase(row.getString("case_no"), row.getString("origin_point"),
                                row.getString("matter_code"), row.getString("matter_name"),
                                Rows.time(row, "created_at"), Rows.time(row, "delivered_at")));
                    }
                }
            }
            return cases;
        });
    }
}
