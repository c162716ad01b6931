package cn.siyiban.ops.bench;

import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.db.Database;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Capture overhead: the cost of SymmetricDS's capture triggers on a clerk's intake. A real node
 * registers with a real central, so its Derby database holds the triggers SymmetricDS created
 * from siyiban's sync configuration. After both stop, the database is copied twice and the
 * triggers are dropped from one copy, so the two differ only in the triggers. This JVM then takes
 * in cases through the node's own {@link IntakeService} on one thread, in rounds that alternate
 * between the two copies, so a change in the machine's load falls on both alike.
 */
final class CaptureBenchmark {

    private final BenchOptions options;

    CaptureBenchmark(BenchOptions options) {
        this.options = options;
    }

    void run() throws Exception {
        int perRound = options.integer("cases", 200);
        int rounds = options.integer("rounds", 10);
        int warmUpRounds = options.integer("warm-up-rounds", 2);
        Path dir = options.runDirectory("capture");
        try (BenchCluster cluster = new BenchCluster(dir, options.nodeFlags(), options.centralFlags()).start()) {
            System.out.printf("capture: probe case reached central in %d ms%n", cluster.probe());
        }
        Path captured = dir.resolve("captured");
        Path plain = dir.resolve("plain");
        DerbyCopies.copy(dir.resolve("node").resolve("db"), captured);
        DerbyCopies.copy(dir.resolve("node").resolve("db"), plain);

        try (Database withTriggers = Database.openDerby(captured, 8);
             Database withoutTriggers = Database.openDerby(plain, 8)) {
            int onCase = countCaptureTriggers(withTriggers, "SY_CASE");
            if (onCase == 0) {
                throw new IllegalStateException("the node's database has no SymmetricDS trigger on sy_case");
            }
            int dropped = dropCaptureTriggers(withoutTriggers);
            System.out.printf("capture: %d SymmetricDS triggers on sy_case, dropped %d triggers from the plain copy%n",
                    onCase, dropped);
            Target[] targets = {new Target("with triggers", withTriggers), new Target("without triggers", withoutTriggers)};

            int caseIndex = 0;
            for (int round = 0; round < warmUpRounds + rounds; round++) {
                boolean measured = round >= warmUpRounds;
                // Alternate which copy goes first, so neither always runs on a warmer cache.
                Target first = targets[round % 2];
                Target second = targets[(round + 1) % 2];
                long firstNanos = first.takeIn(caseIndex, perRound, measured);
                long secondNanos = second.takeIn(caseIndex, perRound, measured);
                caseIndex += perRound;
                System.out.printf("capture: %s round %d: %s %.0f ms, %s %.0f ms%n", measured ? "measured" : "warm-up",
                        round, first.name, firstNanos / 1e6, second.name, secondNanos / 1e6);
            }
            report(targets[0], targets[1], perRound);
            checkRowCounts(withTriggers, withoutTriggers);
        }
    }

    private static void report(Target captured, Target plain, int perRound) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < captured.roundNanos.size(); i++) {
            ratios.add((double) captured.roundNanos.get(i) / plain.roundNanos.get(i));
        }
        ratios.sort(null);
        double medianRatio = ratios.get(ratios.size() / 2);
        double totalRatio = captured.perIntake.sumMillis() / plain.perIntake.sumMillis();
        System.out.printf("capture: per intake with triggers:    %s%n", captured.perIntake.summary());
        System.out.printf("capture: per intake without triggers: %s%n", plain.perIntake.summary());
        System.out.printf("capture: RESULT %d rounds of %d intakes: time ratio with/without triggers "
                        + "%.2f (median of paired rounds, range %.2f to %.2f), %.2f over all rounds; target <= 1.3%n",
                ratios.size(), perRound, medianRatio, ratios.get(0), ratios.get(ratios.size() - 1), totalRatio);
    }

    /** Checks that both copies took in the same cases and only the copy with triggers captured them. */
    private static void checkRowCounts(Database captured, Database plain) {
        long casesCaptured = count(captured, "SELECT COUNT(*) FROM sy_case");
        long casesPlain = count(plain, "SELECT COUNT(*) FROM sy_case");
        if (casesCaptured != casesPlain) {
            throw new IllegalStateException("the copies hold " + casesCaptured + " and " + casesPlain + " cases");
        }
        System.out.printf("capture: each copy holds %d cases; sym_data rows with triggers %d, without %d%n",
                casesCaptured, count(captured, "SELECT COUNT(*) FROM sym_data"),
                count(plain, "SELECT COUNT(*) FROM sym_data"));
    }

    private static int countCaptureTriggers(Database database, String table) {
        return (int) count(database, "SELECT COUNT(*) FROM sys.systriggers g JOIN sys.systables t "
                + "ON g.tableid = t.tableid WHERE t.tablename = '" + table + "' AND g.triggername LIKE 'SYM_%'");
    }

    /** Drops every trigger SymmetricDS created (their names start with its table prefix). */
    private static int dropCaptureTriggers(Database database) {
        return database.inTransaction(connection -> {
            List<String> names = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT s.schemaname, g.triggername FROM sys.systriggers g "
                         + "JOIN sys.sysschemas s ON g.schemaid = s.schemaid WHERE g.triggername LIKE 'SYM_%'")) {
                while (row.next()) {
                    names.add("\"" + row.getString(1) + "\".\"" + row.getString(2) + "\"");
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (String name : names) {
                    statement.execute("DROP TRIGGER " + name);
                }
            }
            return names.size();
        });
    }

    private static long count(Database database, String sql) {
        return database.query(connection -> count(connection, sql));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** One copy of the node's database and the times measured on it. */
    private static final class Target {
        private final String name;
        private final Database database;
        private final Staff clerk;
        private final List<Long> roundNanos = new ArrayList<>();
        private final Samples perIntake = new Samples();

        Target(String name, Database database) {
            this.name = name;
            this.database = database;
            this.clerk = new StaffStore(database).findByUsername("clerk")
                    .orElseThrow(() -> new IllegalStateException("no demo clerk in " + name));
        }

        /** Takes in {@code count} cases on this thread; returns the round's wall time in nanoseconds. */
        long takeIn(int firstIndex, int count, boolean measured) {
            IntakeService intake = LocalIntake.service(database, LocalIntake.clockFor(firstIndex));
            long begin = System.nanoTime();
            for (int i = firstIndex; i < firstIndex + count; i++) {
                long start = System.nanoTime();
                intake.takeIn(Forms.request("capture", i), clerk);
                if (measured) {
                    perIntake.add(System.nanoTime() - start);
                }
            }
            long elapsed = System.nanoTime() - begin;
            if (measured) {
                roundNanos.add(elapsed);
            }
            return elapsed;
        }
    }
}
