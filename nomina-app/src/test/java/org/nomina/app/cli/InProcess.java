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

    /**
     * Shuts down the embedded H2 database a run used ({@code --db}, or the demo's {@code --dir}), as the end of a real
     * process would: with DB_CLOSE_DELAY=-1 H2 keeps it open in this JVM, and with AUTO_SERVER its watchdog rewrites
     * {@code nomina.lock.db} every second even after it was deleted (checked: back within 3 s), so a test's temporary
     * folder deleted after the run could fail on a lock file that came back (CI of stop 20: "Failed to close
     * extension context"). Test code only: the product leaves closing to the JVM's exit, as H2 is tested to do.
     */
    private static void releaseDatabaseOf(String[] args) {
        String url = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--db")) {
                url = args[i + 1];
            } else if (args[i].equals("--dir") && java.util.Arrays.asList(args).contains("demo")) {
                url = org.nomina.store.Database.h2Url(java.nio.file.Path.of(args[i + 1]).resolve("db"));
            }
        }
        if (url != null && url.startsWith("jdbc:h2:file:")
                && java.nio.file.Files.exists(java.nio.file.Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db"))) {
            TestRegisters.releaseEmbedded(url + ";IFEXISTS=TRUE");
        }
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
            releaseDatabaseOf(args);
        }
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
