/** Central's public health check. */
package cn.siyiban.central.health;
