/** The catalogue API: matter search and the material lists that drive the intake form. */
package cn.siyiban.node.catalogue;
