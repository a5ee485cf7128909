/** The PostgreSQL adapter of the bus. */
@NullMarked
package io.kapivara.hub.bus.jdbc;

import org.jspecify.annotations.NullMarked;
