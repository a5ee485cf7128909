/** Wiring and settings of hub-server. */
@NullMarked
package io.kapivara.hub.app;

import org.jspecify.annotations.NullMarked;
