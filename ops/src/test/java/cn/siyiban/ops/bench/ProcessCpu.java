package cn.siyiban.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, from Linux's {@code /proc/PID/stat}. On a machine shared with
 * other builds, the CPU time per request depends less on their load than the wall time does.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc} figures; 100 on Linux x86-64 (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** Returns the user plus system CPU seconds of process {@code pid}, or NaN where /proc is missing. */
    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name in brackets may contain spaces, so fields are counted after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
