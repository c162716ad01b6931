/** Settings shared by node and central: precedence of sources, typed checks and the command line. */
package cn.siyiban.core.settings;
