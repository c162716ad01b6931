package cn.siyiban.node.bundles;

import cn.siyiban.core.bundles.Bundle;
import cn.siyiban.core.bundles.BundleIntakeRequest;
import cn.siyiban.core.bundles.BundleIntakeResult;
import cn.siyiban.core.bundles.BundleIntakeService;
import cn.siyiban.core.bundles.BundleReader;
import cn.siyiban.core.bundles.BundleStore;
import cn.siyiban.core.bundles.BundleSubmission;
import cn.siyiban.core.cases.CaseNumber;
import cn.siyiban.core.cases.CaseRecord;
import cn.siyiban.core.cases.CaseStore;
import cn.siyiban.core.error.DomainException;
import cn.siyiban.core.staff.Staff;
import cn.siyiban.core.staff.StaffStore;
import cn.siyiban.core.web.BundleView;
import cn.siyiban.core.web.CaseNumberCode;
import cn.siyiban.core.web.Json;
import cn.siyiban.core.web.PointNames;
import cn.siyiban.core.web.SessionGuard;
import cn.siyiban.node.auth.Access;
import cn.siyiban.node.cases.VisibleCases;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bundles (一件事) at the node: the bundles on offer, the merged form of one, intake of a bundle,
 * its receipt and status, the bundle a case belongs to, and the QR code of a bundle number.
 */
public final class BundleRoutes {

    private final BundleIntakeService intake;
    private final BundleStore bundles;
    private final BundleReader reader;
    private final VisibleCases visibleCases;
    private final StaffStore staffStore;
    private final PointNames pointNames;
    private final ObjectMapper mapper;

    public BundleRoutes(BundleIntakeService intake, BundleStore bundles, BundleReader reader, CaseStore cases,
                        StaffStore staffStore, PointNames pointNames, ObjectMapper mapper) {
        this.intake = intake;
        this.bundles = bundles;
        this.reader = reader;
        this.visibleCases = new VisibleCases(cases);
        this.staffStore = staffStore;
        this.pointNames = pointNames;
        this.mapper = mapper;
    }

    /**
     * One row of {@code GET /api/bundles}.
     *
     * @param problem why intake cannot use the bundle now, null when it can
     */
    public record ListItem(String code, String name, String description, List<String> matterNames, String problem) {
    }

    /** The body of a created or replayed bundle intake. */
    public record Created(String id, String bundleNo, List<String> caseNos) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/bundles", this::list);
        routes.get("/api/bundles/{code}", ctx -> ctx.json(BundleFormView.of(intake.active(ctx.pathParam("code")))));
        routes.post("/api/bundle-submissions", this::takeIn);
        routes.get("/api/bundle-submissions/{bundleNo}", this::show);
        routes.get("/api/cases/{caseNo}/bundle", this::ofCase);
        routes.get("/api/bundle-codes/{bundleNo}", this::code);
    }

    /** Lists the bundles in force, with the reason for each one intake cannot use at the moment. */
    private void list(Context ctx) {
        List<ListItem> items = new ArrayList<>();
        for (Bundle bundle : bundles.all()) {
            if (bundle.retired()) {
                continue;
            }
            try {
                BundleIntakeService.ActiveBundle active = intake.active(bundle.code());
                items.add(new ListItem(bundle.code(), bundle.name(), bundle.description(),
                        active.matters().stream().map(matter -> matter.name()).toList(), null));
            } catch (DomainException e) {
                items.add(new ListItem(bundle.code(), bundle.name(), bundle.description(), bundle.matterCodes(),
                        e.getMessage()));
            }
        }
        ctx.json(items);
    }

    private void takeIn(Context ctx) {
        Staff staff = SessionGuard.staff(ctx);
        Access.requireIntake(staff);
        BundleIntakeRequest request = Json.read(ctx, mapper, BundleIntakeRequest.class);
        BundleIntakeResult result = intake.takeIn(request, staff);
        BundleSubmission submission = result.submission();
        List<String> caseNos = reader.byNumber(submission.bundleNo())
                .map(loaded -> loaded.cases().stream().map(CaseRecord::caseNo).toList())
                .orElse(Collections.emptyList());
        ctx.status(result.created() ? 201 : 200).json(new Created(submission.id(), submission.bundleNo(), caseNos));
    }

    private void show(Context ctx) {
        Access.requireCaseAccess(SessionGuard.staff(ctx));
        String bundleNo = ctx.pathParam("bundleNo");
        BundleReader.LoadedBundle loaded = reader.byNumber(bundleNo).orElseThrow(() ->
                DomainException.notFound("bundle_submission_not_found", "未找到一件事办件" + bundleNo));
        Access.requireCaseVisible(SessionGuard.staff(ctx), loaded.submission().originPoint());
        ctx.json(view(loaded));
    }

    /** Returns {@code {"bundle": ...}}, with null when the case was taken in on its own. */
    private void ofCase(Context ctx) {
        CaseRecord record = visibleCases.require(SessionGuard.staff(ctx), ctx.pathParam("caseNo"));
        ctx.json(Collections.singletonMap("bundle", reader.byCase(record).map(this::view).orElse(null)));
    }

    private void code(Context ctx) {
        String bundleNo = ctx.pathParam("bundleNo");
        if (!isBundleNumber(bundleNo)) {
            throw DomainException.invalid("invalid_bundle_no", "一件事编号“" + bundleNo + "”格式不正确", "bundleNo");
        }
        ctx.contentType("image/svg+xml").header("Cache-Control", "private, max-age=86400")
                .result(CaseNumberCode.svg(bundleNo));
    }

    static boolean isBundleNumber(String text) {
        if (text == null || !text.startsWith(BundleSubmission.NUMBER_PREFIX)) {
            return false;
        }
        try {
            CaseNumber.parse(text.substring(BundleSubmission.NUMBER_PREFIX.length()));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private BundleView view(BundleReader.LoadedBundle loaded) {
        return BundleView.of(loaded, pointNames::name,
                username -> staffStore.findByUsername(username).map(Staff::displayName).orElse(username));
    }
}
