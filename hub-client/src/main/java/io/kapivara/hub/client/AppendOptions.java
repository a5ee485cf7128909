package io.kapivara.hub.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.ExpectedVersion;

/**
 * How an append is made: what it expects of its stream, and which key chooses the bucket of a new
 * stream. Setters return this object; a call reads the options when it starts, so one object may
 * be changed and reused for later calls.
 */
public final class AppendOptions {

    private ExpectedVersion expectedVersion = ExpectedVersion.ANY;
    private @Nullable String partitionKey;

    private AppendOptions() {
    }

    /** Options that expect {@link ExpectedVersion#ANY} and give no partition key. */
    public static AppendOptions defaults() {
        return new AppendOptions();
    }

    /** Options that expect {@code expectedVersion}. */
    public static AppendOptions expecting(ExpectedVersion expectedVersion) {
        return defaults().expectedVersion(expectedVersion);
    }

    /**
     * The append succeeds only when this holds for its stream, else it stores nothing and fails
     * with {@link WrongExpectedVersionException}. {@link ExpectedVersion#ANY} unless set.
     */
    public AppendOptions expectedVersion(ExpectedVersion expectedVersion) {
        this.expectedVersion = Objects.requireNonNull(expectedVersion, "expectedVersion");
        return this;
    }

    /** Expects the stream's current version to be exactly {@code version} (0-based). */
    public AppendOptions expectedVersion(long version) {
        return expectedVersion(ExpectedVersion.exactly(version));
    }

    /**
     * The key whose hash chooses the bucket of the stream when this append creates it (see
     * {@link BucketFunction}); the stream name when null. An existing stream keeps its bucket, and
     * an append naming another key than the stream's fails with
     * {@link PartitionKeyMismatchException}.
     */
    public AppendOptions partitionKey(@Nullable String partitionKey) {
        this.partitionKey = partitionKey;
        return this;
    }

    public ExpectedVersion expectedVersion() {
        return expectedVersion;
    }

    public @Nullable String partitionKey() {
        return partitionKey;
    }
}
