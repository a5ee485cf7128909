package io.kapivara.hub.app.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The resource URL filter (versioned links to static resources in the dashboard's templates) for
 * the dashboard's pages only: requests under {@code /api/} and {@code /actuator/}, the hot path,
 * pass straight on without its response wrapper. Servlet URL patterns cannot exclude paths, hence
 * the check here.
 */
final class DashboardResourceUrlFilter extends ResourceUrlEncodingFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && isMachinePath(http.getRequestURI(), http.getContextPath())) {
            chain.doFilter(request, response);
            return;
        }
        super.doFilter(request, response, chain);
    }

    private static boolean isMachinePath(String uri, String contextPath) {
        int from = contextPath.length();
        return uri.startsWith("/api/", from) || uri.startsWith("/actuator/", from);
    }
}
