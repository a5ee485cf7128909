package io.kapivara.hub.client;

import org.jspecify.annotations.Nullable;

/**
 * Any failure of a {@link HubClient} call. The subtype tells what to do about it:
 * <ul>
 * <li>{@link HubTransientException}: the hub could not be reached or asked to come back later; the
 *     same call may succeed when repeated;</li>
 * <li>{@link HubRequestException} and its subtypes: the hub refused the request for a reason that
 *     repeating it will not change;</li>
 * <li>{@link HubInterruptedException}: the calling thread was interrupted;</li>
 * <li>{@link UnexpectedResponseException}: the hub answered something this client cannot read.</li>
 * </ul>
 */
public abstract class HubClientException extends RuntimeException {

    HubClientException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
