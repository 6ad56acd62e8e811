package org.nomina.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code --actor NAME}: who acts, the name the ledger records ({@code @Mixin ActorOption actor}). */
@Command
final class ActorOption {
    @Option(names = "--actor", paramLabel = "NAME", description = "Who acts, for the ledger (default: the login name)")
    String given;

    /** The name given, else the login name. */
    String name() {
        return NominaCommand.actor(given);
    }
}
