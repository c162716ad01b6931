package cn.siyiban.central.statistics;

import cn.siyiban.core.catalogue.TimeClass;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.db.Rows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Reads the cases of a period from central's database with {@code statistics-cases.sql}. */
final class StatisticsReader {

    private static final String SQL = load("/cn/siyiban/central/statistics/statistics-cases.sql");

    private final Database database;

    StatisticsReader(Database database) {
        this.database = database;
    }

    /** Returns the cases taken in from the first day of {@code from} to the last day of {@code to}. */
    List<StatisticsCase> cases(YearMonth from, YearMonth to) {
        return database.query(connection -> {
            List<StatisticsCase> cases = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SQL)) {
                Rows.setTime(select, 1, from.atDay(1).atStartOfDay());
                Rows.setTime(select, 2, to.plusMonths(1).atDay(1).atStartOfDay());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String timeClass = row.getString("time_class");
                        cases.add(new StatisticsCase(row.getString("origin_point"), row.getString("matter_code"),
                                row.getString("matter_name"), row.getString("department"),
                                Rows.time(row, "created_at"), Rows.time(row, "due_at"), row.getBoolean("proxy"),
                                timeClass == null ? null : TimeClass.fromCode(timeClass).orElse(null),
                                Rows.time(row, "finished_at")));
                    }
                }
            }
            return cases;
        });
    }

    private static String load(String path) {
        try (InputStream in = StatisticsReader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
