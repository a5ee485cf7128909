/**
 * The performance benchmark: hub-server as a separate process against PostgreSQL, measured side
 * by side with plain JDBC on the same tables. {@link io.kapivara.hub.bench.Benchmark} runs it;
 * see docs/performance.md for the command and what each figure means.
 */
@NullMarked
package io.kapivara.hub.bench;

import org.jspecify.annotations.NullMarked;
