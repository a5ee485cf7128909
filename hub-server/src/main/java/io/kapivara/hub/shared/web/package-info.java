/** Helpers every HTTP adapter shares: reading JSON bodies by the store's rules. */
@NullMarked
package io.kapivara.hub.shared.web;

import org.jspecify.annotations.NullMarked;
