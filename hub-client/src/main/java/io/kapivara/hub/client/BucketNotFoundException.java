package io.kapivara.hub.client;

import java.util.OptionalInt;
import java.util.OptionalLong;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * A request naming a bucket outside 0 to the hub's bucket count - 1
 * ({@value ProblemTypes#BUCKET_NOT_FOUND}).
 */
public final class BucketNotFoundException extends HubRequestException {

    private final int bucket;
    private final OptionalInt count;

    BucketNotFoundException(Problem problem) {
        super(problem);
        this.bucket = Math.toIntExact(problem.number("bucket"));
        OptionalLong stated = problem.optionalNumber("count");
        this.count = stated.isPresent() ? OptionalInt.of(Math.toIntExact(stated.getAsLong())) : OptionalInt.empty();
    }

    public int bucket() {
        return bucket;
    }

    /** The hub's bucket count, when it sent it. */
    public OptionalInt count() {
        return count;
    }
}
