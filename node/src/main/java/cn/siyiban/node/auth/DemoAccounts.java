package cn.siyiban.node.auth;

import cn.siyiban.core.network.Network;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.staff.PasswordHasher;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.time.CountyClock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the demo accounts of a node started with {@code demo=true}, each with the published
 * password {@value #PASSWORD}. A normal install creates no account at all: central sends the real
 * ones.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "siyiban-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private DemoAccounts() {
    }

    /** Inserts each demo account whose user name is not taken yet. */
    public static void createIfAbsent(StaffStore staffStore, String nodePoint, CountyClock clock) {
        ServicePoint point = Network.shipped().find(nodePoint)
                .orElseThrow(() -> new IllegalArgumentException("unknown point " + nodePoint));
        String township = point.level() == PointLevel.VILLAGE ? point.parentCode() : point.code();
        List<Staff> accounts = List.of(
                account("clerk", "演示代办员", Role.VILLAGE_CLERK, nodePoint, null),
                account("clerk2", "演示窗口人员", Role.TOWNSHIP_CLERK, township, null),
                account("reviewer", "演示审核人员", Role.REVIEWER, null, "县民政局"),
                account("admin", "演示管理员", Role.COUNTY_ADMIN, null, null));
        String hash = PasswordHasher.hash(PASSWORD);
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
        return new Staff(UUID.randomUUID().toString(), username, name, role, point, department, null, true);
    }
}
