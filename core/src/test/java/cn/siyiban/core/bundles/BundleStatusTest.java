package cn.siyiban.core.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.siyiban.core.cases.CaseEventType;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleStatusTest {

    @Test
    void doneOnlyWhenEveryCaseFinished() {
        assertEquals(BundleStatus.DONE, BundleStatus.of(
                List.of(CaseEventType.DELIVERED, CaseEventType.CLOSED, CaseEventType.TERMINATED), 3));
        assertEquals(BundleStatus.RESULT_READY, BundleStatus.of(
                List.of(CaseEventType.DELIVERED, CaseEventType.APPROVED), 2));
        assertEquals(BundleStatus.IN_PROGRESS, BundleStatus.of(
                List.of(CaseEventType.DELIVERED, CaseEventType.ACCEPTED), 2));
    }

    @Test
    void missingCaseKeepsBundleOpen() {
        assertEquals(BundleStatus.IN_PROGRESS, BundleStatus.of(List.of(CaseEventType.DELIVERED), 2));
        assertEquals(BundleStatus.IN_PROGRESS, BundleStatus.of(List.of(), 2));
    }

    @Test
    void supplementRequestComesFirst() {
        assertEquals(BundleStatus.SUPPLEMENT_REQUESTED, BundleStatus.of(
                List.of(CaseEventType.DELIVERED, CaseEventType.SUPPLEMENT_REQUESTED), 2));
    }
}
