package io.kapivara.hub.store;

import java.util.Objects;

/**
 * A JSON document as text, already checked to be well formed and storable by the event log.
 *
 * <p>The store treats event data and metadata as opaque documents; only the adapters parse them.
 */
public record JsonText(String json) {

    public JsonText {
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
        return json;
    }
}
