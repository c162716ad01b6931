package cn.siyiban.central.statistics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the grouped case counts of a {@link StatisticsReport} as CSV. The text starts with a
 * UTF-8 byte order mark, because Excel on Chinese Windows reads a CSV file without one as GBK
 * and garbles every Chinese name.
 */
final class StatisticsCsv {

    static final String BYTE_ORDER_MARK = "\uFEFF";

    private StatisticsCsv() {
    }

    static String of(StatisticsReport report) {
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>(List.of("编码", report.byLabel()));
            header.addAll(report.months());
            header.add("合计");
            csv.printRecord(header);
            for (StatisticsReport.Group group : report.groups()) {
                List<Object> row = new ArrayList<>(List.of(group.key(), group.name()));
                row.addAll(group.perMonth());
                row.add(group.total());
                csv.printRecord(row);
            }
            List<Object> total = new ArrayList<>(List.of("", "全县合计"));
            total.addAll(report.monthTotals());
            total.add(report.total());
            csv.printRecord(total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
