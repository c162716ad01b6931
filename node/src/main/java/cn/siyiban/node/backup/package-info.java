/** Derby online backups of the node's database, their retention, and restoring one. */
package cn.siyiban.node.backup;
