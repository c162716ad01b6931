package cn.siyiban.core.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.siyiban.core.catalogue.CatalogueCsv;
import cn.siyiban.core.catalogue.Matter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundleSeedTest {

    @Test
    void shippedBundlesUseShippedCatalogue() {
        Map<String, Matter> catalogue = CatalogueCsv.seed().stream()
                .collect(Collectors.toMap(Matter::code, Function.identity()));
        List<Bundle> shipped = BundleSeed.shipped("system", LocalDateTime.of(2026, 1, 1, 0, 0));

        assertFalse(shipped.isEmpty());
        for (Bundle bundle : shipped) {
            BundleRules.check(bundle, code -> Optional.ofNullable(catalogue.get(code)));
            List<Matter> matters = bundle.matterCodes().stream().map(catalogue::get).toList();
            int separate = matters.stream().mapToInt(matter -> matter.materials().size()).sum();
            int shared = bundle.sharedMaterials().stream().mapToInt(s -> s.materialIds().size() - 1).sum();
            assertEquals(separate - shared, BundleMaterials.merge(bundle, matters).size(), bundle.code());
        }
    }
}
