/** Bundles (一件事) at central: the county admin's management, the bundle status of cases, and the monthly share. */
package cn.siyiban.central.bundles;
