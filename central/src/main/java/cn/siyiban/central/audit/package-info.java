/** The audit log of county admins' actions on the sync network. */
package cn.siyiban.central.audit;
