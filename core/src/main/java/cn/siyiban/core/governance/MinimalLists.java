package cn.siyiban.core.governance;

import java.time.LocalDateTime;
import java.util.List;

/** The minimal-materials and minimal-steps lists (最少材料、最少环节) of one matter. */
public record MinimalLists(String matterCode, List<String> materials, List<String> steps, String updatedBy,
                           LocalDateTime updatedAt) {

    public MinimalLists {
        materials = List.copyOf(materials);
        steps = List.copyOf(steps);
    }
}
