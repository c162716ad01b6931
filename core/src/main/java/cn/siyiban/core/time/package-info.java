/** The county's time zone and clock, shared by every stored timestamp. */
package cn.siyiban.core.time;
