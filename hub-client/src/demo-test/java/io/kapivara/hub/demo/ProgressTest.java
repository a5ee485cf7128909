package io.kapivara.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void fillsTheBarInProportionToWhatIsDone() {
        // given
        Progress progress = new Progress(out, 329, false);

        // then
        assertThat(progress.line(164, "push")).isEqualTo("[##############----------------] 164/329 push");
        assertThat(progress.line(329, "ping")).isEqualTo("[##############################] 329/329 ping");
        assertThat(progress.line(0, "")).startsWith("[------------------------------] 0/329");
    }

    @Test
    void printsALineAtEveryTenthWhenNotOnATerminal() {
        // given
        Progress progress = new Progress(out, 100, false);

        // when
        for (int done = 1; done <= 100; done++) {
            progress.show(done, "push");
        }
        progress.finish();

        // then
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(11).first().asString().startsWith("[------------------------------] 1/100");
        assertThat(text).doesNotContain("\r");
    }

    @Test
    void redrawsOneLineOnATerminalAndEndsIt() {
        // given
        Progress progress = new Progress(out, 3, true);

        // when
        progress.show(1, "pull_request.opened");
        progress.show(2, "push");
        progress.show(3, "ping");
        progress.finish();

        // then
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r[").endsWith("\n").containsOnlyOnce("\n");
        assertThat(text.split("\r")).hasSize(4);
        // a shorter label is padded, so nothing of the longer one before it stays on screen
        assertThat(text).contains("2/3 push" + " ".repeat("pull_request.opened".length() - "push".length()));
    }
}
