package io.kapivara.hub.app.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.kapivara.hub.app.HubSettings;
import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.bus.OperatorService;
import io.kapivara.hub.dashboard.DashboardQueries;
import io.kapivara.hub.dashboard.OperatorActions;
import io.kapivara.hub.store.StoreQueries;

/** Wires the dashboard's ports to the hub's use cases in this process. */
@Configuration(proxyBeanMethods = false)
class DashboardAdapterConfiguration {

    @Bean(destroyMethod = "close")
    LagSampler lagSampler(BusQueries bus, HubSettings settings) {
        HubSettings.Dashboard dashboard = settings.dashboard();
        return new LagSampler(bus, dashboard.lagSampleInterval(), dashboard.lagSamples());
    }

    @Bean
    DashboardQueries dashboardQueries(StoreQueries store, BusQueries bus, LagSampler lag) {
        return new HubDashboardQueries(store, bus, lag);
    }

    @Bean
    OperatorActions operatorActions(OperatorService operators, BusQueries bus) {
        return new HubOperatorActions(operators, bus);
    }
}
