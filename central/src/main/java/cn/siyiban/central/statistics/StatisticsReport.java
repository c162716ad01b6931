package cn.siyiban.central.statistics;

import cn.siyiban.central.workflows.BundleShareReport;
import java.util.List;

/**
 * The county statistics of a period of whole months.
 *
 * @param months the months of the period, oldest first; every per-month list follows this order
 * @param groups case counts per group, largest total first
 * @param monthTotals all cases per month
 * @param bundleTrend share of cases taken in through bundles (一件事) in the 12 months up to {@code to},
 *                    from {@link BundleShareReport}
 * @param ratings ratings distribution and follow-up rate over all ratings at central
 */
public record StatisticsReport(String from, String to, String by, String byLabel, List<String> months,
                               List<Group> groups, List<Integer> monthTotals, int total, Immediate immediate,
                               Promised promised, Proxy proxy, List<BundleShareReport.MonthShare> bundleTrend,
                               Object ratings) {

    /** Cases of one point, township, matter or department. */
    public record Group(String key, String name, int total, List<Integer> perMonth) {
    }

    /**
     * 即办件: cases of a matter with a clock time limit (当场办结, 立等可取, 半日完成).
     *
     * @param doneOnTheSpot cases finished within their class's limit from intake
     * @param share doneOnTheSpot divided by cases, three decimals; null without cases
     */
    public record Immediate(int cases, int doneOnTheSpot, Double share) {
    }

    /**
     * 承诺件: cases with a promised due time.
     *
     * @param onTime finished no later than the due time
     * @param late finished after the due time
     * @param openOverdue not finished and past the due time now
     * @param compliance onTime divided by (onTime + late + openOverdue), three decimals; null when
     *                   no case was finished or overdue yet
     */
    public record Promised(int cases, int onTime, int late, int openOverdue, Double compliance) {
    }

    /** Proxy cases (帮办代办) per month and in all. */
    public record Proxy(int cases, Double share, List<Integer> perMonth) {
    }
}
