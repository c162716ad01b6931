/** SymmetricDS settings, configuration and status shared by node and central. */
package cn.siyiban.sync;
