/** Intake of bundles (一件事) at a service point, their receipt and their derived status. */
package cn.siyiban.node.bundles;
