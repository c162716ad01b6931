package cn.siyiban.node.sync;

/**
 * The outcome of one "sync now", as SymmetricDS reported it.
 *
 * @param ok whether both push and pull reached central without a data error
 * @param message Chinese summary for the clerk
 * @param pushStatus SymmetricDS's status of the push, e.g. {@code DATA_PROCESSED}, {@code NO_DATA}, {@code OFFLINE}
 * @param pullStatus SymmetricDS's status of the pull
 * @param rowsSent rows central acknowledged in this push
 * @param rowsReceived rows loaded here from this pull
 */
public record SyncNowResult(boolean ok, String message, String pushStatus, String pullStatus, long rowsSent,
                            long rowsReceived) {
}
