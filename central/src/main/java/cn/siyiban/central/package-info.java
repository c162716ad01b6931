/** The county server: the review workbench, registration tokens, sync status and the SymmetricDS server engine. */
package cn.siyiban.central;
