package cn.siyiban.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.siyiban.central.sync.RegistrationGate;
import cn.siyiban.central.sync.RegistrationTokenStore;
import cn.siyiban.central.sync.TokenPurpose;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registration gate with central's real SymmetricDS engine and database. */
class RegistrationGateTest {

    @Test
    void failedOpeningKeepsTokenUsable() throws Exception {
        try (TestCentral central = TestCentral.start()) {
            RegistrationTokenStore tokens = new RegistrationTokenStore(central.app.database());
            String token = tokens.issue(TestCentral.VILLAGE, "village", TokenPurpose.REGISTER, "admin",
                    LocalDateTime.now());
            RegistrationGate gate = central.app.sync().gate();
            // A constraint that rejects the village's node row makes SymmetricDS fail to open the
            // registration after the gate has marked the token used.
            execute(central, "ALTER TABLE sym_node ADD CONSTRAINT test_rejects_village CHECK (external_id <> '"
                    + TestCentral.VILLAGE + "')");

            assertThrows(RuntimeException.class, () -> gate.admit(TestCentral.VILLAGE, "village", token, "127.0.0.1"));
            assertNull(tokens.find(token).orElseThrow().usedAt());

            execute(central, "ALTER TABLE sym_node DROP CONSTRAINT test_rejects_village");
            assertEquals(Optional.empty(), gate.admit(TestCentral.VILLAGE, "village", token, "127.0.0.1"));
            assertNotNull(tokens.find(token).orElseThrow().usedAt());
        }
    }

    private static void execute(TestCentral central, String sql) throws SQLException {
        try (Connection connection = central.app.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
