/** The county calendar of holidays and adjusted working days, and working-day arithmetic. */
package cn.siyiban.core.calendar;
