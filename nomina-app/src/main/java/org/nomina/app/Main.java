package org.nomina.app;

import org.nomina.app.cli.NominaCommand;

/** Entry point of the {@code nomina} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(NominaCommand.run(args));
    }
}
