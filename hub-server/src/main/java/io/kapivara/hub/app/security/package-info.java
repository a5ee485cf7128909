/**
 * Access control: bearer API tokens with roles for the HTTP API, a login for the dashboard, and
 * loopback-only binding when no token is configured.
 */
@NullMarked
package io.kapivara.hub.app.security;

import org.jspecify.annotations.NullMarked;
