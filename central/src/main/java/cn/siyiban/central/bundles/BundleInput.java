package cn.siyiban.central.bundles;

import cn.siyiban.core.bundles.Bundle;
import java.time.LocalDateTime;
import java.util.List;

/** The body of {@code POST} and {@code PUT /api/catalogue/bundles}: a bundle as the admin edits it. */
public record BundleInput(String code, String name, String description, List<String> matterCodes,
                          List<Bundle.SharedMaterial> sharedMaterials) {

    /** Returns the bundle, in force, as changed by {@code actor} at {@code now}; blank texts are trimmed. */
    Bundle toBundle(String actor, LocalDateTime now) {
        List<String> matters = matterCodes == null ? List.of()
                : matterCodes.stream().map(code -> code == null ? "" : code.strip()).toList();
        List<Bundle.SharedMaterial> shared = sharedMaterials == null ? List.of()
                : sharedMaterials.stream()
                .map(material -> new Bundle.SharedMaterial(material.name() == null ? null : material.name().strip(),
                        material.materialIds() == null ? List.of()
                                : material.materialIds().stream().map(id -> id == null ? "" : id.strip()).toList()))
                .toList();
        return new Bundle(code == null ? null : code.strip(), name == null ? null : name.strip(),
                description == null || description.isBlank() ? null : description.strip(), matters, shared, false,
                actor, now);
    }
}
