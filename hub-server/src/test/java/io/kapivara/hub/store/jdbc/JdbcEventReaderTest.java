package io.kapivara.hub.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcEventReaderTest {

    @Test
    void theSuccessorOfAPrefixRaisesItsLastCodePoint() {
        assertThat(JdbcEventReader.successor("order-")).isEqualTo("order.");
        assertThat(JdbcEventReader.successor("a")).isEqualTo("b");
        assertThat(JdbcEventReader.successor("x\uD7FF")).isEqualTo("x\uE000");
        assertThat(JdbcEventReader.successor("x\uD83D\uDE00")).isEqualTo("x\uD83D\uDE01");
    }

    @Test
    void theSuccessorDropsTrailingHighestCodePoints() {
        String highest = new String(Character.toChars(Character.MAX_CODE_POINT));
        assertThat(JdbcEventReader.successor("ab" + highest + highest)).isEqualTo("ac");
        assertThat(JdbcEventReader.successor(highest)).isNull();
        assertThat(JdbcEventReader.successor("")).isNull();
    }
}
