/** The public health check of a node. */
package cn.siyiban.node.health;
