/**
 * The demo replayer: real GitHub webhook deliveries sent into a running hub through its GitHub
 * adapter. Built and run only with the Maven profile {@code demo}; not part of the client library.
 */
@NullMarked
package io.kapivara.hub.demo;

import org.jspecify.annotations.NullMarked;
