package org.nomina.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nomina.app.register.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"The register's search index (Apache Lucene), kept beside the database. A running nomina serve",
            "keeps it current itself after imports and links; rebuild it by hand after restoring a backup."},
        subcommands = {IndexCommand.Rebuild.class})
final class IndexCommand extends CommandGroup {
    @Override
    String usage() {
        return "say rebuild (see nomina index --help)";
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true, description = "Rebuilds the search index from the database.")
    static final class Rebuild implements Callable<Integer> {
        @ParentCommand
        IndexCommand index;

        @Option(names = "--index", paramLabel = "DIR", description = "The index's directory (default: beside an H2 database, else ./nomina-index/)")
        Path dir;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            Path where = dir == null ? Register.indexDirectoryFor(index.parent.databaseUrl()) : dir;
            long started = System.nanoTime();
            report.note("Rebuilding the search index in %s …", where);
            long persons = index.parent.register(where).rebuildIndex();
            double seconds = (System.nanoTime() - started) / 1e9;
            report.report(() -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("index", where.toAbsolutePath().toString());
                out.put("persons", persons);
                out.put("seconds", seconds);
                return out;
            }, out -> out.line("Indexed %,d persons in %s (%.1f s).", persons, where.toAbsolutePath(), seconds));
            return 0;
        }
    }
}
