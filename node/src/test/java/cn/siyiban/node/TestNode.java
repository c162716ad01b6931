package cn.siyiban.node;

import cn.siyiban.core.applicant.ResidentIdNumber;
import cn.siyiban.core.network.Network;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import java.util.List;
import cn.siyiban.node.settings.NodeSettings;
import cn.siyiban.node.settings.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A demo node on a free port of 127.0.0.1 with its own Derby database in a temporary folder.
 * Each test class shares one node, because starting one creates a database and a web server.
 * A class registers {@link #perClass()} on a static field with {@code @RegisterExtension}, and
 * JUnit starts the node before the class's {@code @BeforeAll} methods and stops it after its
 * {@code @AfterAll} methods.
 */
final class TestNode implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** The running node, null until it has started. */
    NodeApp app;
    String baseUrl;

    private TestNode() {
    }

    /** Returns a node that starts and stops with the test class. */
    static TestNode perClass() {
        return new TestNode();
    }

    private void launch() {
        try {
            Path dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "node-test-");
            NodeApp app = NodeApp.create(NodeSettings.demo(dir, SettingsLoader.DEMO_POINT_CODE));
            // The demo node creates only its own clerk; the tests also log in with other roles.
            String township = Network.shipped().find(SettingsLoader.DEMO_POINT_CODE).orElseThrow().parentCode();
            DemoAccounts.createIfAbsent(new StaffStore(app.database()), List.of(DemoAccounts.townshipClerk(township),
                    DemoAccounts.reviewer(List.of("县民政局")), DemoAccounts.admin()), CountyClock.system());
            app.start();
            this.app = app;
            this.baseUrl = "http://127.0.0.1:" + app.port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        launch();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    ApiClient client() {
        return new ApiClient(baseUrl);
    }

    /** Completes 17 digits with their GB 11643 check character. */
    static String residentId(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** Runs {@code sql}, a count with one string parameter, against the node's database. */
    int count(String sql, String value) {
        return app.database().query(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, value);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
