/** Bundles (一件事): several catalogue matters taken in with one form, one material list and one receipt. */
package cn.siyiban.core.bundles;
