/** The county catalogue of matters and their material lists, and its CSV import. */
package cn.siyiban.core.catalogue;
