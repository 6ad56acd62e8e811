package org.nomina.app;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.nomina.app.cli.NominaCommand;

/** Entry point of the {@code nomina} command. */
public final class Main {
    /**
     * Lucene logs at WARNING, on every start, that it could use the JDK's incubating vector module; nothing a user can
     * act on (enabling it prints the JDK's own incubator warning instead), so only its errors are shown. Held in a field:
     * the logging framework keeps loggers weakly, and a collected logger forgets its level.
     */
    private static final Logger LUCENE_VECTORS = Logger.getLogger("org.apache.lucene.internal.vectorization");

    private Main() {
    }

    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(Level.SEVERE);
        System.exit(NominaCommand.run(args));
    }
}
