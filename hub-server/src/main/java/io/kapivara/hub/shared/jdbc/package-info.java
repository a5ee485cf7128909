/** Helpers every JDBC adapter shares. */
@NullMarked
package io.kapivara.hub.shared.jdbc;

import org.jspecify.annotations.NullMarked;
