/** Sync status of every node, read from SymmetricDS's own tables. */
package cn.siyiban.central.monitor;
