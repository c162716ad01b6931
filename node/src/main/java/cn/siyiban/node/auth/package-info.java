/** Login, sessions, CSRF protection, lockout and which cases a staff member may see. */
package cn.siyiban.node.auth;
