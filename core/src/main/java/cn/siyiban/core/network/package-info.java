/** The county's 2+4+13+N network of service points. */
package cn.siyiban.core.network;
