/**
 * The dashboard's ports: what it shows ({@link io.kapivara.hub.dashboard.DashboardQueries}) and
 * what operators do from it ({@link io.kapivara.hub.dashboard.OperatorActions}), typed with
 * hub-client's wire model. hub-server implements them in-process; the dashboard knows nothing else
 * of the hub.
 */
@NullMarked
package io.kapivara.hub.dashboard;

import org.jspecify.annotations.NullMarked;
