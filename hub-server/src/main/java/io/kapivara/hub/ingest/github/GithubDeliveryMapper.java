package io.kapivara.hub.ingest.github;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.kapivara.hub.ingest.NameBasedIds;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.StorableJson;
import io.kapivara.hub.store.AppendCommand;
import io.kapivara.hub.store.ExpectedVersion;
import io.kapivara.hub.store.NewEvent;
import io.kapivara.hub.store.StoreLimits;

/**
 * Turns one webhook delivery into one append; docs/ingest.md describes the mapping.
 *
 * <p>Everything taken from the delivery is deterministic: a redelivery (same delivery GUID, same
 * payload, same hook) maps to an identical append, which the store answers as a replay.
 */
final class GithubDeliveryMapper {

    /** The namespace of the name-based event ids of GitHub deliveries; fixed forever. */
    static final UUID DELIVERY_NAMESPACE = UUID.fromString("9861dfcc-df8e-4998-bb36-f42c75181d7f");

    private final StorableJson json;
    private final StoreLimits limits;

    GithubDeliveryMapper(StorableJson json, StoreLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    AppendCommand toAppend(GithubDelivery delivery, JsonNode payload) {
        if (!payload.isObject()) {
            throw new InvalidRequestException("payload", payload.getNodeType(),
                    "A GitHub delivery's payload is a JSON object");
        }
        limits.checkName(GithubDelivery.EVENT, delivery.event());
        String type = typeOf(delivery.event(), payload);
        limits.checkName("action", type);
        Target target = targetOf(delivery.event(), payload);
        limits.checkStreamName(target.field(), target.stream());
        if (target.partitionKey() != null) {
            limits.checkName(target.field(), target.partitionKey());
        }
        NewEvent event = new NewEvent(eventId(delivery.delivery()), type, json.storable("payload", payload),
                json.storable("metadata", metadata(delivery)));
        return new AppendCommand(target.stream(), ExpectedVersion.ANY, target.partitionKey(), List.of(event));
    }

    /** The event id of the delivery with this GUID. */
    static UUID eventId(String delivery) {
        return NameBasedIds.of(DELIVERY_NAMESPACE, delivery);
    }

    static String typeOf(String event, JsonNode payload) {
        String action = text(payload.get("action"));
        return action == null ? event : event + "." + action;
    }

    /**
     * The stream and partition key: the repository when there is one, else the organization, the
     * app installation, the sender, and at last the event name for deliveries that name no account.
     */
    static Target targetOf(String event, JsonNode payload) {
        String repository = text(payload.path("repository").get("full_name"));
        if (repository != null) {
            return new Target(repository, ownerOf(repository), "repository.full_name");
        }
        String organization = text(payload.path("organization").get("login"));
        if (organization != null) {
            return new Target("org-" + organization, organization, "organization.login");
        }
        String installation = idOf(payload.path("installation").get("id"));
        if (installation != null) {
            return new Target("installation-" + installation, accountOf(payload), "installation.id");
        }
        String sender = text(payload.path("sender").get("login"));
        if (sender != null) {
            return new Target("sender-" + sender, sender, "sender.login");
        }
        return new Target("github-" + event, null, GithubDelivery.EVENT);
    }

    /** The owner's login as the full name spells it, so that a stream's key never changes. */
    private static String ownerOf(String fullName) {
        int slash = fullName.indexOf('/');
        return slash > 0 ? fullName.substring(0, slash) : fullName;
    }

    private static @Nullable String accountOf(JsonNode payload) {
        String account = text(payload.path("installation").path("account").get("login"));
        return account != null ? account : text(payload.path("sender").get("login"));
    }

    private static ObjectNode metadata(GithubDelivery delivery) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("event", delivery.event());
        metadata.put("delivery", delivery.delivery());
        putIfPresent(metadata, "hookId", delivery.hookId());
        putIfPresent(metadata, "hookInstallationTargetType", delivery.targetType());
        putIfPresent(metadata, "hookInstallationTargetId", delivery.targetId());
        return metadata;
    }

    private static void putIfPresent(ObjectNode node, String name, @Nullable String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** A non-empty string; null for anything else: GitHub's names and logins are strings. */
    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() && !node.asString().isEmpty() ? node.asString() : null;
    }

    /** An id GitHub sends as a whole number (a string is taken too); null for anything else. */
    private static @Nullable String idOf(@Nullable JsonNode node) {
        return node != null && node.isIntegralNumber() ? node.bigIntegerValue().toString() : text(node);
    }

    /**
     * Where a delivery goes.
     *
     * @param field the payload field (or header) the stream name comes from, named when it is refused
     */
    record Target(String stream, @Nullable String partitionKey, String field) {
    }
}
