/** Publication of the county catalogue at central. */
package cn.siyiban.central.catalogue;
