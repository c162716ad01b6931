package cn.siyiban.node.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret that the technician's commands send to the node's local API. The node creates it
 * at first start in {@value #FILE_NAME} of its data folder, readable only by the node's user and
 * root, so that no other local user and no LAN browser can start a backup or read the status.
 */
public final class LocalToken {

    public static final String FILE_NAME = "local-api.token";
    public static final String HEADER = "X-Siyiban-Local-Token";

    private LocalToken() {
    }

    /** Reads the token of {@code dataDir}, creating it first if it is missing. */
    public static String ensure(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (FileAlreadyExistsException e) {
                    return read(dataDir);
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                }
                Files.writeString(file, HexFormat.of().formatHex(random), StandardCharsets.US_ASCII);
            }
            return read(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local API token " + file, e);
        }
    }

    /** Reads the token of {@code dataDir}; throws if the node never started there. */
    public static String read(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.US_ASCII).strip();
    }
}
