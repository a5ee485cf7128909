/**
 * The dashboard's ports implemented in-process: reads through the store's and the bus's query use
 * cases, operator actions through the bus's {@code OperatorService}, and the per-node lag samples
 * behind the owners' lag charts.
 */
@NullMarked
package io.kapivara.hub.app.dashboard;

import org.jspecify.annotations.NullMarked;
