/** County statistics at central: case counts over time, time-limit figures, proxy and bundle shares, CSV export. */
package cn.siyiban.central.statistics;
