package io.kapivara.hub.app.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import io.kapivara.hub.app.HubSettings;
import io.kapivara.hub.shared.web.StorableJson;

/** Web settings every endpoint shares. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * Request bodies mean what they say: no number from a string or a fraction, no string from a
     * number, no field the body does not know (a misspelt one would otherwise count as left out),
     * no field twice. A wrong type is refused, naming the field, rather than quietly converted.
     */
    @Bean
    JsonMapperBuilderCustomizer strictCoercion() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

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

    @Bean
    FilterRegistrationBean<SingleQueryValues> singleQueryValues(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new SingleQueryValues(problems));
        registration.addUrlPatterns("/api/*", "/ws/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /** Replaces the resource URL filter Spring Boot would register for every request. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> dashboardResourceUrlFilter() {
        var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new DashboardResourceUrlFilter());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Errors Tomcat answers on its own get problem details too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
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
