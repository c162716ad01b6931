package cn.siyiban.core.bundles;

/** The saved bundle, and whether this request created it or found it saved by an earlier retry. */
public record BundleIntakeResult(BundleSubmission submission, boolean created) {
}
