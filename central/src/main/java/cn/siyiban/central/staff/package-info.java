/** Staff account management at central: create, edit, reset a password, disable. */
package cn.siyiban.central.staff;
