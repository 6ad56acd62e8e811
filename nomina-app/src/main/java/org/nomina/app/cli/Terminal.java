package org.nomina.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;

/**
 * Progress bars on stderr, drawn only when stderr is a terminal, at most five times a second, so logs
 * and pipes get no control characters and a million-row import does not spend its time drawing.
 */
public final class Terminal {
    private static final boolean INTERACTIVE = detect();
    private final PrintWriter err;
    private long lastDraw;
    private boolean drawn;

    public Terminal(PrintWriter err) {
        this.err = err;
    }

    private static boolean detect() {
        if (System.getenv("NOMINA_PROGRESS") != null) {
            return !System.getenv("NOMINA_PROGRESS").equals("0");
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Console.isTerminal() exists from Java 22; on 21 a non-null console already means a terminal.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Draws {@code label [#####.....] 42% detail}; total ≤ 0 draws a counter without a bar. */
    public void progress(String label, long done, long total, String detail) {
        if (!INTERACTIVE) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < 200_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        drawn = true;
        StringBuilder line = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, width * done / Math.max(1, total));
            line.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ")
                    .append(String.format("%3d%%", (int) (100 * done / Math.max(1, total))));
        }
        line.append(' ').append(detail).append("\u001b[K");
        err.print(line);
        err.flush();
    }

    /** A progress of the register's work, drawn as {@code label [####....] 42% stage}. */
    public org.nomina.app.register.Progress bar(String label) {
        return (stage, done, total) -> progress(label, done, total, stage);
    }

    /** Ends the bar's line, if one was drawn. */
    public void done() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
