/** Access rules of central's API. */
package cn.siyiban.central.auth;
