package io.kapivara.hub.ingest.github;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

import io.kapivara.hub.shared.InvalidRequestException;

/**
 * The headers of one webhook delivery that the hub keeps.
 *
 * @param event    the event name ({@code X-GitHub-Event}), such as {@code push}
 * @param delivery the delivery's GUID ({@code X-GitHub-Delivery}), kept by a redelivery
 */
record GithubDelivery(
        String event, String delivery, @Nullable String hookId,
        @Nullable String targetType, @Nullable String targetId) {

    static final String EVENT = "X-GitHub-Event";
    static final String DELIVERY = "X-GitHub-Delivery";
    static final String HOOK_ID = "X-GitHub-Hook-ID";
    static final String TARGET_TYPE = "X-GitHub-Hook-Installation-Target-Type";
    static final String TARGET_ID = "X-GitHub-Hook-Installation-Target-ID";

    static GithubDelivery of(HttpHeaders headers) {
        return new GithubDelivery(required(headers, EVENT), required(headers, DELIVERY),
                headers.getFirst(HOOK_ID), headers.getFirst(TARGET_TYPE), headers.getFirst(TARGET_ID));
    }

    private static String required(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(name, value, "A GitHub delivery carries the header " + name);
        }
        return value;
    }
}
