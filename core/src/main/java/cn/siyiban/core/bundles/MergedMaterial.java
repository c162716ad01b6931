package cn.siyiban.core.bundles;

import java.util.List;

/**
 * One line of a bundle's merged material list: a document the applicant hands in once, standing
 * for one or more catalogue materials of the bundle's matters.
 *
 * @param id the id of the first catalogue material it stands for, which the form sends back
 * @param materialIds every catalogue material it stands for, in bundle order
 * @param matterCodes the matter of each entry of {@code materialIds}
 * @param required whether any of those materials is required
 * @param key whether any of them is a required key material, which can never be missing (容缺)
 * @param commitmentAllowed whether all of them accept a signed commitment (告知承诺) instead
 */
public record MergedMaterial(String id, String name, List<String> materialIds, List<String> matterCodes,
                             boolean required, boolean key, boolean commitmentAllowed) {

    public MergedMaterial {
        materialIds = List.copyOf(materialIds);
        matterCodes = List.copyOf(matterCodes);
    }
}
