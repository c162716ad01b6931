package cn.siyiban.central.staff;

import cn.siyiban.core.catalogue.CatalogueStore;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.network.PointLevel;
import cn.siyiban.core.network.PointStore;
import cn.siyiban.core.network.ServicePoint;
import cn.siyiban.core.staff.Role;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The checks of an account's point and departments against its role, shared by creating an
 * account and by changing its role and point. Each check puts its Chinese message under the
 * request field in {@code errors}.
 */
final class StaffChecks {

    private final PointStore points;
    private final CatalogueStore catalogue;

    StaffChecks(PointStore points, CatalogueStore catalogue) {
        this.points = points;
        this.catalogue = catalogue;
    }

    String point(Map<String, Object> errors, Role role, String pointCode) {
        String code = pointCode == null || pointCode.isBlank() ? null : pointCode.strip();
        if (role == Role.REVIEWER || role == Role.COUNTY_ADMIN) {
            if (code != null) {
                errors.put("pointCode", role.label() + "不属于任何网点，请不要填写网点");
            }
            return null;
        }
        if (code == null) {
            errors.put("pointCode", role.label() + "必须选择所属网点");
            return null;
        }
        ServicePoint point = points.find(code).orElse(null);
        if (point == null) {
            errors.put("pointCode", "找不到网点 " + code);
            return null;
        }
        Set<PointLevel> allowed = switch (role) {
            case VILLAGE_CLERK -> Set.of(PointLevel.VILLAGE);
            case TOWNSHIP_CLERK -> Set.of(PointLevel.TOWNSHIP);
            default -> Set.of(PointLevel.VILLAGE, PointLevel.TOWNSHIP);
        };
        if (!allowed.contains(point.level())) {
            errors.put("pointCode", role.label() + "不能属于" + point.level().label() + "“" + point.name() + "”");
            return null;
        }
        return code;
    }

    /** Checks a reviewer's departments against the departments named in the catalogue. */
    String department(Map<String, Object> errors, Role role, String text) {
        if (role != Role.REVIEWER) {
            if (text != null && !text.isBlank()) {
                errors.put("department", "只有部门审核人员需要填写部门");
            }
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : (text == null ? "" : text).split("[,，]")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        if (names.isEmpty()) {
            errors.put("department", "部门审核人员至少要有一个部门");
            return null;
        }
        Set<String> known = new LinkedHashSet<>();
        catalogue.all().stream().map(Matter::department).filter(Objects::nonNull).forEach(known::add);
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            errors.put("department", "事项目录中没有部门：" + String.join("、", unknown));
            return null;
        }
        String joined = String.join(",", names);
        if (joined.length() > 500) {
            errors.put("department", "部门过多：最多500字");
            return null;
        }
        return joined;
    }

    static void reject(Map<String, Object> errors) {
        if (!errors.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid_staff",
                    "账号有" + errors.size() + "处错误：" + errors.values().iterator().next(), errors);
        }
    }
}
