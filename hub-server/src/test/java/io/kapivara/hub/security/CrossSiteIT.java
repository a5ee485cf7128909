package io.kapivara.hub.security;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/**
 * A page on another site cannot act on the hub through a visitor's browser: a request that may
 * change state is refused when the browser says it comes from elsewhere, and passes when it comes
 * from the hub's own pages or from no browser at all.
 */
@HubServerTest
class CrossSiteIT {

    @LocalServerPort
    int port;

    BusCalls bus;

    @BeforeEach
    void client() {
        bus = new BusCalls(port);
    }

    private String ownOrigin() {
        return "http://127.0.0.1:" + port;
    }

    private HubHttp.Response send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ownOrigin() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return bus.http().send(request);
    }

    private String ownerWithSubscription() {
        String owner = uniqueOwner();
        bus.subscribe(owner, "node-a");
        return owner;
    }

    private static String pause(String owner) {
        return "/api/owners/" + path(owner) + "/pause";
    }

    private static void assertCrossSiteProblem(HubHttp.Response response, String header, String value) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("urn:kapivara:hub:problem:cross-site-request");
        assertThat(problem.path("title").asString()).isEqualTo("Cross site request");
        assertThat(problem.path("header").asString()).isEqualTo(header);
        assertThat(problem.path("value").asString()).isEqualTo(value);
        assertThat(problem.path("rule").asString()).contains("own origin");
        assertThat(problem.path("detail").asString()).startsWith(problem.path("rule").asString())
                .contains("[" + value + "]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://attacker.example", "http://127.0.0.1", "http://127.0.0.1:1",
            "https://127.0.0.1", "http://localhost", "http://127.0.0.1.attacker.example", "not an origin"})
    void refusesAPauseFromAPageOfAnotherOriginAndLeavesTheOwnerRunning(String origin) {
        // given
        String owner = ownerWithSubscription();

        // when
        HubHttp.Response response = send("POST", pause(owner), "Origin", origin);

        // then
        assertCrossSiteProblem(response, "Origin", origin);
        assertThat(response.json().path("expected").asString()).isEqualTo(ownOrigin());
        assertThat(response.json().path("instance").asString()).isEqualTo(pause(owner));
        assertThat(bus.owner(owner).path("paused").asBoolean()).isFalse();
    }

    @Test
    void refusesARequestWhoseOriginIsNull() {
        // given: a sandboxed frame or a page opened from a file sends the origin null
        String owner = ownerWithSubscription();

        // when
        HubHttp.Response response = send("POST", pause(owner), "Origin", "null");

        // then
        assertCrossSiteProblem(response, "Origin", "null");
        assertThat(bus.owner(owner).path("paused").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site", "Cross-Site"})
    void refusesARequestTheBrowserMarksAsFromAnotherSite(String site) {
        // given
        String owner = ownerWithSubscription();

        // when
        HubHttp.Response response = send("POST", pause(owner), "Sec-Fetch-Site", site);

        // then
        assertCrossSiteProblem(response, "Sec-Fetch-Site", site);
        assertThat(bus.owner(owner).path("paused").asBoolean()).isFalse();
    }

    @Test
    void refusesARequestNamingItsOwnOriginAndAnotherOne() {
        // given
        String owner = ownerWithSubscription();

        // when the header comes twice, the hub's own origin first
        HubHttp.Response origins = send("POST", pause(owner), "Origin", ownOrigin(),
                "Origin", "https://attacker.example");
        HubHttp.Response sites = send("POST", pause(owner), "Sec-Fetch-Site", "same-origin",
                "Sec-Fetch-Site", "cross-site");

        // then
        assertCrossSiteProblem(origins, "Origin", "https://attacker.example");
        assertCrossSiteProblem(sites, "Sec-Fetch-Site", "cross-site");
        assertThat(bus.owner(owner).path("paused").asBoolean()).isFalse();
    }

    @Test
    void refusesEveryMethodThatMayChangeState() {
        // given
        String owner = ownerWithSubscription();
        String subscription = "/api/owners/" + path(owner) + "/subscriptions/node-a";
        String another = "/api/owners/" + path(uniqueOwner());

        // when
        HubHttp.Response leave = send("DELETE", subscription, "Origin", "https://attacker.example");
        HubHttp.Response create = send("PUT", another, "Origin", "https://attacker.example");

        // then
        assertCrossSiteProblem(leave, "Origin", "https://attacker.example");
        assertCrossSiteProblem(create, "Origin", "https://attacker.example");
        assertThat(bus.heartbeat(owner, "node-a").status()).isEqualTo(200);
        assertThat(bus.http().get(another).status()).isEqualTo(404);
    }

    @Test
    void refusesADashboardActionFromAPageOfAnotherOrigin() {
        // given
        String owner = ownerWithSubscription();

        // when
        HubHttp.Response response = send("POST", "/owners/" + path(owner) + "/actions/pause",
                "Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site");

        // then
        assertCrossSiteProblem(response, "Origin", "https://attacker.example");
        assertThat(bus.owner(owner).path("paused").asBoolean()).isFalse();
    }

    @Test
    void refusesADashboardActionWithoutItsFormTokenSayingWhy() {
        // given
        String owner = ownerWithSubscription();

        // when a same-origin action comes without the token its page's form carries
        HubHttp.Response response = send("POST", "/owners/" + path(owner) + "/actions/pause", "Origin", ownOrigin());

        // then
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:kapivara:hub:problem:forbidden");
        assertThat(response.json().path("rule").asString()).contains("form token").contains("reload the page");
        assertThat(bus.owner(owner).path("paused").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HTTP://127.0.0.1:"})
    void passesARequestFromTheHubsOwnOrigin(String spelling) {
        // given: the origin as browsers send it, or in capitals
        String origin = spelling.isEmpty() ? ownOrigin() : spelling + port;
        String owner = ownerWithSubscription();

        // when
        HubHttp.Response response = send("POST", pause(owner), "Origin", origin, "Sec-Fetch-Site", "same-origin");

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(bus.owner(owner).path("paused").asBoolean()).isTrue();
    }

    @Test
    void passesARequestWithoutOriginAsProgramsSendIt() {
        // given
        String owner = ownerWithSubscription();

        // when
        HubHttp.Response response = send("POST", pause(owner));

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(bus.owner(owner).path("paused").asBoolean()).isTrue();
    }

    @Test
    void passesAReadFromAPageOfAnotherOrigin() {
        // given
        String owner = ownerWithSubscription();

        // when
        HubHttp.Response response = send("GET", "/api/owners/" + path(owner),
                "Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("owner").asString()).isEqualTo(owner);
    }
}
