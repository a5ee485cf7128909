package io.kapivara.hub.app.dashboard;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.bus.OperatorService;
import io.kapivara.hub.bus.SeekTarget;
import io.kapivara.hub.bus.web.BusWire;
import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.SeekRequest;
import io.kapivara.hub.dashboard.OperatorActions;
import io.kapivara.hub.shared.InvalidRequestException;

/** The dashboard's operator actions, done by the bus's {@link OperatorService} in this process. */
final class HubOperatorActions implements OperatorActions {

    private final OperatorService operators;
    private final BusQueries bus;

    HubOperatorActions(OperatorService operators, BusQueries bus) {
        this.operators = operators;
        this.bus = bus;
    }

    @Override
    public BucketCheckpoint assign(String owner, int bucket, String key, String actor) {
        return Refusals.translate(() -> {
            operators.assign(owner, bucket, key, actor);
            return BusWire.checkpoint(bus.bucket(owner, bucket));
        });
    }

    @Override
    public BucketCheckpoint release(String owner, int bucket, String actor) {
        return Refusals.translate(() -> {
            operators.release(owner, bucket, actor);
            return BusWire.checkpoint(bus.bucket(owner, bucket));
        });
    }

    @Override
    public BucketCheckpoint seek(String owner, int bucket, SeekRequest to, String actor) {
        return Refusals.translate(() -> {
            operators.seek(owner, bucket, target(to), actor);
            return BusWire.checkpoint(bus.bucket(owner, bucket));
        });
    }

    @Override
    public OwnerStatus seekAll(String owner, SeekRequest to, String actor) {
        return Refusals.translate(() -> {
            operators.seekAll(owner, target(to), actor);
            return BusWire.owner(bus.owner(owner), Instant.now());
        });
    }

    @Override
    public void evict(String owner, String key, String actor) {
        Refusals.translate(() -> {
            operators.evict(owner, key, actor);
            return null;
        });
    }

    @Override
    public OwnerStatus setPaused(String owner, boolean paused, String actor) {
        return Refusals.translate(() -> {
            operators.setPaused(owner, paused, actor);
            return BusWire.owner(bus.owner(owner), Instant.now());
        });
    }

    private static SeekTarget target(SeekRequest request) {
        Object to = request.to();
        if (to instanceof Long || to instanceof Integer) {
            return new SeekTarget.Offset(((Number) to).longValue());
        }
        if ("earliest".equals(to)) {
            return new SeekTarget.Earliest();
        }
        if ("latest".equals(to)) {
            return new SeekTarget.Latest();
        }
        if (to instanceof String text) {
            try {
                return new SeekTarget.Time(Instant.parse(text));
            } catch (DateTimeParseException e) {
                // refused below, with the rule
            }
        }
        throw new InvalidRequestException("to", to, "A seek goes to earliest, latest, an offset or an ISO-8601 time");
    }
}
