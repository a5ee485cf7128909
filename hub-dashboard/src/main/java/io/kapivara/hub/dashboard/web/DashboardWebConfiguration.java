package io.kapivara.hub.dashboard.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The helpers the templates call, and the headers every dashboard page carries. */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration implements WebMvcConfigurer {

    // Scripts and styles only from the hub itself: even if some event data slipped through as
    // markup, the browser would run none of it.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    Formats formats() {
        return new Formats(Clock.systemUTC());
    }

    @Bean
    JsonView jsonView() {
        return new JsonView();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageHeaders());
    }

    /** Sets the security and caching headers on the answers of the dashboard's controllers. */
    private static final class PageHeaders implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method
                    && method.getBeanType().getPackageName().equals(PageHeaders.class.getPackageName())) {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Referrer-Policy", "same-origin");
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                // One URL answers a page or a fragment: caches must keep them apart.
                response.setHeader(HttpHeaders.VARY, "HX-Request");
            }
            return true;
        }
    }
}
