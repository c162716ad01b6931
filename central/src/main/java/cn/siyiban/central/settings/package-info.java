/** Central's settings: command line, properties file and environment, checked once at start. */
package cn.siyiban.central.settings;
