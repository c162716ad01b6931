/** Staff account management at central: create, edit, change role and point, reset a password, disable. */
package cn.siyiban.central.staff;
