package cn.siyiban.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Options of the form {@code --name=value} given to {@code ops/bench/run}. */
final class BenchOptions {

    private final Map<String, String> values = new HashMap<>();
    private final Path output;

    BenchOptions(List<String> arguments, Path output) {
        this.output = output;
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (!argument.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("invalid option " + argument + "; expected --name=value");
            }
            values.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
    }

    int integer(String name, int defaultValue) {
        return parsed(name, defaultValue, Integer::parseInt, "a whole number");
    }

    /** Returns the value of {@code --name=value}, or {@code defaultValue} when the option is absent. */
    String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    double decimal(String name, double defaultValue) {
        return parsed(name, defaultValue, Double::parseDouble, "a number");
    }

    /** Parses option {@code name} with {@code parser}; {@code expected} names the type in the error. */
    private <T> T parsed(String name, T defaultValue, Function<String, T> parser, String expected) {
        String value = values.get(name);
        try {
            return value == null ? defaultValue : parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " must be " + expected + ", was " + value, e);
        }
    }

    /** Returns a list of whole numbers given as {@code --name=4,8,16}. */
    int[] integers(String name, int... defaultValues) {
        String value = values.get(name);
        if (value == null) {
            return defaultValues;
        }
        return Arrays.stream(value.split(",")).mapToInt(part -> Integer.parseInt(part.trim())).toArray();
    }

    /** JVM flags added to the node's shipped ones, from {@code --node-flags="..."}. */
    List<String> nodeFlags() {
        return flags("node-flags");
    }

    /** JVM flags added to central's shipped ones, from {@code --central-flags="..."}. */
    List<String> centralFlags() {
        return flags("central-flags");
    }

    private List<String> flags(String name) {
        String value = values.getOrDefault(name, "").trim();
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
    }

    /** Creates a new folder for one benchmark's databases and logs, kept for inspection after the run. */
    Path runDirectory(String benchmark) {
        try {
            Files.createDirectories(output);
            return Files.createTempDirectory(output, benchmark + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
