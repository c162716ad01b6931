package cn.siyiban.core.bundles;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A bundle (一件事) of the county: matters a citizen applies for together. Central defines it;
 * every node reads it.
 *
 * @param matterCodes catalogue matter codes in the order the form and the receipt list them
 * @param sharedMaterials materials of different matters that the county declared to be one document
 * @param updatedBy user name of the admin who last changed the bundle
 */
public record Bundle(String code, String name, String description, List<String> matterCodes,
                     List<SharedMaterial> sharedMaterials, boolean retired, String updatedBy,
                     LocalDateTime updatedAt) {

    public Bundle {
        matterCodes = List.copyOf(matterCodes);
        sharedMaterials = List.copyOf(sharedMaterials);
    }

    /**
     * Catalogue materials, of different matters of the bundle, that one document satisfies.
     *
     * @param name the name the merged form and receipt show for the document
     * @param materialIds catalogue material ids such as {@code SYM-018-M01}
     */
    public record SharedMaterial(String name, List<String> materialIds) {

        public SharedMaterial {
            materialIds = List.copyOf(materialIds);
        }
    }

    public Bundle retire(String actor, LocalDateTime now) {
        return new Bundle(code, name, description, matterCodes, sharedMaterials, true, actor, now);
    }
}
