/**
 * The wire model of the hub's HTTP API: records of the JSON that the server sends and receives.
 * The server's web adapter speaks these same records, so client and server cannot drift apart.
 */
@NullMarked
package io.kapivara.hub.client.model;

import org.jspecify.annotations.NullMarked;
