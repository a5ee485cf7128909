package io.kapivara.hub.app.security;

import java.net.InetAddress;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import io.kapivara.hub.ingest.IngestSettings;

/**
 * Who may do what. With tokens configured: the API wants a bearer token whose roles allow the
 * call, and the dashboard a login. Without any token the hub is open, and listens on the loopback
 * interface only; asking it to listen elsewhere stops the start.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private static final String PRODUCER = Role.PRODUCER.name();
    private static final String CONSUMER = Role.CONSUMER.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String VIEWER = Role.VIEWER.name();

    @Bean
    TokenAuthentication tokenAuthentication(SecuritySettings settings) {
        List<ApiToken> tokens = settings.apiTokens();
        if (!tokens.isEmpty()) {
            // Without tokens, the loopback guard says so, with the address it listens on.
            log.info("Access control: tokens {}", tokens);
        }
        return new TokenAuthentication(tokens);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, TokenAuthentication tokens,
            ProblemResponses problems, IngestSettings ingest) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                // No CSRF token: the API's callers are programs. A browser tells where a request
                // comes from, and one from another site is refused; without tokens configured,
                // nothing else would stop a page on another site from acting on a loopback hub.
                .addFilterBefore(new CrossSiteRequestFilter(problems), CsrfFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless API calls: nothing to log out of, no request to replay after a login;
                // each of these is a filter on every request.
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden));
        if (settings.apiTokens().isEmpty()) {
            return http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll()).build();
        }
        AuthenticationFilter bearer = new AuthenticationFilter(tokens, TokenAuthentication.bearer());
        bearer.setSuccessHandler((request, response, authentication) -> { });
        bearer.setFailureHandler((request, response, failure) -> problems.unauthorized(request, response, failure));
        http.addFilterAt(bearer, BasicAuthenticationFilter.class);
        boolean signedWebhooks = ingest.github().secret() != null;
        return http.authorizeHttpRequests(rules -> apiRules(rules, signedWebhooks)).build();
    }

    private static void apiRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
            boolean signedWebhooks) {
        rules.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").hasAnyRole(VIEWER, OPERATOR)
                .requestMatchers(HttpMethod.POST, "/api/streams/**").hasRole(PRODUCER);
        if (signedWebhooks) {
            // GitHub cannot send a bearer token; the adapter checks each delivery's signature instead.
            rules.requestMatchers(HttpMethod.POST, "/api/ingest/github").permitAll();
        }
        rules.requestMatchers(HttpMethod.POST, "/api/ingest/**").hasRole(PRODUCER)
                .requestMatchers(SecurityConfiguration::isEviction).hasRole(OPERATOR)
                .requestMatchers("/api/owners/*/subscriptions", "/api/owners/*/subscriptions/**").hasRole(CONSUMER)
                .requestMatchers(HttpMethod.PUT, "/api/owners/*").hasAnyRole(CONSUMER, OPERATOR)
                .requestMatchers(HttpMethod.POST, "/api/owners/*/buckets/*/*", "/api/owners/*/seek",
                        "/api/owners/*/pause", "/api/owners/*/resume").hasRole(OPERATOR)
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(VIEWER, OPERATOR)
                .anyRequest().denyAll();
    }

    private static boolean isEviction(HttpServletRequest request) {
        return HttpMethod.DELETE.matches(request.getMethod()) && "true".equals(request.getParameter("evict"));
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, SecuritySettings settings, TokenAuthentication tokens,
            ProblemResponses problems) throws Exception {
        // The dashboard's forms carry a CSRF token in every mode, and a browser request from
        // another site is refused before that: a page on another site must not act on an
        // operator's hub, even one open on loopback.
        http.addFilterBefore(new CrossSiteRequestFilter(problems), CsrfFilter.class)
                .csrf(Customizer.withDefaults())
                .exceptionHandling(handling -> handling.accessDeniedHandler(problems::forbidden));
        if (settings.apiTokens().isEmpty()) {
            return http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll()).build();
        }
        return http.authenticationManager(tokens)
                .formLogin(login -> login.usernameParameter("name").passwordParameter("token").permitAll())
                .logout(Customizer.withDefaults())
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").hasAnyRole(VIEWER, OPERATOR)
                        .anyRequest().hasRole(OPERATOR))
                .build();
    }

    /**
     * No per-filter observations: they cost a meter lookup and counter per filter per request
     * (about a tenth of the server's CPU on a single-event append), and the request as a whole is
     * already timed by {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Stream names may hold {@code /}, {@code //} and {@code %}, sent inside one path segment as
     * {@code %2F}, {@code %2F%2F} and {@code %25} (a CloudEvents source such as
     * {@code https://shop.example/orders} names a stream). Tomcat passes {@code %2F} through
     * undecoded, so no encoded slash ever becomes a path separator; a literal {@code //} stays
     * refused, as do the firewall's other rules. What they still refuse, no stream name holds
     * ({@code StreamName}).
     */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        List<String> encodedDoubleSlash = List.of("%2F%2F", "%2F%2f", "%2f%2F", "%2f%2f");
        firewall.getEncodedUrlBlocklist().removeAll(encodedDoubleSlash);
        firewall.getDecodedUrlBlocklist().removeAll(encodedDoubleSlash);
        return firewall;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return problems::rejected;
    }

    /** Without tokens, listen on loopback only; refuse another address outright. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> loopbackWithoutTokens(SecuritySettings settings) {
        return new LoopbackGuard(settings.apiTokens().isEmpty());
    }

    private record LoopbackGuard(boolean open) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            if (!open) {
                return;
            }
            InetAddress address = factory.getAddress();
            if (address == null) {
                address = InetAddress.getLoopbackAddress();
                factory.setAddress(address);
            }
            if (address.isLoopbackAddress()) {
                log.warn("Access control: no tokens configured, so the hub listens on [{}] only; set HUB_TOKENS "
                        + "to serve other hosts", address.getHostAddress());
            } else {
                throw new IllegalStateException(("The hub refuses to listen on [%s] without access control: "
                        + "configure API tokens (HUB_TOKENS or hub.security.tokens), or listen on a loopback "
                        + "address.").formatted(address.getHostAddress()));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
