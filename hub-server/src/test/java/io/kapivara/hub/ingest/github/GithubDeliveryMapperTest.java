package io.kapivara.hub.ingest.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.kapivara.hub.ingest.github.GithubExamples.Example;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.StorableJson;
import io.kapivara.hub.store.AppendCommand;
import io.kapivara.hub.store.ExpectedVersion;
import io.kapivara.hub.store.StoreLimits;

class GithubDeliveryMapperTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final GithubDeliveryMapper mapper = new GithubDeliveryMapper(new StorableJson(json), StoreLimits.DEFAULTS);

    private static GithubDelivery delivery(String event) {
        return new GithubDelivery(event, UUID.randomUUID().toString(), "42", "repository", "35129377");
    }

    private AppendCommand map(Example example) {
        return mapper.toAppend(delivery(example.event()), example.payload());
    }

    @Test
    void mapsARepositoryDeliveryToTheRepositoryStreamKeyedByItsOwner() {
        // given
        Example push = GithubExamples.first("push", "");

        // when
        AppendCommand command = map(push);

        // then
        assertThat(command.stream()).isEqualTo("Codertocat/Hello-World");
        assertThat(command.partitionKey()).isEqualTo("Codertocat");
        assertThat(command.expectedVersion()).isEqualTo(ExpectedVersion.ANY);
        assertThat(command.events()).singleElement().satisfies(event -> assertThat(event.type()).isEqualTo("push"));
    }

    @Test
    void addsTheActionToTheEventName() {
        assertThat(map(GithubExamples.first("issues", "opened")).events().getFirst().type())
                .isEqualTo("issues.opened");
        assertThat(map(GithubExamples.first("pull_request", "opened")).events().getFirst().type())
                .isEqualTo("pull_request.opened");
        assertThat(map(GithubExamples.first("ping", "")).events().getFirst().type()).isEqualTo("ping");
    }

    @Test
    void takesThePartitionKeyFromTheFullNameEvenWhenTheOwnerFieldDiffers() {
        // given a payload edited so that owner.login and full_name disagree
        Example push = GithubExamples.first("push", "");
        ((ObjectNode) push.payload().path("repository").path("owner")).put("login", "someone-else");

        // when
        AppendCommand command = map(push);

        // then the key follows the stream name, so a stream's key never changes
        assertThat(command.partitionKey()).isEqualTo("Codertocat");
    }

    @Test
    void mapsDeliveriesWithoutARepositoryToOrganizationInstallationSenderOrEventStreams() {
        assertThat(map(GithubExamples.first("organization", "member_added")))
                .satisfies(c -> assertThat(c.stream()).isEqualTo("org-Octocoders"))
                .satisfies(c -> assertThat(c.partitionKey()).isEqualTo("Octocoders"));
        assertThat(map(GithubExamples.first("installation", "created")))
                .satisfies(c -> assertThat(c.stream()).isEqualTo("installation-957387"))
                .satisfies(c -> assertThat(c.partitionKey()).isEqualTo("Codertocat"));
        assertThat(map(GithubExamples.first("marketplace_purchase", "purchased")))
                .satisfies(c -> assertThat(c.stream()).isEqualTo("sender-username"))
                .satisfies(c -> assertThat(c.partitionKey()).isEqualTo("username"));
        assertThat(map(GithubExamples.first("security_advisory", "published")))
                .satisfies(c -> assertThat(c.stream()).isEqualTo("github-security_advisory"))
                .satisfies(c -> assertThat(c.partitionKey()).isNull());
    }

    @Test
    void takesNamesAndLoginsOnlyAsStringsAndTheInstallationIdAsANumber() {
        // given a push whose full name is a number, and an installation delivery as GitHub sends it
        Example push = GithubExamples.first("push", "");
        ((ObjectNode) push.payload().path("repository")).put("full_name", 42);
        ((ObjectNode) push.payload().path("sender")).put("login", 7);
        Example installation = GithubExamples.first("installation", "created");

        // when / then: the number is no repository and no sender, so the push goes to its event's stream
        assertThat(map(push).stream()).isEqualTo("github-push");
        assertThat(map(installation).stream()).isEqualTo("installation-957387");
    }

    @Test
    void prefersTheOrganizationToTheInstallation() {
        // given a team delivery, which names both an organization and an installation
        Example team = GithubExamples.first("team", "created");

        // when / then
        assertThat(map(team).stream()).isEqualTo("org-Octocoders");
    }

    @Test
    void derivesTheEventIdFromTheDeliveryAlone() {
        // given
        Example push = GithubExamples.first("push", "");
        GithubDelivery delivery = delivery("push");

        // when
        AppendCommand first = mapper.toAppend(delivery, push.payload());
        AppendCommand again = mapper.toAppend(delivery, push.payload());
        AppendCommand other = mapper.toAppend(delivery("push"), push.payload());

        // then
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(first.events().getFirst().id())
                .isEqualTo(GithubDeliveryMapper.eventId(delivery.delivery()))
                .isNotEqualTo(other.events().getFirst().id());
        assertThat(first.events().getFirst().id().version()).isEqualTo(5);
    }

    @Test
    void keepsTheDeliveryHeadersAsMetadataAndThePayloadWhole() {
        // given
        Example push = GithubExamples.first("push", "");
        GithubDelivery delivery = delivery("push");

        // when
        var event = mapper.toAppend(delivery, push.payload()).events().getFirst();

        // then
        assertThat(json.readTree(event.metadata().json())).isEqualTo(json.readTree("""
                {"event": "push", "delivery": "%s", "hookId": "42",
                 "hookInstallationTargetType": "repository", "hookInstallationTargetId": "35129377"}
                """.formatted(delivery.delivery())));
        assertThat(json.readTree(event.data().json())).isEqualTo(push.payload());
    }

    @Test
    void mapsEverySampleDeliveryToNamesTheStoreAccepts() {
        for (Example example : GithubExamples.sample()) {
            AppendCommand command = map(example);

            StoreLimits.DEFAULTS.check(command);
            assertThat(command.events().getFirst().type()).startsWith(example.event());
        }
    }

    @Test
    void refusesAPayloadThatIsNoObject() {
        assertThatThrownBy(() -> mapper.toAppend(delivery("push"), json.readTree("[1, 2]")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("payload"));
    }

    @Test
    void refusesAnEventNameWithWhitespace() {
        assertThatThrownBy(() -> mapper.toAppend(delivery("pu sh"), GithubExamples.first("push", "").payload()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("X-GitHub-Event"));
    }
}
