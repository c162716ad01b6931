package cn.siyiban.central;

import cn.siyiban.central.settings.CentralSettings;
import cn.siyiban.central.settings.DatabaseSettings;
import cn.siyiban.core.applicant.ResidentIdNumber;
import cn.siyiban.core.calendar.CalendarStore;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.cases.IntakeRequest;
import cn.siyiban.core.cases.IntakeService;
import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.reminders.ReminderSettings;
import cn.siyiban.core.seed.DemoAccounts;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.testing.PostgresServer;
import cn.siyiban.core.time.CountyClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A demo central on a free port of 127.0.0.1 with a running SymmetricDS engine and its own
 * database: Derby in a temporary folder, or a new database of the JVM's shared PostgreSQL server
 * when {@link PostgresServer#selected()}. Starting one takes a few seconds, so each test class
 * shares one. A class registers {@link #perClass()} on a static field with
 * {@code @RegisterExtension}, and JUnit starts the central before the class's {@code @BeforeAll}
 * methods and stops it after its {@code @AfterAll} methods.
 */
final class TestCentral implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** 北爱园居委会, the demo village whose cases the tests put into central. */
    static final String VILLAGE = "321323101001";

    /** The running central, null until it has started. */
    CentralApp app;
    String baseUrl;

    private TestCentral() {
    }

    /** Returns a central with the default settings that starts and stops with the test class. */
    static TestCentral perClass() {
        return new TestCentral();
    }

    /** Starts a central with the default settings. The caller closes it. */
    static TestCentral start() {
        return start(ReminderSettings.defaults());
    }

    /** Starts a central that sends reminders with the {@code reminders} settings. The caller closes it. */
    static TestCentral start(ReminderSettings reminders) {
        TestCentral central = new TestCentral();
        central.launch(reminders);
        return central;
    }

    private void launch(ReminderSettings reminders) {
        try {
            Path dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "central-test-");
            CentralSettings settings = CentralSettings.demo(dir).withReminders(reminders);
            if (PostgresServer.selected()) {
                PostgresServer server = PostgresServer.shared();
                settings = settings.withDatabase(DatabaseSettings.postgresql(server.createDatabase("central"),
                        PostgresServer.USER, server.password()));
            }
            CentralApp started = CentralApp.create(settings);
            started.start();
            app = started;
            baseUrl = "http://127.0.0.1:" + started.port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        launch(ReminderSettings.defaults());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    ApiClient client() {
        return new ApiClient(baseUrl);
    }

    /** Returns a client logged in as {@code username} with the demo password. */
    ApiClient loggedIn(String username) {
        ApiClient client = client();
        ApiClient.Response response = client.login(username, DemoAccounts.PASSWORD);
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.body());
        }
        return client;
    }

    /** Creates an account through the staff API as {@code admin}; fails the test unless it is created. */
    static void createStaff(ApiClient admin, String username, String role, String point, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", "测试" + username);
        body.put("role", role);
        body.put("pointCode", point);
        body.put("password", password);
        ApiClient.Response created = admin.post("/api/staff", body);
        if (created.status() != 201) {
            throw new IllegalStateException("creating " + username + " failed: " + created.body());
        }
    }

    /**
     * Takes in a case of 最低生活保障申请 (县民政局) at the demo village directly in central's
     * database, as if the village node had taken it in and SymmetricDS had pushed it here.
     * Returns the case number.
     */
    String villageCase(String applicantName) {
        return villageCase(applicantName, "32132319800101123",
                List.of(new IntakeRequest.MaterialInput("SYM-023-M01", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M02", "received"),
                        new IntakeRequest.MaterialInput("SYM-023-M06", "received")));
    }

    /**
     * Takes in a case of 最低生活保障申请 like {@link #villageCase(String)}, for the applicant whose
     * resident ID number starts with {@code first17} and with the given materials.
     */
    String villageCase(String applicantName, String first17, List<IntakeRequest.MaterialInput> materials) {
        CountyClock clock = CountyClock.system();
        CaseStore cases = new CaseStore(app.database());
        IntakeService intake = new IntakeService(cases, new CatalogueStore(app.database()),
                new CalendarStore(app.database()), clock, VILLAGE);
        IntakeRequest request = new IntakeRequest("SYM-023",
                new IntakeRequest.ApplicantInput(applicantName, "resident_id",
                        first17 + ResidentIdNumber.checkCharacter(first17), "13905271234", "泗阳县爱园镇北爱园居委会"),
                materials, false, null);
        var clerk = new StaffStore(app.database()).findByUsername("clerk").orElseThrow();
        return intake.takeIn(request, clerk).record().caseNo();
    }

    /**
     * Inserts a rating row rated on 4 December 2026, as SymmetricDS does when it loads a batch
     * that a point pushed. A rating of level 1 or 2 opens a rectification item by trigger.
     */
    static void insertRating(Connection connection, String id, String point, String caseNo, String clerk,
                             int overall, boolean realName) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sy_rating (id, origin_point, "
                + "case_no, clerk, overall, real_name, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, point);
            insert.setString(3, caseNo);
            insert.setString(4, clerk);
            insert.setInt(5, overall);
            insert.setBoolean(6, realName);
            insert.setTimestamp(7, Timestamp.valueOf(LocalDateTime.of(2026, 12, 4, 10, 0)));
            insert.executeUpdate();
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
