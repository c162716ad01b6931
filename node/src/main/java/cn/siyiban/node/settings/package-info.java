/** The node's settings: command line, properties file and environment, checked once at start. */
package cn.siyiban.node.settings;
