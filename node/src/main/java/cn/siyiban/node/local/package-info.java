/** The node's local API for the technician's commands: status, online backup and database check. */
package cn.siyiban.node.local;
