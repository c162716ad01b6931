package cn.siyiban.core.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.siyiban.core.error.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"𠮷𬌗明", "王𪚥", "阿依古丽·吐尔逊", "Maria Lopez-Garcia", "张三"})
    void keepsNamesExactly(String name) {
        assertEquals(name, PersonName.normalize(name, "name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "张三<script>", "李四1", "王\u0000五", "😀", "a'; DROP TABLE sy_case;--"})
    void rejectsNonNames(String name) {
        DomainException error = assertThrows(DomainException.class, () -> PersonName.normalize(name, "name"));
        assertEquals("invalid_name", error.code());
    }

    @org.junit.jupiter.api.Test
    void countsCodePointsNotCodeUnits() {
        String fiftyRare = "𠮷".repeat(PersonName.MAX_CODE_POINTS);
        assertEquals(fiftyRare, PersonName.normalize(fiftyRare, "name"));
        assertThrows(DomainException.class, () -> PersonName.normalize(fiftyRare + "𠮷", "name"));
    }
}
