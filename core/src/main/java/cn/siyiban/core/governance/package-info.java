/** Catalogue governance: removed proofs, minimal lists, idle matters and their suspension. */
package cn.siyiban.core.governance;
