package cn.siyiban.central.sync;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jumpmind.symmetric.web.ServletUtils;
import org.jumpmind.symmetric.web.WebConstants;

/**
 * Servlet filter in front of SymmetricDS's registration requests ({@code /sync/central/registration}).
 * The node sends its one-time token as the {@code regPassword} form parameter; the
 * {@link RegistrationGate} decides, and a refused request gets HTTP 403 with the reason's code and
 * Chinese message instead of reaching SymmetricDS.
 */
public final class RegistrationFilter implements Filter {

    private final RegistrationGate gate;

    public RegistrationFilter(RegistrationGate gate) {
        this.gate = gate;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getPathInfo() == null ? http.getRequestURI() : http.getPathInfo();
        boolean registration = path != null && path.endsWith("/registration")
                && !"true".equals(ServletUtils.getParameter(http, WebConstants.PUSH_REGISTRATION));
        if (registration) {
            // ServletUtils trims; a 3.15.22 client sends the node group with a trailing line break.
            String point = ServletUtils.getParameter(http, WebConstants.EXTERNAL_ID);
            String group = ServletUtils.getParameter(http, WebConstants.NODE_GROUP_ID);
            String token = ServletUtils.getParameter(http, WebConstants.REG_PASSWORD);
            Optional<RegistrationRefusal> refusal = point == null || group == null
                    ? Optional.of(RegistrationRefusal.UNKNOWN_POINT)
                    : gate.admit(point, group, token, http.getRemoteAddr());
            if (refusal.isPresent()) {
                HttpServletResponse http403 = (HttpServletResponse) response;
                http403.setStatus(HttpServletResponse.SC_FORBIDDEN);
                http403.setContentType("text/plain; charset=utf-8");
                http403.getOutputStream().write((refusal.get().code() + ": " + refusal.get().message())
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
