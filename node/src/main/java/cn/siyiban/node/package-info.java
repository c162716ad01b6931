/** The service point node: its factory, lifecycle and command-line entry point. */
package cn.siyiban.node;
