package cn.siyiban.core.web;

import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;

/** Jetty session settings shared by node and central. */
public final class Sessions {

    /** Name of the session cookie. */
    public static final String COOKIE = "SIYIBAN_SESSION";

    private Sessions() {
    }

    /**
     * Builds a session handler whose sessions live in memory: a restart logs the users out, which
     * is acceptable for the few users of one server. The cookie is HttpOnly and SameSite=Strict,
     * so neither a script nor a link from another site carries it.
     */
    public static SessionHandler handler(int timeoutMinutes) {
        SessionHandler sessions = new SessionHandler();
        sessions.setSessionCookie(COOKIE);
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setMaxInactiveInterval(timeoutMinutes * 60);
        return sessions;
    }
}
