package org.nomina.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nomina.app.register.Register;
import org.nomina.store.search.RegisterIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"The register's search index (Apache Lucene), kept beside the database. A running nomina serve",
            "keeps it current itself after imports and links; rebuild it by hand after restoring a backup."},
        subcommands = {IndexCommand.Rebuild.class})
final class IndexCommand implements Runnable {
    @ParentCommand
    NominaCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say rebuild (see nomina index --help)");
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true, description = "Rebuilds the search index from the database.")
    static final class Rebuild implements Callable<Integer> {
        @ParentCommand
        IndexCommand index;

        @Option(names = "--index", paramLabel = "DIR", description = "The index's directory (default: beside an H2 database, else ./nomina-index/)")
        Path dir;

        @Option(names = "--json", description = "Print one JSON document on stdout")
        boolean json;

        @Override
        public Integer call() {
            String url = index.parent.databaseUrl();
            Path where = dir == null ? Register.indexDirectoryFor(url) : dir;
            long started = System.nanoTime();
            System.err.println("Rebuilding the search index in " + where + " …");
            long persons;
            try (RegisterIndex idx = RegisterIndex.open(where)) {
                persons = idx.rebuild(index.parent.database());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("index", where.toAbsolutePath().toString());
                out.put("persons", persons);
                out.put("seconds", seconds);
                System.out.println(Json.write(out));
            } else {
                System.out.printf("Indexed %,d persons in %s (%.1f s).%n", persons, where.toAbsolutePath(), seconds);
            }
            return 0;
        }
    }
}
