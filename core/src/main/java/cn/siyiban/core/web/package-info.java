/** Web infrastructure shared by node and central: sessions, login, CSRF, JSON and the error shape. */
package cn.siyiban.core.web;
