/** Electronic seal usage log (电子印章使用记录) and the alert for a use without an approval reference. */
package cn.siyiban.central.seals;
