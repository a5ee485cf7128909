package io.kapivara.hub.app.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.WebContentGenerator;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The methods the endpoint at a path serves, found by asking MVC's handler mappings about a TRACE
 * to that path, which no endpoint of the hub serves. For the 405 that Tomcat answers to a TRACE
 * before MVC sees it: Tomcat lists every method the dispatcher servlet has, and the error page it
 * forwards to sees the request as a GET.
 */
final class AllowedMethods {

    private AllowedMethods() {
    }

    /** The methods served at {@code path}; empty when no endpoint there names its methods. */
    static Set<HttpMethod> at(Stream<HandlerMapping> mappings, HttpServletRequest request, String path) {
        HttpServletRequest probe = new Probe(request, path);
        ServletRequestPathUtils.parseAndCache(probe);
        return mappings.map(mapping -> served(mapping, probe)).filter(methods -> methods != null)
                .findFirst().orElse(Set.of());
    }

    /** What one mapping says of the probe: null when the path is none of its. */
    private static @Nullable Set<HttpMethod> served(HandlerMapping mapping, HttpServletRequest probe) {
        try {
            HandlerExecutionChain chain = mapping.getHandler(probe);
            if (chain == null) {
                return null;
            }
            String[] methods = chain.getHandler() instanceof WebContentGenerator generator
                    ? generator.getSupportedMethods() : null;
            return methods == null ? Set.of()
                    : Stream.of(methods).map(HttpMethod::valueOf).collect(Collectors.toUnmodifiableSet());
        } catch (HttpRequestMethodNotSupportedException e) {
            Set<HttpMethod> supported = e.getSupportedHttpMethods();
            return supported == null ? Set.of() : supported;
        } catch (Exception e) {
            return Set.of();
        }
    }

    /**
     * A TRACE to the original path, as a plain dispatch with attributes of its own, so the lookup
     * leaves nothing behind on the request being answered.
     */
    private static final class Probe extends HttpServletRequestWrapper {

        private final String path;
        private final Map<String, Object> attributes = new HashMap<>();

        Probe(HttpServletRequest request, String path) {
            super(request);
            this.path = path;
        }

        @Override
        public String getMethod() {
            return HttpMethod.TRACE.name();
        }

        @Override
        public String getRequestURI() {
            return path;
        }

        @Override
        public DispatcherType getDispatcherType() {
            return DispatcherType.REQUEST;
        }

        @Override
        public @Nullable Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.enumeration(attributes.keySet());
        }

        @Override
        public void setAttribute(String name, @Nullable Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
        }
    }
}
