package io.kapivara.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final byte[] BODY = "{}".getBytes();

    @Test
    void givesAnExampleTheSameDeliveryIdOnEveryRun() {
        // given
        Delivery push = new Delivery("push", 0, "", BODY);

        // when
        UUID id = push.deliveryId();

        // then: changing this id would make the next run store every delivery a second time
        assertThat(id).isEqualTo(UUID.fromString("91dd3698-0fd9-39d2-b1c9-d40e866d4e1c"));
        assertThat(id.version()).isEqualTo(3);
        assertThat(new Delivery("push", 0, "", "{\"other\":1}".getBytes()).deliveryId()).isEqualTo(id);
    }

    @Test
    void givesEveryEventAndIndexADeliveryIdOfItsOwn() {
        assertThat(new Delivery("push", 1, "", BODY).deliveryId())
                .isNotEqualTo(new Delivery("push", 0, "", BODY).deliveryId())
                .isNotEqualTo(new Delivery("ping", 1, "", BODY).deliveryId());
    }

    @Test
    void namesTheTypeTheHubStoresWithTheActionWhenThereIsOne() {
        assertThat(new Delivery("issues", 0, "opened", BODY).type()).isEqualTo("issues.opened");
        assertThat(new Delivery("push", 0, "", BODY).type()).isEqualTo("push");
    }
}
