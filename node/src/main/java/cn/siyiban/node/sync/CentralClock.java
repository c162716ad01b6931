package cn.siyiban.node.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Central's clock as seen from this machine, read from the HTTP {@code Date} header of a reply.
 * The header has whole seconds, which is precise enough for the 5-minute limit that due dates and
 * SymmetricDS's heartbeat checks need.
 */
public final class CentralClock {

    /** Clocks further apart than this corrupt due dates, so setup stops and the header warns. */
    public static final Duration MAX_OFFSET = Duration.ofMinutes(5);

    private CentralClock() {
    }

    /**
     * Returns central's clock minus this machine's, or empty if the header is missing or invalid.
     * This machine's time is taken halfway between sending the request and receiving the reply.
     */
    public static Optional<Duration> offset(Instant sent, Instant received, Optional<String> dateHeader) {
        Instant local = sent.plus(Duration.between(sent, received).dividedBy(2));
        try {
            return dateHeader.map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .map(remote -> Duration.between(local, remote));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Returns whether an offset is beyond {@link #MAX_OFFSET} in either direction. */
    public static boolean isOff(Duration offset) {
        return offset.abs().compareTo(MAX_OFFSET) > 0;
    }

    /**
     * Describes an offset for the clerk, such as "本机时钟比县级中心慢 2 天 0 小时", or null when
     * the clocks agree within {@link #MAX_OFFSET}.
     */
    public static String problem(Duration offset) {
        if (!isOff(offset)) {
            return null;
        }
        Duration size = offset.abs();
        String amount = size.toDays() > 0 ? size.toDays() + " 天 " + size.toHoursPart() + " 小时"
                : size.toHours() > 0 ? size.toHours() + " 小时 " + size.toMinutesPart() + " 分钟"
                : size.toMinutes() + " 分钟";
        // A positive offset means central is ahead, so this machine is slow.
        String direction = offset.isNegative() ? "快" : "慢";
        return "本机时钟比县级中心" + direction + " " + amount + "。办件时限按本机时间计算，县级中心会标记这些办件；"
                + "请联系技术员运行 siyiban-node doctor 校准时钟。";
    }
}
