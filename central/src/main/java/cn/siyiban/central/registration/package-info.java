/** The registration token API: county admins issue, list and revoke tokens, and nodes check one before registering. */
package cn.siyiban.central.registration;
