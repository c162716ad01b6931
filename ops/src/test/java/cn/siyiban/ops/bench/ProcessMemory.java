package cn.siyiban.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Memory figures of a process from Linux's {@code /proc}, and error counts from log files. */
final class ProcessMemory {

    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    /**
     * The first line of an event logged at level ERROR, in the layout of central's and the
     * simulator's logs. The lines of a stack trace do not start with a time stamp.
     */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR ");

    private ProcessMemory() {
    }

    /** Returns the resident set size (VmRSS) of process {@code pid} in MB, or NaN where /proc is missing. */
    static double rssMegabytes(long pid) {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return rss.find() ? Long.parseLong(rss.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Returns the 1-minute load average from {@code /proc/loadavg}. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Counts the lines logged at level ERROR in {@code log}; 0 while the file does not exist. */
    static long errorLines(Path log) {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> ERROR_LINE.matcher(line).find()).count();
        } catch (IOException | UncheckedIOException e) {
            // A line that is not UTF-8 ends the count early; the caller still gets a lower bound.
            return 0;
        }
    }
}
