/** Intake workflows at central: cases past their 容缺 supplement deadline and their termination. */
package cn.siyiban.central.workflows;
