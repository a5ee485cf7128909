package io.kapivara.hub.app.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.app.HubSettings;
import io.kapivara.hub.shared.web.StorableJson;

/** Web settings every endpoint shares. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    StorableJson storableJson(JsonMapper mapper) {
        return new StorableJson(mapper);
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(HubSettings settings, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeFilter(settings.store().maxRequestSize().toBytes(), problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Stream names may hold {@code /} (a GitHub repository's full name does), sent as {@code %2F}
     * inside one path segment. Tomcat refuses an encoded slash by default; passing it through lets
     * the path variable decode it.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashInPathSegments() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }
}
