/** The county calendar of holidays and adjusted working days, and the days the county adds itself. */
package cn.siyiban.central.calendar;
