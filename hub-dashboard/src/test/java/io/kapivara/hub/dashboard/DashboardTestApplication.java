package io.kapivara.hub.dashboard;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration the dashboard's web tests start from; hub-server is the real application. */
@SpringBootApplication
public class DashboardTestApplication {
}
