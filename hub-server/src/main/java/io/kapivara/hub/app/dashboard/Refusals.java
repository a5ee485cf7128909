package io.kapivara.hub.app.dashboard;

import java.util.function.Supplier;

import io.kapivara.hub.dashboard.RefusedException;
import io.kapivara.hub.shared.HubException;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.NotFoundException;
import io.kapivara.hub.shared.UnavailableException;

/** Turns the hub's refusals into the dashboard's, keeping their messages. */
final class Refusals {

    private Refusals() {
    }

    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidRequestException e) {
            throw new RefusedException(RefusedException.Reason.INVALID, e.getMessage(), e);
        } catch (NotFoundException e) {
            throw new RefusedException(RefusedException.Reason.NOT_FOUND, e.getMessage(), e);
        } catch (HubException e) {
            throw new RefusedException(RefusedException.Reason.CONFLICT, e.getMessage(), e);
        } catch (UnavailableException e) {
            throw new RefusedException(RefusedException.Reason.UNAVAILABLE, e.getMessage(), e);
        }
    }
}
