/** The node's SymmetricDS client engine, its registration with central and the sync state clerks see. */
package cn.siyiban.node.sync;
