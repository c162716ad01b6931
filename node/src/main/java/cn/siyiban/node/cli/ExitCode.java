package cn.siyiban.node.cli;

/** Exit codes of the technician's commands, stable so that scripts can act on them. */
public final class ExitCode {

    public static final int OK = 0;
    /** A check of status or doctor failed; the output names it and what to do. */
    public static final int CHECK_FAILED = 1;
    /** Unknown command, unknown option or missing value. */
    public static final int USAGE = 2;
    public static final int CENTRAL_UNREACHABLE = 3;
    /** Central rejected the registration token: wrong, used, revoked, expired or for another point. */
    public static final int TOKEN_REJECTED = 4;
    public static final int POINT_UNKNOWN = 5;
    /** This machine's clock differs from central's by more than the allowed offset. */
    public static final int CLOCK_OFF = 6;
    public static final int TIMED_OUT = 7;
    /** The command needs the running node, and it does not respond. */
    public static final int NODE_NOT_RUNNING = 8;
    /** The command needs the node stopped, and it is running. */
    public static final int NODE_RUNNING = 9;
    /** Any other failure, such as a file that cannot be written. */
    public static final int FAILED = 10;

    private ExitCode() {
    }
}
