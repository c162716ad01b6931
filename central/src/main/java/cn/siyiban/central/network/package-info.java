/** The service points of the network, as the admin pages list them. */
package cn.siyiban.central.network;
