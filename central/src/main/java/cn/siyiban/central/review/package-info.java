/** The review workbench API: the departments' case list, the case detail with its hash-chain check, and decisions. */
package cn.siyiban.central.review;
