/** The technician's commands: setup, status, doctor, backup, restore and support-bundle. */
package cn.siyiban.node.cli;
