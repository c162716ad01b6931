package cn.siyiban.core.seed;

import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo accounts, each with the published password {@value #PASSWORD}. Only a server started
 * in demo mode creates them; a normal install has no account with a known password.
 *
 * <p>Each account's id is derived from its user name, so the copy central creates and the copy a
 * standalone demo node creates are the same row, and sync replaces one with the other instead of
 * failing on the unique user name.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "siyiban-demo";
    /**
     * One BCrypt hash of {@link #PASSWORD}, the same in every demo server. The copy of an
     * account that a demo node creates and the copy central later sends it then carry the same
     * hash, so the sync does not count as a password change, which would end the account's
     * sessions (see SessionGuard).
     */
    static final String PASSWORD_HASH = "$2a$10$W9EnNfbfGBkLDxuhPSPZYu7HmkIXeOsGH/KAFjGdsjYcOSMGcLPI2";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private DemoAccounts() {
    }

    /** Returns the village clerk {@code clerk} of the demo village. */
    public static Staff villageClerk(String villagePoint) {
        return account("clerk", "演示代办员", Role.VILLAGE_CLERK, villagePoint, null);
    }

    /** Returns the township clerk {@code clerk2} of the demo township. */
    public static Staff townshipClerk(String townshipPoint) {
        return account("clerk2", "演示窗口人员", Role.TOWNSHIP_CLERK, townshipPoint, null);
    }

    /** Returns the reviewer {@code reviewer}, who decides for every department given. */
    public static Staff reviewer(List<String> departments) {
        return account("reviewer", "演示审核人员", Role.REVIEWER, null, String.join(",", departments));
    }

    /** Returns the county administrator {@code admin}. */
    public static Staff admin() {
        return account("admin", "演示管理员", Role.COUNTY_ADMIN, null, null);
    }

    /** Inserts each account whose user name is not taken yet, with the demo password. */
    public static void createIfAbsent(StaffStore staffStore, List<Staff> accounts, CountyClock clock) {
        String hash = PASSWORD_HASH;
        for (Staff staff : accounts) {
            if (staffStore.findByUsername(staff.username()).isEmpty()) {
                staffStore.insert(new Staff(staff.id(), staff.username(), staff.displayName(), staff.role(),
                        staff.pointCode(), staff.department(), hash, true), clock.now());
                log.warn("Demo mode: created account {} ({}) with the published demo password",
                        staff.username(), staff.role().code());
            }
        }
    }

    private static Staff account(String username, String name, Role role, String point, String department) {
        UUID id = UUID.nameUUIDFromBytes(("siyiban-demo-account:" + username).getBytes(StandardCharsets.UTF_8));
        return new Staff(id.toString(), username, name, role, point, department, null, true);
    }
}
