/** Staff accounts, roles and password hashing. */
package cn.siyiban.core.staff;
