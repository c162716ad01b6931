package cn.siyiban.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueCsvTest {

    private static final String HEADER =
            "code,name,category,department,time_class,legal_days,promised_days,proxy_allowed,materials,source\n";

    @Test
    void readsTheShippedSeedCatalogue() {
        List<Matter> matters = CatalogueCsv.seed();
        assertEquals(58, matters.size());
        Matter pension = matters.stream().filter(m -> m.code().equals("SYM-006")).findFirst().orElseThrow();
        assertEquals("城乡居民基本养老保险参保登记", pension.name());
        assertEquals(TimeClass.PROMISED, pension.timeClass());
        assertEquals(3, pension.legalDays());
        assertTrue(pension.proxyAllowed());
        assertEquals(3, pension.materials().size());
        assertEquals("SYM-006-M02", pension.materials().get(1).id());
    }

    @Test
    void readsMaterialFlags() throws Exception {
        List<Matter> matters = CatalogueCsv.read(new StringReader(HEADER
                + "X-1,测试事项,类别,县民政局,promised,10,5,是,\"身份证;收入证明[可容缺][可承诺];照片[非必需]\",test\n"));
        List<Material> materials = matters.get(0).materials();
        assertTrue(materials.get(0).required());
        assertTrue(materials.get(0).key());
        assertFalse(materials.get(0).commitmentAllowed());
        assertFalse(materials.get(1).key());
        assertTrue(materials.get(1).commitmentAllowed());
        assertFalse(materials.get(2).required());
        assertEquals("身份证;收入证明[可容缺][可承诺];照片[非必需]", MaterialListSyntax.format(materials));
    }

    @Test
    void readsOptionalValidityMonths() throws Exception {
        List<Matter> matters = CatalogueCsv.read(new StringReader(
                "code,name,materials,validity_months\nX-1,测试证照,身份证,36\nX-2,无有效期,身份证,\n"));
        assertEquals(36, matters.get(0).validityMonths());
        assertEquals(null, matters.get(1).validityMonths());
    }

    @Test
    void rejectsBadValidityMonths() {
        CatalogueImportException error = assertThrows(CatalogueImportException.class, () -> CatalogueCsv.read(
                new StringReader("code,name,materials,validity_months\nX-1,a,身份证,0\nX-2,b,身份证,三年\n")));
        assertEquals(2, error.errors().size());
        assertTrue(error.errors().get(0).message().contains("证照有效期应在1到600个月之间"), error.getMessage());
        assertTrue(error.errors().get(1).message().contains("不是整数"), error.getMessage());
    }

    @Test
    void acceptsChineseTimeClassAndByteOrderMark() throws Exception {
        List<Matter> matters = CatalogueCsv.read(new StringReader("\uFEFF" + HEADER
                + "X-1,测试事项,,,当场办结,,,否,,\n"));
        assertEquals(TimeClass.ON_THE_SPOT, matters.get(0).timeClass());
    }

    @Test
    void rejectsWholeFileWithLineNumbers() {
        String file = HEADER
                + "X-1,好的事项,,,,,,,,\n"
                + "X-2,,,,,,,,,\n"                          // line 3: empty name
                + "X-3,坏时限,,,promised,5,9,,,\n"            // line 4: promised beyond legal
                + "X-1,重复编码,,,,,,,,\n"                    // line 5: duplicate code
                + "X-5,坏标记,,,,,,,材料[随便],\n"             // line 6: unknown flag
                + "X-6,坏代办,,,,,,也许,,\n";                  // line 7: bad boolean
        CatalogueImportException error = assertThrows(CatalogueImportException.class,
                () -> CatalogueCsv.read(new StringReader(file)));
        assertEquals("invalid_catalogue_file", error.code());
        List<Long> lines = error.errors().stream().map(CatalogueImportException.LineError::line).toList();
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), lines);
        assertTrue(error.errors().get(0).toString().startsWith("第3行："), error.errors().get(0).toString());
        assertTrue(error.getMessage().contains("整个文件未导入"));
    }

    @Test
    void rejectsUnknownAndMissingColumns() {
        CatalogueImportException error = assertThrows(CatalogueImportException.class,
                () -> CatalogueCsv.read(new StringReader("code,名称\nX-1,a\n")));
        assertTrue(error.errors().stream().allMatch(e -> e.line() == 1));
        assertTrue(error.errors().stream().anyMatch(e -> e.message().contains("名称")));
        assertTrue(error.errors().stream().anyMatch(e -> e.message().contains("缺少必需的列“name”")));
    }

    @Test
    void rejectsEmptyFileAndHeaderOnly() {
        assertThrows(CatalogueImportException.class, () -> CatalogueCsv.read(new StringReader("")));
        assertThrows(CatalogueImportException.class, () -> CatalogueCsv.read(new StringReader(HEADER)));
    }

    @Test
    void rejectsBrokenQuoting() {
        assertThrows(CatalogueImportException.class,
                () -> CatalogueCsv.read(new StringReader(HEADER + "X-1,\"未闭合,,,,,,,,\n")));
    }
}
