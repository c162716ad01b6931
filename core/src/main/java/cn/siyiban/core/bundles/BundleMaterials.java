package cn.siyiban.core.bundles;

import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.catalogue.Material;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the material lists of a bundle's matters into one list, so that a document several
 * matters ask for is collected and ticked once.
 *
 * <p>Two catalogue materials are the same document when the bundle lists them in one shared
 * material, or, failing that, when their names are equal after {@link #normalise}. Names are not
 * matched more loosely, because the catalogue's wording carries meaning: 申报人居民身份证 and
 * 死亡公民居民户口簿和居民身份证 are different documents. The county declares such equivalences as
 * shared materials in the bundle instead.
 */
public final class BundleMaterials {

    private BundleMaterials() {
    }

    /**
     * Returns the merged list of {@code matters}, which are the bundle's matters in its order.
     * Shared-material ids that belong to none of them are ignored, because the catalogue may have
     * changed since the county defined the bundle.
     */
    public static List<MergedMaterial> merge(Bundle bundle, List<Matter> matters) {
        Map<String, Bundle.SharedMaterial> declared = new HashMap<>();
        for (Bundle.SharedMaterial shared : bundle.sharedMaterials()) {
            for (String id : shared.materialIds()) {
                declared.put(id, shared);
            }
        }
        Map<String, Builder> lines = new LinkedHashMap<>();
        for (Matter matter : matters) {
            for (Material material : matter.materials()) {
                Bundle.SharedMaterial shared = declared.get(material.id());
                String identity = shared != null ? "shared:" + shared.name() : "name:" + normalise(material.name());
                String name = shared != null ? shared.name() : material.name();
                lines.computeIfAbsent(identity, key -> new Builder(material.id(), name)).add(matter.code(), material);
            }
        }
        return lines.values().stream().map(Builder::build).toList();
    }

    /**
     * Normalises a material name for comparison: NFKC folds full-width letters, digits and
     * brackets to their ASCII forms, and all white space is removed.
     */
    public static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /**
     * Turns the statuses the clerk ticked on the merged list into the material inputs of each
     * matter's case: every catalogue material a line stands for gets that line's status. A line
     * left out stays out, so intake counts its materials as missing and applies the 容缺 and
     * key-material rules to each of them.
     */
    public static Map<String, List<IntakeRequest.MaterialInput>> expand(List<MergedMaterial> merged,
                                                                       List<IntakeRequest.MaterialInput> inputs) {
        Map<String, MergedMaterial> byId = new HashMap<>();
        merged.forEach(line -> byId.put(line.id(), line));
        Map<String, List<IntakeRequest.MaterialInput>> perMatter = new HashMap<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (IntakeRequest.MaterialInput input : inputs == null ? List.<IntakeRequest.MaterialInput>of() : inputs) {
            if (input == null || input.materialId() == null) {
                throw DomainException.invalid("invalid_material", "材料清单中有一项缺少材料编号", "materials");
            }
            MergedMaterial line = byId.get(input.materialId());
            if (line == null) {
                throw DomainException.invalid("unknown_material",
                        "材料“" + input.materialId() + "”不在该一件事的材料清单中", "materials");
            }
            if (seen.put(line.id(), true) != null) {
                throw DomainException.invalid("duplicate_material", "材料“" + line.name() + "”重复提交", "materials");
            }
            for (int i = 0; i < line.materialIds().size(); i++) {
                perMatter.computeIfAbsent(line.matterCodes().get(i), code -> new ArrayList<>())
                        .add(new IntakeRequest.MaterialInput(line.materialIds().get(i), input.status()));
            }
        }
        return perMatter;
    }

    private static final class Builder {
        private final String id;
        private final String name;
        private final List<String> materialIds = new ArrayList<>();
        private final List<String> matterCodes = new ArrayList<>();
        private boolean required;
        private boolean key;
        private boolean commitmentAllowed = true;

        Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        Builder add(String matterCode, Material material) {
            materialIds.add(material.id());
            matterCodes.add(matterCode);
            required |= material.required();
            key |= material.required() && material.key();
            commitmentAllowed &= material.commitmentAllowed();
            return this;
        }

        MergedMaterial build() {
            return new MergedMaterial(id, name, materialIds, matterCodes, required, key, commitmentAllowed);
        }
    }
}
