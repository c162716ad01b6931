package cn.siyiban.core.catalogue;

import java.util.List;

/**
 * A matter (事项) of the county catalogue: what a citizen can apply for, who decides it and
 * how fast.
 *
 * @param timeClass empty where the county has not published one; the receipt then names no date
 * @param legalDays working days the law allows, where known
 * @param promisedDays working days the county promises for a {@link TimeClass#PROMISED} matter
 * @param proxyAllowed whether a clerk may carry the case for the citizen (帮办代办)
 * @param revision catalogue version in which this matter last changed
 * @param validityMonths months a certificate issued for the matter stays valid, null where it
 *                       does not expire
 */
public record Matter(String code, String name, String category, String department,
                     TimeClass timeClass, Integer legalDays, Integer promisedDays,
                     boolean proxyAllowed, List<Material> materials, String source,
                     boolean retired, int revision, Integer validityMonths) {

    public Matter {
        materials = List.copyOf(materials);
    }

    /** Builds a matter whose certificates do not expire. */
    public Matter(String code, String name, String category, String department, TimeClass timeClass,
                  Integer legalDays, Integer promisedDays, boolean proxyAllowed, List<Material> materials,
                  String source, boolean retired, int revision) {
        this(code, name, category, department, timeClass, legalDays, promisedDays, proxyAllowed, materials,
                source, retired, revision, null);
    }

    public Matter withRevision(int newRevision) {
        return new Matter(code, name, category, department, timeClass, legalDays, promisedDays,
                proxyAllowed, materials, source, retired, newRevision, validityMonths);
    }

    /** Returns a retired copy that keeps every other field. */
    public Matter asRetired() {
        return new Matter(code, name, category, department, timeClass, legalDays, promisedDays,
                proxyAllowed, materials, source, true, revision, validityMonths);
    }
}
