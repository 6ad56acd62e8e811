package org.nomina.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code nomina} in this JVM with stdout and stderr captured, restoring both afterwards. */
final class InProcess {

    /** What one run left: its exit code and everything it printed on each stream. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private InProcess() {
    }

    /** {@link #run} with {@code --db url}. */
    static Result runOn(String url, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = url;
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    /** {@link #run} with {@code --db} an H2 database in {@code folder} (a test's own), so nothing is written elsewhere. */
    static Result runWithDatabaseIn(java.nio.file.Path folder, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = org.nomina.store.Database.h2Url(folder.resolve("db"));
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    /** Not re-entrant: System.out and System.err are global, so runs are serialised. */
    static synchronized Result run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            exitCode = NominaCommand.run(args);
            capturedOut.flush();
            capturedErr.flush();
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
