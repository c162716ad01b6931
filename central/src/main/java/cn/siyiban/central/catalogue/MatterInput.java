package cn.siyiban.central.catalogue;

import cn.siyiban.core.catalogue.Material;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.catalogue.TimeClass;
import cn.siyiban.core.error.DomainException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A matter as the catalogue page sends it for create and edit. {@link #toMatter} applies the
 * rules of the CSV import, so a matter typed in the page and one imported from the spreadsheet
 * pass the same checks.
 *
 * @param timeClass a {@link TimeClass} code, or blank for none
 * @param materials in the order the clerk checks them; positions and ids follow from that order
 * @param validityMonths months a certificate of the matter stays valid, or null where it never expires
 */
public record MatterInput(String code, String name, String category, String department, String timeClass,
                          Integer legalDays, Integer promisedDays, boolean proxyAllowed,
                          List<MaterialInput> materials, String source, Integer validityMonths) {

    /** One material of the list, in order. */
    public record MaterialInput(String name, boolean required, boolean key, boolean commitmentAllowed) {
    }

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_DAYS = 3650;
    private static final int MAX_MATERIALS = 100;
    /** Same limit as the CSV import's validity_months column: 50 years. */
    private static final int MAX_VALIDITY_MONTHS = 600;

    /**
     * Checks every field and returns the matter at revision 0. Throws a {@link DomainException}
     * with code {@code invalid_matter} whose details map each bad field to its problem.
     */
    public Matter toMatter() {
        Map<String, Object> errors = new LinkedHashMap<>();
        String cleanCode = strip(code);
        if (cleanCode == null || !CODE.matcher(cleanCode).matches()) {
            errors.put("code", "事项编码应为1到32位字母、数字、短横线或下划线");
        }
        String cleanName = limited(errors, "name", name, "事项名称", 200, true);
        String cleanCategory = limited(errors, "category", category, "事项类别", 50, false);
        String cleanDepartment = limited(errors, "department", department, "实施部门", 100, false);
        String cleanSource = limited(errors, "source", source, "来源", 2000, false);
        TimeClass time = null;
        if (strip(timeClass) != null) {
            time = TimeClass.fromCode(strip(timeClass)).orElse(null);
            if (time == null) {
                errors.put("timeClass", "时限类型应为on_the_spot、wait_and_take、half_day或promised");
            }
        }
        checkDays(errors, "legalDays", legalDays, "法定时限");
        checkDays(errors, "promisedDays", promisedDays, "承诺时限");
        if (strip(timeClass) == null && (legalDays != null || promisedDays != null)) {
            errors.put("timeClass", "填写了办理时限，但时限类型为空：请选择承诺件");
        }
        if (time != null && time != TimeClass.PROMISED && promisedDays != null) {
            errors.put("promisedDays", "时限类型为" + time.label() + "的事项不应填写承诺工作日");
        }
        if (legalDays != null && promisedDays != null && promisedDays > legalDays) {
            errors.put("promisedDays", "承诺时限" + promisedDays + "个工作日超过法定时限" + legalDays + "个工作日");
        }
        if (validityMonths != null && (validityMonths < 1 || validityMonths > MAX_VALIDITY_MONTHS)) {
            errors.put("validityMonths", "证照有效期应在1到" + MAX_VALIDITY_MONTHS + "个月之间，当前为" + validityMonths);
        }
        List<Material> list = materials(errors, cleanCode == null ? "" : cleanCode);
        if (!errors.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid_matter",
                    "事项有" + errors.size() + "处错误：" + errors.values().iterator().next(), errors);
        }
        return new Matter(cleanCode, cleanName, cleanCategory, cleanDepartment, time, legalDays, promisedDays,
                proxyAllowed, list, cleanSource, false, 0, validityMonths);
    }

    private List<Material> materials(Map<String, Object> errors, String matterCode) {
        List<Material> list = new ArrayList<>();
        List<MaterialInput> given = materials == null ? List.of() : materials;
        if (given.size() > MAX_MATERIALS) {
            errors.put("materials", "材料最多" + MAX_MATERIALS + "项");
            return list;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            MaterialInput material = given.get(i);
            String field = "materials[" + i + "]";
            String materialName = material == null ? null : strip(material.name());
            if (materialName == null) {
                errors.put(field, "第" + (i + 1) + "项材料名称不能为空");
                continue;
            }
            if (materialName.length() > 200) {
                errors.put(field, "第" + (i + 1) + "项材料名称过长：最多200字");
                continue;
            }
            if (!names.add(materialName)) {
                errors.put(field, "材料“" + materialName + "”重复出现");
                continue;
            }
            int position = i + 1;
            list.add(new Material(Material.idFor(matterCode, position), position, materialName, material.required(),
                    material.key(), material.commitmentAllowed()));
        }
        return list;
    }

    private static void checkDays(Map<String, Object> errors, String field, Integer days, String label) {
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            errors.put(field, label + "应在1到" + MAX_DAYS + "个工作日之间，当前为" + days);
        }
    }

    private static String limited(Map<String, Object> errors, String field, String value, String label, int max,
                                  boolean required) {
        String clean = strip(value);
        if (clean == null) {
            if (required) {
                errors.put(field, label + "不能为空");
            }
            return null;
        }
        if (clean.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.put(field, label + "含有控制字符");
            return null;
        }
        if (clean.length() > max) {
            errors.put(field, label + "过长：最多" + max + "字");
            return null;
        }
        return clean;
    }

    private static String strip(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }
}
