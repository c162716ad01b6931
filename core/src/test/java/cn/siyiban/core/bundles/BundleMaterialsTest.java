package cn.siyiban.core.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.catalogue.Material;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundleMaterialsTest {

    /** A: 身份证 (key), 户口簿 (key), 照片 (may be missing). */
    private static final Matter A = matter("T-A",
            new Material("T-A-M01", 1, "身份证", true, true, false),
            new Material("T-A-M02", 2, "户口簿", true, true, false),
            new Material("T-A-M03", 3, "近期照片", true, false, false));
    /** B: 身份证 with a full-width space, 户口簿（原件） and a proof a commitment may replace. */
    private static final Matter B = matter("T-B",
            new Material("T-B-M01", 1, "身份　证", true, false, false),
            new Material("T-B-M02", 2, "户口簿（原件）", true, true, false),
            new Material("T-B-M03", 3, "收入证明", true, false, true));
    /** C: 户口簿(原件) in half-width brackets, which NFKC makes equal to B's, and an optional photo. */
    private static final Matter C = matter("T-C",
            new Material("T-C-M01", 1, "户口簿(原件)", true, true, false),
            new Material("T-C-M02", 2, "照片", false, true, false));

    private static Matter matter(String code, Material... materials) {
        return new Matter(code, code, null, "县测试局", null, null, null, true, List.of(materials), null, false, 1);
    }

    private static Bundle bundle(List<Bundle.SharedMaterial> shared) {
        return new Bundle("T-BND", "测试一件事", null, List.of("T-A", "T-B", "T-C"), shared, false, "admin",
                LocalDateTime.of(2026, 1, 5, 9, 0));
    }

    @Test
    void mergeListsDuplicateNameOnce() {
        List<MergedMaterial> merged = BundleMaterials.merge(bundle(List.of()), List.of(A, B, C));

        MergedMaterial idCard = merged.get(0);
        assertEquals("T-A-M01", idCard.id());
        assertEquals("身份证", idCard.name());
        assertEquals(List.of("T-A-M01", "T-B-M01"), idCard.materialIds());
        assertEquals(List.of("T-A", "T-B"), idCard.matterCodes());
        MergedMaterial book = merged.stream().filter(line -> line.id().equals("T-B-M02")).findFirst().orElseThrow();
        assertEquals(List.of("T-B-M02", "T-C-M01"), book.materialIds());
        assertEquals(List.of("身份证", "户口簿", "近期照片", "户口簿（原件）", "收入证明", "照片"),
                merged.stream().map(MergedMaterial::name).toList());
    }

    @Test
    void mergeKeepsStrictestRule() {
        List<MergedMaterial> merged = BundleMaterials.merge(bundle(List.of()), List.of(A, B, C));

        MergedMaterial idCard = merged.get(0);
        assertTrue(idCard.required());
        // Key in A though tolerable in B: the document may never be missing.
        assertTrue(idCard.key());
        assertFalse(idCard.commitmentAllowed());
        MergedMaterial income = merged.get(4);
        assertFalse(income.key());
        assertTrue(income.commitmentAllowed());
        MergedMaterial photo = merged.get(5);
        assertFalse(photo.required());
        assertFalse(photo.key());
    }

    @Test
    void sharedMaterialMergesDifferentNames() {
        Bundle.SharedMaterial photos = new Bundle.SharedMaterial("近期免冠照片", List.of("T-A-M03", "T-C-M02"));
        List<MergedMaterial> merged = BundleMaterials.merge(bundle(List.of(photos)), List.of(A, B, C));

        MergedMaterial photo = merged.get(2);
        assertEquals("近期免冠照片", photo.name());
        assertEquals("T-A-M03", photo.id());
        assertEquals(List.of("T-A-M03", "T-C-M02"), photo.materialIds());
        assertTrue(photo.required());
        assertFalse(photo.key());
        assertEquals(5, merged.size());
    }

    @Test
    void expandGivesEveryMatterTheStatus() {
        List<MergedMaterial> merged = BundleMaterials.merge(bundle(List.of()), List.of(A, B, C));

        Map<String, List<IntakeRequest.MaterialInput>> perMatter = BundleMaterials.expand(merged, List.of(
                new IntakeRequest.MaterialInput("T-A-M01", "received"),
                new IntakeRequest.MaterialInput("T-B-M02", "received"),
                new IntakeRequest.MaterialInput("T-B-M03", "committed")));

        assertEquals(List.of(new IntakeRequest.MaterialInput("T-A-M01", "received")), perMatter.get("T-A"));
        assertEquals(List.of(new IntakeRequest.MaterialInput("T-B-M01", "received"),
                new IntakeRequest.MaterialInput("T-B-M02", "received"),
                new IntakeRequest.MaterialInput("T-B-M03", "committed")), perMatter.get("T-B"));
        assertEquals(List.of(new IntakeRequest.MaterialInput("T-C-M01", "received")), perMatter.get("T-C"));
    }

    @Test
    void expandRejectsMemberOfMergedLine() {
        List<MergedMaterial> merged = BundleMaterials.merge(bundle(List.of()), List.of(A, B, C));

        DomainException unknown = assertThrows(DomainException.class, () -> BundleMaterials.expand(merged,
                List.of(new IntakeRequest.MaterialInput("T-B-M01", "received"))));
        assertEquals("unknown_material", unknown.code());
        DomainException twice = assertThrows(DomainException.class, () -> BundleMaterials.expand(merged, List.of(
                new IntakeRequest.MaterialInput("T-A-M01", "received"),
                new IntakeRequest.MaterialInput("T-A-M01", "missing"))));
        assertEquals("duplicate_material", twice.code());
    }
}
