package cn.siyiban.central.catalogue;

import cn.siyiban.core.catalogue.Material;
import cn.siyiban.core.catalogue.MaterialListSyntax;
import cn.siyiban.core.catalogue.Matter;
import cn.siyiban.core.catalogue.TimeClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What publishing a list of matters would change, as the import preview shows it before the
 * admin confirms. It compares the same way as {@code CatalogueStore.publish}: a matter counts as
 * changed when any field other than its revision differs.
 *
 * @param added matters new to the catalogue, or retired ones that the list brings back
 * @param changed matters whose content differs, with the fields that differ
 * @param retired active matters that the list leaves out and publishing would retire
 * @param unchanged number of matters the list leaves as they are
 */
public record CatalogueDiff(List<Entry> added, List<Entry> changed, List<Entry> retired, int unchanged) {

    /**
     * One matter of the preview.
     *
     * @param fields the names of the fields that differ, empty for added and retired matters
     * @param changes each field that differs with its value before and after, in the order of
     *                {@code fields}; empty for added and retired matters
     */
    public record Entry(String code, String name, List<String> fields, List<Change> changes) {
    }

    /**
     * One field of a changed matter, with both values as the page shows them. Text stays as it
     * is, yes and no become 是 and 否, a time class its Chinese label, and materials the notation
     * of the catalogue file. A value the matter lacks is null.
     */
    public record Change(String field, String before, String after) {
    }

    /** Returns whether publishing would change nothing. */
    public boolean empty() {
        return added.isEmpty() && changed.isEmpty() && retired.isEmpty();
    }

    /**
     * Compares {@code current}, every matter in the database including retired ones, with the
     * list to publish.
     */
    public static CatalogueDiff of(List<Matter> current, List<Matter> published) {
        Map<String, Matter> remaining = new LinkedHashMap<>();
        current.forEach(matter -> remaining.put(matter.code(), matter));
        List<Entry> added = new ArrayList<>();
        List<Entry> changed = new ArrayList<>();
        int unchanged = 0;
        for (Matter matter : published) {
            Matter old = remaining.remove(matter.code());
            if (old == null || (old.retired() && !matter.retired())) {
                added.add(new Entry(matter.code(), matter.name(), List.of(), List.of()));
                continue;
            }
            List<Change> changes = differences(old, matter);
            if (changes.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new Entry(matter.code(), matter.name(), changes.stream().map(Change::field).toList(),
                        changes));
            }
        }
        List<Entry> retired = new ArrayList<>();
        for (Matter gone : remaining.values()) {
            if (!gone.retired()) {
                retired.add(new Entry(gone.code(), gone.name(), List.of(), List.of()));
            }
        }
        return new CatalogueDiff(added, changed, retired, unchanged);
    }

    /**
     * Returns the fields that differ, labelled in Chinese, in the order the page shows them.
     * Fields are compared as values, so a difference that the display hides (such as a material
     * id) still counts.
     */
    static List<Change> differences(Matter old, Matter fresh) {
        List<Change> changes = new ArrayList<>();
        compare(changes, "事项名称", old.name(), fresh.name());
        compare(changes, "事项类别", old.category(), fresh.category());
        compare(changes, "实施部门", old.department(), fresh.department());
        compare(changes, "时限类型", old.timeClass(), fresh.timeClass());
        compare(changes, "法定时限", old.legalDays(), fresh.legalDays());
        compare(changes, "承诺时限", old.promisedDays(), fresh.promisedDays());
        compare(changes, "是否可代办", old.proxyAllowed(), fresh.proxyAllowed());
        compare(changes, "材料清单", old.materials(), fresh.materials());
        compare(changes, "来源", old.source(), fresh.source());
        compare(changes, "证照有效期（月）", old.validityMonths(), fresh.validityMonths());
        compare(changes, "停用", old.retired(), fresh.retired());
        return changes;
    }

    private static void compare(List<Change> changes, String label, Object old, Object fresh) {
        if (!Objects.equals(old, fresh)) {
            changes.add(new Change(label, display(old), display(fresh)));
        }
    }

    private static String display(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean flag) {
            return flag ? "是" : "否";
        }
        if (value instanceof TimeClass timeClass) {
            return timeClass.label();
        }
        if (value instanceof List<?> list) {
            List<Material> materials = list.stream().map(Material.class::cast).toList();
            return MaterialListSyntax.format(materials);
        }
        return value.toString();
    }
}
