package io.kapivara.hub.client;

/**
 * A refusal this client has no dedicated type for: a problem type it does not know (from a newer
 * hub, or from something in front of the hub), the hub's internal error (500), or an error answer
 * that is not a problem detail at all. Its facts are only in {@link #fields()}.
 */
public final class UnexpectedProblemException extends HubRequestException {

    UnexpectedProblemException(Problem problem) {
        super(problem);
    }
}
