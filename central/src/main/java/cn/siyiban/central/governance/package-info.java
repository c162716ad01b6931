/** The admin's catalogue governance: idle matters, suspension and approved reactivation, removed proofs, minimal lists. */
package cn.siyiban.central.governance;
