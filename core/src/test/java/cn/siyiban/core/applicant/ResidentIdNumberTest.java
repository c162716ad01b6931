package cn.siyiban.core.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.error.DomainException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void acceptsStandardExampleWithCheckX() {
        // The worked example of GB 11643-1999, whose check character is X.
        assertEquals("11010519491231002X", ResidentIdNumber.normalize("11010519491231002X", TODAY));
    }

    @Test
    void storesLowerCaseXUpperCase() {
        assertEquals("11010519491231002X", ResidentIdNumber.normalize(" 11010519491231002x ", TODAY));
    }

    @Test
    void computesCheckDigitOfDigitNumber() {
        // Weighted sum 241, 241 mod 11 = 10, and position 10 of "10X98765432" is '2'.
        assertEquals('2', ResidentIdNumber.checkCharacter("32132319900307123"));
        assertEquals("321323199003071232", ResidentIdNumber.normalize("321323199003071232", TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "110105194912310021",   // wrong check digit
        "11010519491231002",    // 17 characters
        "1101051949123100211",  // 19 characters
        "11010519490231002X",   // 31 February does not exist
        "11010520991231002X",   // born in the future
        "11010518891231002X",   // born before 1900
        "1101051949123100AX",   // letter inside the digits
        "",
        "   "
    })
    void rejectsInvalidNumbers(String number) {
        DomainException error = assertThrows(DomainException.class, () -> ResidentIdNumber.normalize(number, TODAY));
        assertEquals("invalid_id_number", error.code());
        assertTrue(error.getMessage().contains("身份证"), error.getMessage());
    }

    @Test
    void masksMiddleDigits() {
        assertEquals("110105********002X", ResidentIdNumber.mask("11010519491231002X"));
    }
}
