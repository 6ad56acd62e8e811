package org.nomina.app.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.nomina.app.register.Register;
import org.nomina.store.BadInputException;
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

    private Register register;

    /**
     * The register this run uses, opened (and migrated) on first use and closed when the command ends;
     * its search index, beside the database, is opened only by a command that needs it.
     */
    Register register() {
        return register(Register.indexDirectoryFor(databaseUrl()));
    }

    /** {@link #register()} with the search index in {@code indexDirectory}. */
    Register register(Path indexDirectory) {
        if (register == null) {
            register = Register.openForCommand(databaseUrl(), indexDirectory);
        }
        return register;
    }

    /** Who acts, for the ledger: the name given (--actor, --reviewer), else the login name. */
    static String actor(String given) {
        return given != null ? given : System.getProperty("user.name", "unknown");
    }

    String databaseUrl() {
        return Optional.ofNullable(db).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("NOMINA_DB")).filter(s -> !s.isBlank()))
                .orElseGet(Register::defaultUrl);
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        NominaCommand nomina = new NominaCommand();
        CommandLine cl = new CommandLine(nomina);
        // Every command writes through picocli's streams (Output), in the encoding the JVM's own streams use.
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, System.out.charset()), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable t = ex;
            if (t instanceof CommandLine.ParameterException pe) {
                throw pe;
            }
            if (t instanceof BadInputException bad) {
                err.println("nomina: " + bad.message(field -> asOption(commandLine, field)));
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
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
            if (nomina.register != null) {
                nomina.register.close();
            }
        }
    }

    /**
     * A field an error names, as this command line asks for it: {@code parent} is {@code --parent} to
     * {@code incident add}, and stays {@code parent} to a command without that option.
     */
    private static String asOption(CommandLine commandLine, String field) {
        String option = "--" + field.replace('_', '-');
        return commandLine.getCommandSpec().findOption(option) != null ? option : field;
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
