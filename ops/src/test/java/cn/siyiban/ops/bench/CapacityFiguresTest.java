package cn.siyiban.ops.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of the capacity simulator that decide its figures without a central: which log
 * lines count as errors, and which points the simulated nodes take. The simulator itself runs
 * only as a benchmark, because starting central and registering nodes takes minutes here.
 */
class CapacityFiguresTest {

    @Test
    void errorLinesCountsEventsNotStackTraces(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("capacity.log");
        Files.writeString(log, String.join("\n",
                "2026-12-05 02:07:46.457 ERROR [central-extract-default-3] o.j.s.s.i.NodeCommunicationService - Failed",
                "org.jumpmind.db.sql.SqlException: Failed to execute sql",
                "Caused by: ERROR 08000: Connection closed by unknown interrupt.",
                "ERROR 42818: Comparisons between 'CLOB (UCS_BASIC)' and 'CLOB (UCS_BASIC)' are not supported.",
                "2026-12-05 02:07:47.001 WARN  [node-job-3] o.j.s.s.i.RegistrationService - Unable to register",
                "2026-12-05 02:07:48.002 ERROR [trickle-intake] c.s.o.b.CaseTrickle - Intake failed",
                ""));

        assertEquals(2, ProcessMemory.errorLines(log));
    }

    @Test
    void errorLinesOfMissingLogIsZero(@TempDir Path dir) {
        assertEquals(0, ProcessMemory.errorLines(dir.resolve("absent.log")));
    }

    @Test
    void nodePointsAreVillagesThenTownships() {
        List<ServicePoint> points = CapacitySimulator.nodePoints();

        assertEquals(252, points.size(), "237 villages and 15 townships run a node");
        assertTrue(points.subList(0, 237).stream().allMatch(p -> p.level() == PointLevel.VILLAGE),
                "the first 237 points are villages");
        assertTrue(points.subList(237, 252).stream().allMatch(p -> p.level() == PointLevel.TOWNSHIP),
                "the last 15 points are townships");
        assertEquals(points.size(), points.stream().map(ServicePoint::code).distinct().count(),
                "no point code repeats");
    }

    @Test
    void stepErrorsAddUpEveryKind() {
        CapacityStep.Errors errors = new CapacityStep.Errors(1, 2, 3, 4, 5, 6, 7, 8, 9);

        assertEquals(45, errors.total());
    }
}
