package cn.siyiban.core.ratings;

import java.util.List;

/** The five levels of 好差评 and their Chinese names, from 1 to 5. */
public final class RatingLevels {

    public static final int MIN = 1;
    public static final int MAX = 5;
    private static final List<String> LABELS = List.of("非常不满意", "不满意", "基本满意", "满意", "非常满意");

    private RatingLevels() {
    }

    /** Returns the Chinese name of {@code level}, which must be between 1 and 5. */
    public static String label(int level) {
        if (level < MIN || level > MAX) {
            throw new IllegalArgumentException("rating level must be 1 to 5, was " + level);
        }
        return LABELS.get(level - 1);
    }
}
