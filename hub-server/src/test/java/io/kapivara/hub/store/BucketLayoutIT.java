package io.kapivara.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kapivara.hub.client.BucketFunction;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
class BucketLayoutIT {

    @Autowired
    BucketLayout layout;

    @Autowired
    BucketCount buckets;

    @Autowired
    AppendService appends;

    @Test
    void keepsTheBucketCountOfTheFirstStart() {
        assertThat(layout.establish(null, 99)).isEqualTo(buckets.count());
        assertThat(layout.establish(buckets.count(), 99)).isEqualTo(buckets.count());
    }

    @Test
    void stopsAStartThatAsksForAnotherBucketCount() {
        assertThatThrownBy(() -> layout.establish(buckets.count() * 2, 16))
                .isInstanceOf(BucketCountMismatchException.class)
                .hasMessageContaining("[" + buckets.count() + "]")
                .hasMessageContaining("hub.buckets");
    }

    @Test
    void putsAStreamInTheBucketOfTheDocumentedFunction() {
        String stream = HubHttp.uniqueStream("hash");
        String tenant = "tenant-" + stream;

        AppendResult byName = appends.append(command(stream, null));
        AppendResult byKey = appends.append(command(HubHttp.uniqueStream("keyed"), tenant));

        assertThat(byName.bucket()).isEqualTo(BucketFunction.bucketOf(stream, buckets.count()));
        assertThat(byKey.bucket()).isEqualTo(BucketFunction.bucketOf(tenant, buckets.count()));
    }

    @Test
    void agreesWithThePublishedVectors() {
        assertThat(BucketFunction.bucketOf("order-42", 16)).isEqualTo(14);
        assertThat(BucketFunction.bucketOf("日本語", 16)).isEqualTo(7);
        assertThat(BucketFunction.bucketOf("🦫", 4096)).isEqualTo(1528);
        assertThat(BucketFunction.bucketOf("café", 4096)).isEqualTo(3848);
        assertThat(BucketFunction.bucketOf("", 16)).isZero();
    }

    private static AppendCommand command(String stream, String partitionKey) {
        return new AppendCommand(stream, ExpectedVersion.ANY, partitionKey,
                java.util.List.of(new NewEvent(java.util.UUID.randomUUID(), "t", new JsonText("1"), null)));
    }
}
