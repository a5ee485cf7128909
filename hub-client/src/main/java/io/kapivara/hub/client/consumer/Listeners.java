package io.kapivara.hub.client.consumer;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.client.HubClientException;

/** Calls an application's listener so that nothing it throws reaches the runtime. */
final class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {
    }

    static void bucketAssigned(ConsumerListener listener, int bucket, long epoch) {
        safely("bucketAssigned", () -> listener.bucketAssigned(bucket, epoch));
    }

    static void bucketRevoked(ConsumerListener listener, int bucket, long epoch) {
        safely("bucketRevoked", () -> listener.bucketRevoked(bucket, epoch));
    }

    static void bucketFailed(ConsumerListener listener, HandlerFailure failure) {
        safely("bucketFailed", () -> listener.bucketFailed(failure));
    }

    static void transientFailure(ConsumerListener listener, String operation, HubClientException failure,
            Duration retryIn) {
        safely("transientFailure", () -> listener.transientFailure(operation, failure, retryIn));
    }

    private static void safely(String callback, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("Listener [{}] threw; ignored", callback, e);
        }
    }
}
