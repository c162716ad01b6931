package cn.siyiban.node.bundles;

import cn.siyiban.core.bundles.BundleIntakeService;
import cn.siyiban.core.bundles.MergedMaterial;
import cn.siyiban.core.catalogue.Matter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A bundle as {@code GET /api/bundles/{code}} returns it: what the bundle intake form is built from.
 *
 * @param proxyAllowed whether every matter of the bundle may be carried by a clerk (帮办代办)
 * @param materials the merged material list, one line per document
 */
public record BundleFormView(String code, String name, String description, boolean proxyAllowed,
                             List<MatterLine> matters, List<MaterialLine> materials) {

    public record MatterLine(String code, String name, String department, String timeClassLabel,
                             Integer promisedDays) {
    }

    /**
     * One document of the merged list.
     *
     * @param id what the form sends back as {@code materialId}
     * @param matterNames the matters that ask for the document, so the clerk sees why it is needed
     */
    public record MaterialLine(String id, String name, boolean required, boolean key, boolean commitmentAllowed,
                               List<String> matterNames) {
    }

    static BundleFormView of(BundleIntakeService.ActiveBundle active) {
        Map<String, String> names = active.matters().stream()
                .collect(Collectors.toMap(Matter::code, Matter::name));
        List<MatterLine> matters = active.matters().stream()
                .map(matter -> new MatterLine(matter.code(), matter.name(), matter.department(),
                        matter.timeClass() == null ? null : matter.timeClass().label(), matter.promisedDays()))
                .toList();
        Function<MergedMaterial, MaterialLine> line = material -> new MaterialLine(material.id(), material.name(),
                material.required(), material.key(), material.commitmentAllowed(),
                material.matterCodes().stream().distinct().map(names::get).toList());
        return new BundleFormView(active.bundle().code(), active.bundle().name(), active.bundle().description(),
                active.matters().stream().allMatch(Matter::proxyAllowed), matters,
                active.materials().stream().map(line).toList());
    }
}
