package cn.siyiban.node.cli;

/** Ends a command with a Chinese message for the technician and an {@link ExitCode}. */
final class CommandException extends RuntimeException {

    private final int exitCode;

    CommandException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
