package org.nomina.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;

/**
 * A command that only groups subcommands ({@code nomina user add|list|disable}): said alone, it is bad
 * usage (exit 2) with the subcommands to say. Its subcommands reach the register through {@link #register()}.
 */
abstract class CommandGroup implements Runnable {
    @ParentCommand
    NominaCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What to say instead, e.g. {@code say list (see nomina audit --help)}. */
    abstract String usage();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), usage());
    }

    org.nomina.app.register.Register register() {
        return parent.register();
    }
}
