package io.kapivara.hub.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which events an owner wants: an event passes when its type is among {@code types} and its
 * stream's category among {@code categories}; an empty or absent list lets everything through.
 */
public record Filter(@Nullable List<String> types, @Nullable List<String> categories) {
}
