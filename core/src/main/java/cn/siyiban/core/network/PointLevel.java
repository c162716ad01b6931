package cn.siyiban.core.network;

import java.util.Arrays;

/** Levels of the county's "2+4+13+N" service network, with the codes used in network.csv. */
public enum PointLevel {
    COUNTY("county", "县级中心"),
    ZONE("zone", "经开区中心"),
    SUBCENTRE("subcentre", "分中心"),
    TOWNSHIP("township", "镇（街道）便民服务中心"),
    VILLAGE("village", "村（社区）便民服务站");

    private final String code;
    private final String label;

    PointLevel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static PointLevel fromCode(String code) {
        return Arrays.stream(values())
                .filter(level -> level.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown point level: " + code));
    }

    /** SymmetricDS node group of a point at this level: villages and townships are nodes, the rest central. */
    public String nodeGroup() {
        return switch (this) {
            case VILLAGE -> "village";
            case TOWNSHIP -> "township";
            default -> "central";
        };
    }
}
