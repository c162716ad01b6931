package cn.siyiban.node.catalogue;

import cn.siyiban.core.catalogue.Material;
import cn.siyiban.core.catalogue.Matter;
import java.util.List;

/**
 * A matter as {@code GET /api/matters} returns it.
 *
 * @param timeClass code of the time class, null where the county published none
 * @param timeClassLabel Chinese name of the time class, null with it
 */
public record MatterView(String code, String name, String department, String timeClass, String timeClassLabel,
                         Integer promisedDays, boolean proxyAllowed, List<MaterialView> materials) {

    /** One material with the flags the intake form is built from. */
    public record MaterialView(String id, String name, boolean required, boolean key, boolean commitmentAllowed) {

        static MaterialView of(Material material) {
            return new MaterialView(material.id(), material.name(), material.required(), material.key(),
                    material.commitmentAllowed());
        }
    }

    public static MatterView of(Matter matter) {
        return new MatterView(matter.code(), matter.name(), matter.department(),
                matter.timeClass() == null ? null : matter.timeClass().code(),
                matter.timeClass() == null ? null : matter.timeClass().label(),
                matter.promisedDays(), matter.proxyAllowed(),
                matter.materials().stream().map(MaterialView::of).toList());
    }
}
