/** The county admin's commands on the central server: status, doctor and bulk registration tokens. */
package cn.siyiban.central.cli;
