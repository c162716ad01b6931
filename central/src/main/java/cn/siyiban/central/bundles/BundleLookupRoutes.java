package cn.siyiban.central.bundles;

import cn.siyiban.central.auth.CentralAccess;
import cn.siyiban.core.bundles.BundleReader;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.web.BundleView;
import cn.siyiban.core.web.PointNames;
import cn.siyiban.core.web.SessionGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;

/**
 * A bundle's status and linked cases at central: {@code GET /api/bundle-submissions/{bundleNo}}
 * and {@code GET /api/cases/{caseNo}/bundle}. A county admin sees every bundle; a reviewer sees a
 * bundle when one of its cases belongs to their departments.
 */
public final class BundleLookupRoutes {

    private final BundleReader reader;
    private final CaseStore cases;
    private final StaffStore staffStore;
    private final PointNames pointNames;

    public BundleLookupRoutes(BundleReader reader, CaseStore cases, StaffStore staffStore, PointNames pointNames) {
        this.reader = reader;
        this.cases = cases;
        this.staffStore = staffStore;
        this.pointNames = pointNames;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/bundle-submissions/{bundleNo}", this::show);
        routes.get("/api/cases/{caseNo}/bundle", this::ofCase);
    }

    private void show(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        String bundleNo = ctx.pathParam("bundleNo");
        BundleReader.LoadedBundle loaded = reader.byNumber(bundleNo).orElseThrow(() ->
                DomainException.notFound("bundle_submission_not_found", "未找到一件事办件" + bundleNo));
        requireVisible(staff, loaded.cases());
        ctx.json(view(loaded));
    }

    /** Returns {@code {"bundle": ...}}, with null when the case was taken in on its own. */
    private void ofCase(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        String caseNo = ctx.pathParam("caseNo");
        CaseRecord record = cases.require(caseNo);
        CentralAccess.requireCaseVisible(staff, record.department());
        ctx.json(Collections.singletonMap("bundle", reader.byCase(record).map(this::view).orElse(null)));
    }

    private static void requireVisible(Staff staff, List<CaseRecord> linked) {
        List<String> departments = CentralAccess.reviewDepartments(staff);
        if (departments != null && linked.stream().noneMatch(record -> staff.reviewsFor(record.department()))) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden",
                    "该一件事没有您所在部门的办件，不能查看");
        }
    }

    private BundleView view(BundleReader.LoadedBundle loaded) {
        return BundleView.of(loaded, pointNames::name,
                username -> staffStore.findByUsername(username).map(Staff::displayName).orElse(username));
    }
}
