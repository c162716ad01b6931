package cn.siyiban.node.auth;

import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;

/** Access rules: the cases a staff member may see and change on this node. */
public final class Access {

    private Access() {
    }

    /**
     * Returns the point whose cases {@code staff} is limited to, or null for no limit. A village
     * clerk sees only the cases taken in at their own point; other roles see every case this node
     * holds.
     */
    public static String casePointLimit(Staff staff) {
        return staff.role() == Role.VILLAGE_CLERK ? staff.pointCode() : null;
    }

    /**
     * Rejects staff whose role handles no cases at a service point, such as a technician, so
     * that they never see an applicant's personal data.
     */
    public static void requireCaseAccess(Staff staff) {
        if (!staff.role().takesIntake()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden",
                    "当前账号为" + staff.role().label() + "，不能查看办件和申请人信息");
        }
    }

    public static void requireCaseVisible(Staff staff, String caseOriginPoint) {
        requireCaseAccess(staff);
        String limit = casePointLimit(staff);
        if (limit != null && !limit.equals(caseOriginPoint)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", "您只能查看本服务点受理的办件");
        }
    }

    public static void requireIntake(Staff staff) {
        if (!staff.role().takesIntake()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden",
                    "只有代办员和窗口人员可以受理和送达办件，当前账号为" + staff.role().label());
        }
    }
}
