/** Reminder outbox (依提醒办件): planning reminders from cases, sending them once, and their state. */
package cn.siyiban.core.reminders;
