/**
 * The embedded PostgreSQL that hub-server starts when no database is configured, so that one
 * command runs the whole product.
 */
@NullMarked
package io.kapivara.hub.app.embedded;

import org.jspecify.annotations.NullMarked;
