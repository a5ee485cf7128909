/** The PostgreSQL adapter of the store. */
@NullMarked
package io.kapivara.hub.store.jdbc;

import org.jspecify.annotations.NullMarked;
