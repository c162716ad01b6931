package cn.siyiban.central.workflows;

import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monthly share of cases taken in through bundles (一件事), for the county plan's target that
 * at least half of all cases come through bundles. Counts cases at central, so a case counts once
 * it has synced; the share of a month still rises while offline nodes catch up.
 */
public final class BundleShareReport {

    /** The county plan's target: at least half of the cases taken in through bundles. */
    public static final double TARGET_SHARE = 0.5;
    /** Months of the trend, the reported month included. */
    static final int TREND_MONTHS = 12;
    private static final String CASES_SQL = WorkflowSql.load("bundle-share.sql");

    private final Database database;

    public BundleShareReport(Database database) {
        this.database = database;
    }

    /**
     * Cases of one month.
     *
     * @param share bundle cases divided by all cases, rounded to three decimals; null when there were no cases
     */
    public record MonthShare(String month, int cases, int bundleCases, Double share) {
    }

    /** Bundles of one kind taken in during the month. */
    public record BundleCount(String bundleCode, String bundleName, int submissions, int cases) {
    }

    /**
     * The report of one month.
     *
     * @param targetMet whether the month's share reached {@link #TARGET_SHARE}; false for a month without cases
     * @param trend the {@value #TREND_MONTHS} months up to and including the reported one, oldest first
     */
    public record Report(String month, MonthShare total, int submissions, double target, boolean targetMet,
                         List<BundleCount> bundles, List<MonthShare> trend) {
    }

    private record CaseRow(LocalDateTime createdAt, String submissionId, String bundleCode, String bundleName) {
    }

    public Report of(YearMonth month) {
        YearMonth first = month.minusMonths(TREND_MONTHS - 1);
        List<CaseRow> rows = read(first, month.plusMonths(1));
        Map<YearMonth, List<CaseRow>> byMonth = new TreeMap<>();
        for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
            byMonth.put(m, new ArrayList<>());
        }
        rows.forEach(row -> byMonth.get(YearMonth.from(row.createdAt())).add(row));

        List<MonthShare> trend = new ArrayList<>();
        byMonth.forEach((m, cases) -> trend.add(share(m, cases)));
        List<CaseRow> current = byMonth.get(month);
        MonthShare total = share(month, current);
        Map<String, List<CaseRow>> perBundle = new TreeMap<>();
        for (CaseRow row : current) {
            if (row.submissionId() != null) {
                perBundle.computeIfAbsent(row.bundleCode(), code -> new ArrayList<>()).add(row);
            }
        }
        List<BundleCount> bundles = new ArrayList<>();
        perBundle.forEach((code, cases) -> bundles.add(new BundleCount(code, cases.get(0).bundleName(),
                submissionsOf(cases), cases.size())));
        int submissions = submissionsOf(current);
        boolean met = total.share() != null && total.share() >= TARGET_SHARE;
        return new Report(month.toString(), total, submissions, TARGET_SHARE, met, bundles, trend);
    }

    /** Returns how many distinct bundle submissions {@code cases} come from. */
    private static int submissionsOf(List<CaseRow> cases) {
        return (int) cases.stream().map(CaseRow::submissionId).filter(id -> id != null).distinct().count();
    }

    private static MonthShare share(YearMonth month, List<CaseRow> cases) {
        int bundled = (int) cases.stream().filter(row -> row.submissionId() != null).count();
        Double share = cases.isEmpty() ? null : Math.round(1000.0 * bundled / cases.size()) / 1000.0;
        return new MonthShare(month.toString(), cases.size(), bundled, share);
    }

    private List<CaseRow> read(YearMonth from, YearMonth until) {
        return database.query(connection -> {
            List<CaseRow> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(CASES_SQL)) {
                Rows.setTime(select, 1, from.atDay(1).atStartOfDay());
                Rows.setTime(select, 2, until.atDay(1).atStartOfDay());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new CaseRow(Rows.time(row, "created_at"), row.getString("submission_id"),
                                row.getString("bundle_code"), row.getString("bundle_name")));
                    }
                }
            }
            return rows;
        });
    }
}
