/** The HTTP adapter of the store: append and read under {@code /api}. */
@NullMarked
package io.kapivara.hub.store.web;

import org.jspecify.annotations.NullMarked;
