/** The county admin's commands on the central server: status, doctor, bulk registration tokens and the move to PostgreSQL. */
package cn.siyiban.central.cli;
