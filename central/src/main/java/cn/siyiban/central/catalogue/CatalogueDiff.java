package cn.siyiban.central.catalogue;

import cn.siyiban.core.catalogue.Matter;
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
     */
    public record Entry(String code, String name, List<String> fields) {
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
                added.add(new Entry(matter.code(), matter.name(), List.of()));
                continue;
            }
            List<String> fields = differences(old, matter);
            if (fields.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new Entry(matter.code(), matter.name(), fields));
            }
        }
        List<Entry> retired = new ArrayList<>();
        for (Matter gone : remaining.values()) {
            if (!gone.retired()) {
                retired.add(new Entry(gone.code(), gone.name(), List.of()));
            }
        }
        return new CatalogueDiff(added, changed, retired, unchanged);
    }

    /** Returns the Chinese labels of the fields that differ, in the order the page shows them. */
    static List<String> differences(Matter old, Matter fresh) {
        List<String> fields = new ArrayList<>();
        compare(fields, "事项名称", old.name(), fresh.name());
        compare(fields, "事项类别", old.category(), fresh.category());
        compare(fields, "实施部门", old.department(), fresh.department());
        compare(fields, "时限类型", old.timeClass(), fresh.timeClass());
        compare(fields, "法定时限", old.legalDays(), fresh.legalDays());
        compare(fields, "承诺时限", old.promisedDays(), fresh.promisedDays());
        compare(fields, "是否可代办", old.proxyAllowed(), fresh.proxyAllowed());
        compare(fields, "材料清单", old.materials(), fresh.materials());
        compare(fields, "来源", old.source(), fresh.source());
        compare(fields, "停用", old.retired(), fresh.retired());
        return fields;
    }

    private static void compare(List<String> fields, String label, Object old, Object fresh) {
        if (!Objects.equals(old, fresh)) {
            fields.add(label);
        }
    }
}
