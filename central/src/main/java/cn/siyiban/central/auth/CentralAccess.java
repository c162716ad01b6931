package cn.siyiban.central.auth;

import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Role;
import cn.siyiban.core.staff.Staff;
import java.util.Arrays;
import java.util.List;

/** Access rules at central: county admins manage the network, reviewers see their departments' cases. */
public final class CentralAccess {

    private CentralAccess() {
    }

    public static void requireAdmin(Staff staff) {
        if (staff.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden",
                    "只有县级管理员可以使用此功能，当前账号为" + staff.role().label());
        }
    }

    /**
     * Returns the departments whose cases {@code staff} may read: null for a county admin, who may
     * read every case, and the reviewer's own departments for a reviewer. Other roles are rejected.
     */
    public static List<String> reviewDepartments(Staff staff) {
        if (staff.role() == Role.COUNTY_ADMIN) {
            return null;
        }
        if (staff.role() != Role.REVIEWER) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden",
                    "只有部门审核人员和县级管理员可以使用审批工作台，当前账号为" + staff.role().label());
        }
        if (staff.department() == null) {
            return List.of();
        }
        return Arrays.stream(staff.department().split("[,，]"))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
    }

    /** Rejects {@code staff} unless they may see a case of {@code department}. */
    public static void requireCaseVisible(Staff staff, String department) {
        List<String> departments = reviewDepartments(staff);
        if (departments != null && !staff.reviewsFor(department)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden",
                    "只有“" + department + "”的审核人员可以查看此办件");
        }
    }
}
