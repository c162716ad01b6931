package cn.siyiban.core.bundles;

import cn.siyiban.core.catalogue.Material;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Checks a bundle definition against the catalogue before central saves it. */
public final class BundleRules {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** Column sizes of {@code sy_bundle}. */
    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 1000;
    private static final int MAX_MATTER_CODES = 1000;
    private static final int MAX_SHARED_JSON = 8000;
    /** A bundle joins at least two matters, otherwise it is just a matter. */
    private static final int MIN_MATTERS = 2;

    private BundleRules() {
    }

    /**
     * Rejects {@code bundle} unless its code and name are valid, it names at least two distinct
     * matters that are in force, and each shared material joins materials of at least two
     * different matters of the bundle, each material in one shared material at most.
     */
    public static void check(Bundle bundle, Function<String, Optional<Matter>> catalogue) {
        if (bundle.code() == null || !CODE.matcher(bundle.code()).matches()) {
            throw DomainException.invalid("invalid_bundle_code",
                    "一件事编码应为1到32位字母、数字、横线或下划线，如 BND-003", "code");
        }
        if (bundle.name() == null || bundle.name().isBlank() || bundle.name().length() > MAX_NAME) {
            throw DomainException.invalid("invalid_bundle_name", "请填写一件事名称（最多" + MAX_NAME + "字）", "name");
        }
        if (bundle.description() != null && bundle.description().length() > MAX_DESCRIPTION) {
            throw DomainException.invalid("invalid_bundle_description",
                    "说明过长（最多" + MAX_DESCRIPTION + "字）", "description");
        }
        Map<String, String> matterOfMaterial = checkMatters(bundle, catalogue);
        checkShared(bundle, matterOfMaterial);
    }

    /** Returns the matter code of every material of the bundle's matters. */
    private static Map<String, String> checkMatters(Bundle bundle, Function<String, Optional<Matter>> catalogue) {
        List<String> codes = bundle.matterCodes();
        if (codes.size() < MIN_MATTERS || new HashSet<>(codes).size() != codes.size()) {
            throw DomainException.invalid("invalid_bundle_matters", "一件事应包含至少" + MIN_MATTERS + "个不同的事项",
                    "matterCodes");
        }
        if (String.join(",", codes).length() > MAX_MATTER_CODES) {
            throw DomainException.invalid("invalid_bundle_matters", "一件事包含的事项过多", "matterCodes");
        }
        Map<String, String> matterOfMaterial = new HashMap<>();
        for (String code : codes) {
            Matter matter = catalogue.apply(code == null ? "" : code).orElseThrow(() -> DomainException.invalid(
                    "unknown_matter", "事项编码“" + code + "”不在本县事项目录中", "matterCodes"));
            if (matter.retired()) {
                throw DomainException.invalid("matter_retired", "事项“" + matter.name() + "”已停用，不能加入一件事",
                        "matterCodes");
            }
            for (Material material : matter.materials()) {
                matterOfMaterial.put(material.id(), code);
            }
        }
        return matterOfMaterial;
    }

    private static void checkShared(Bundle bundle, Map<String, String> matterOfMaterial) {
        Set<String> used = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Bundle.SharedMaterial shared : bundle.sharedMaterials()) {
            if (shared.name() == null || shared.name().isBlank() || shared.name().length() > MAX_NAME
                    || !names.add(shared.name().strip())) {
                throw DomainException.invalid("invalid_shared_material",
                        "每项共用材料需要一个不重复的名称（最多" + MAX_NAME + "字）", "sharedMaterials");
            }
            Set<String> matters = new HashSet<>();
            for (String id : shared.materialIds()) {
                String matter = matterOfMaterial.get(id);
                if (matter == null) {
                    throw DomainException.invalid("invalid_shared_material",
                            "共用材料“" + shared.name() + "”中的材料“" + id + "”不属于该一件事的事项", "sharedMaterials");
                }
                if (!used.add(id)) {
                    throw DomainException.invalid("invalid_shared_material",
                            "材料“" + id + "”出现在多项共用材料中", "sharedMaterials");
                }
                if (!matters.add(matter)) {
                    throw DomainException.invalid("invalid_shared_material",
                            "共用材料“" + shared.name() + "”包含事项" + matter + "的两项材料，只能合并不同事项的材料",
                            "sharedMaterials");
                }
            }
            if (matters.size() < 2) {
                throw DomainException.invalid("invalid_shared_material",
                        "共用材料“" + shared.name() + "”应包含至少两个不同事项的材料", "sharedMaterials");
            }
        }
        if (BundleStore.writeShared(bundle.sharedMaterials()).length() > MAX_SHARED_JSON) {
            throw DomainException.invalid("invalid_shared_material", "共用材料过多", "sharedMaterials");
        }
    }
}
