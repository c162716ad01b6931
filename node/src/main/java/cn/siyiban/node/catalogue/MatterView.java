package cn.siyiban.node.catalogue;

import cn.siyiban.core.catalogue.Material;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.governance.CancelledProof;
import cn.siyiban.core.governance.MinimalLists;
import java.util.List;

/**
 * A matter as {@code GET /api/matters} returns it.
 *
 * @param timeClass code of the time class, null where the county published none
 * @param timeClassLabel Chinese name of the time class, null with it
 * @param cancelledProofs proofs removed as unnecessary (非必要证明), which the clerk must not request.
 *                        The search list leaves them empty and only the single matter carries them.
 * @param minimalMaterials the county's minimal-materials list, empty when it published none
 * @param minimalSteps the county's minimal-steps list, empty when it published none
 * @param suspendedReason why the county suspended the matter, null while it is open for intake
 */
public record MatterView(String code, String name, String department, String timeClass, String timeClassLabel,
                         Integer promisedDays, boolean proxyAllowed, List<MaterialView> materials,
                         List<ProofView> cancelledProofs, List<String> minimalMaterials, List<String> minimalSteps,
                         String suspendedReason) {

    /** One material with the flags the intake form is built from. */
    public record MaterialView(String id, String name, boolean required, boolean key, boolean commitmentAllowed) {

        static MaterialView of(Material material) {
            return new MaterialView(material.id(), material.name(), material.required(), material.key(),
                    material.commitmentAllowed());
        }
    }

    /** A removed proof; {@code countyWide} when it was removed for every matter. */
    public record ProofView(String name, String basis, boolean countyWide) {

        static ProofView of(CancelledProof proof) {
            return new ProofView(proof.name(), proof.basis(), proof.matterCode() == null);
        }
    }

    public static MatterView of(Matter matter, String suspendedReason) {
        return of(matter, List.of(), null, suspendedReason);
    }

    public static MatterView of(Matter matter, List<CancelledProof> proofs, MinimalLists minimal,
                                String suspendedReason) {
        return new MatterView(matter.code(), matter.name(), matter.department(),
                matter.timeClass() == null ? null : matter.timeClass().code(),
                matter.timeClass() == null ? null : matter.timeClass().label(),
                matter.promisedDays(), matter.proxyAllowed(),
                matter.materials().stream().map(MaterialView::of).toList(),
                proofs.stream().map(ProofView::of).toList(),
                minimal == null ? List.of() : minimal.materials(),
                minimal == null ? List.of() : minimal.steps(), suspendedReason);
    }
}
