/** The status row a node reports to central: free disk, database size and the versions it runs. */
package cn.siyiban.node.status;
