package cn.siyiban.node.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The node's properties file, such as {@code /etc/siyiban/node.properties}. Updates replace the
 * line of each key in place and keep comments and other keys, so the packaged explanations stay.
 */
final class ConfigFile {

    private final Path path;

    ConfigFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.isRegularFile(path);
    }

    /** Reads the file's values; an absent file has none. */
    Properties read() {
        Properties values = new Properties();
        if (exists()) {
            try {
                values.load(new StringReader(Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new CommandException(ExitCode.FAILED, "无法读取配置文件 " + path + "：" + e.getMessage());
            }
        }
        return values;
    }

    /**
     * Sets {@code updates} in the file and writes it through a temporary file and a rename, so a
     * power cut leaves either the old or the new file. The file keeps its owner and mode.
     */
    void update(Map<String, String> updates) {
        Map<String, String> pending = new LinkedHashMap<>(updates);
        List<String> lines = new ArrayList<>();
        try {
            if (exists()) {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    String key = keyOf(line);
                    if (key != null && pending.containsKey(key)) {
                        lines.add(key + "=" + pending.remove(key));
                    } else {
                        lines.add(line);
                    }
                }
            }
            pending.forEach((key, value) -> lines.add(key + "=" + value));
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".new");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            if (exists()) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(path));
                try {
                    Files.setOwner(temporary, Files.getOwner(path));
                    Files.getFileAttributeView(temporary, java.nio.file.attribute.PosixFileAttributeView.class)
                            .setGroup(Files.readAttributes(path, java.nio.file.attribute.PosixFileAttributes.class).group());
                } catch (IOException e) {
                    // Only root may change the owner; a technician's own test file keeps theirs.
                }
            }
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandException(ExitCode.FAILED, "无法写入配置文件 " + path + "：" + e
                    + "。请用 root 身份运行（sudo）。");
        }
    }

    /** Returns the key of a {@code key=value} line, or null for a comment or blank line. */
    private static String keyOf(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
            return null;
        }
        int end = 0;
        while (end < trimmed.length() && "=: \t".indexOf(trimmed.charAt(end)) < 0) {
            end++;
        }
        return trimmed.substring(0, end);
    }
}
