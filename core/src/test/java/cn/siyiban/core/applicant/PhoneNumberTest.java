package cn.siyiban.core.applicant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.siyiban.core.error.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @Test
    void normalizesMobileAndLandline() {
        assertEquals("13912345678", PhoneNumber.normalize("139 1234 5678"));
        assertEquals("13912345678", PhoneNumber.normalize("+8613912345678"));
        assertEquals("052785212345", PhoneNumber.normalize("0527-85212345"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345678901", "1391234567", "139123456789", "abc", "0527-123"})
    void rejectsMalformedNumbers(String phone) {
        assertEquals("invalid_phone", assertThrows(DomainException.class, () -> PhoneNumber.normalize(phone)).code());
    }

    @Test
    void masksMiddleDigits() {
        assertEquals("139****5678", PhoneNumber.mask("13912345678"));
    }
}
