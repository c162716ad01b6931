package cn.siyiban.core.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.siyiban.core.staff.PasswordHasher;
import org.junit.jupiter.api.Test;

/**
 * The fixed hash that every demo server gives its demo accounts. It runs in central's tests
 * because BCrypt needs commons-logging, which core's test class path lacks.
 */
class DemoAccountsTest {

    @Test
    void fixedHashMatchesDemoPassword() {
        assertTrue(PasswordHasher.matches(DemoAccounts.PASSWORD, DemoAccounts.PASSWORD_HASH));
    }
}
