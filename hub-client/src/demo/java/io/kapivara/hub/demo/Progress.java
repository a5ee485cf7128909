package io.kapivara.hub.demo;

import java.io.PrintStream;

/**
 * A progress bar such as {@code [#####-----] 164/329 push}. On a terminal it redraws one line;
 * elsewhere (a pipe, a log file) it prints a line at every tenth of the way.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean terminal;
    private int lastTenth = -1;
    private int lastLength;

    Progress(PrintStream out, int total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    /** Progress on the terminal the program runs in, if it runs in one. */
    static Progress onConsole(int total) {
        return new Progress(System.out, total, System.console() != null && System.console().isTerminal());
    }

    /** Shows that {@code done} of the total are finished, the last one labelled {@code label}. */
    void show(int done, String label) {
        String line = line(done, label);
        if (terminal) {
            // Pad over the rest of a longer previous line, then return to the line's start.
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            out.flush();
            lastLength = line.length();
            return;
        }
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth != lastTenth) {
            out.println(line);
            lastTenth = tenth;
        }
    }

    /** Ends the bar's line. */
    void finish() {
        if (terminal && lastLength > 0) {
            out.println();
        }
    }

    String line(int done, String label) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + label;
    }
}
