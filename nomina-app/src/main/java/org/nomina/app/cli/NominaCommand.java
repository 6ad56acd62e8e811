package org.nomina.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code nomina [--db JDBC_URL] COMMAND …}. Exit codes: 0 success, 1 the work failed, 2 bad usage or input.
 */
@Command(name = "nomina",
        mixinStandardHelpOptions = true,
        version = "nomina 0.1.0",
        description = {"Nomina builds one register of the victims of a mass atrocity from many lists,",
            "counts them with sources, estimates the undocumented and publishes a memorial.", ""},
        subcommands = {ImportCommand.class, LinkCommand.class, ReviewCommand.class, StatsCommand.class, ExportCommand.class, EstimateCommand.class, EvaluateCommand.class, VerifyCommand.class, DemoCommand.class,
            GenerateCommand.class, IncidentCommand.class, FiguresCommand.class, PersonCommand.class, ClaimsCommand.class, ServeCommand.class, UserCommand.class, AuditCommand.class, IndexCommand.class, PublishCommand.class, TokenCommand.class, ReportCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Database: --db, else the NOMINA_DB environment variable, else an H2 file under ./nomina-data/.",
            "Exit codes: 0 success, 1 the work failed, 2 bad usage or input."})
public final class NominaCommand implements Runnable {

    @Option(names = "--db", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "Database to use, e.g. jdbc:postgresql://localhost/nomina?user=u&password=p (default: NOMINA_DB, else ./nomina-data/)")
    String db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. nomina import FILE --source NAME (see nomina --help)");
    }

    /** The database this run uses, opened and migrated. */
    Database database() {
        return Database.open(databaseUrl());
    }

    String databaseUrl() {
        return Optional.ofNullable(db).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("NOMINA_DB")).filter(s -> !s.isBlank()))
                .orElseGet(() -> Database.h2Url(Path.of(Database.DEFAULT_DIRECTORY)));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new NominaCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable t = ex;
            if (t instanceof CommandLine.ParameterException pe) {
                throw pe;
            }
            if (t instanceof BadInputException) {
                err.println("nomina: " + t.getMessage());
                err.flush();
                return 2;
            }
            err.println("nomina: failed: " + describe(t));
            if (System.getenv("NOMINA_DEBUG") != null) {
                t.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        Throwable cause = t.getCause();
        while ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
            cause = cause.getCause();
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
