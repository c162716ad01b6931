/**
 * Moves an existing central from its embedded Derby database to a PostgreSQL server, with the
 * cases, the staff, the audit log and SymmetricDS's own state, so that registered nodes keep
 * syncing without registering again.
 */
package cn.siyiban.central.migration;
