package cn.siyiban.central.statistics;

import cn.siyiban.core.web.ApiException;
import java.util.Arrays;
import java.util.Map;

/** Grouping of the case counts, with the Chinese name of the group column. */
public enum StatisticsGrouping {
    POINT("point", "服务点"),
    TOWNSHIP("township", "镇（街道）"),
    MATTER("matter", "事项"),
    DEPARTMENT("department", "部门");

    private final String code;
    private final String label;

    StatisticsGrouping(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Returns the grouping of {@code code}, {@link #POINT} when it is blank; rejects any other text. */
    public static StatisticsGrouping fromCode(String code) {
        if (code == null || code.isBlank()) {
            return POINT;
        }
        return Arrays.stream(values()).filter(g -> g.code.equals(code.strip())).findFirst().orElseThrow(() ->
                new ApiException(400, "invalid_parameter",
                        "分组“" + code + "”无效：应为 point、township、matter 或 department", Map.of("field", "by")));
    }
}
