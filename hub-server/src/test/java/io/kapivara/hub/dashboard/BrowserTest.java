package io.kapivara.hub.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kapivara.hub.testing.Browser;
import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubServerTest;

/**
 * A dashboard test in a real browser against a running hub: one headless Chromium per test class,
 * opened before its first test and closed after its last, and the hub's API for making data.
 */
@HubServerTest
abstract class BrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    BusCalls bus;

    @BeforeEach
    void openBrowser() {
        bus = new BusCalls(port);
        if (browser == null) {
            browser = Browser.open(port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
