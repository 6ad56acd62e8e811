package org.nomina.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nomina.engine.linkage.CappedBlock;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.linkage.LinkageException;
import org.nomina.engine.linkage.RuleCount;
import org.nomina.store.BadInputException;
import org.nomina.app.register.Register;
import org.nomina.store.linkage.RegisterLinker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Links all source records into persons (Fellegi–Sunter with EM, unsupervised).",
            "Human decisions (nomina review decide) are always honoured; person ids are kept where clusters persist."})
final class LinkCommand implements Callable<Integer> {
    @ParentCommand
    NominaCommand parent;

    @Option(names = "--config", paramLabel = "FILE", description = "Linkage configuration (YAML): comparisons, blocking, thresholds; default: the victim schema's")
    Path config;

    @Mixin
    ActorOption actor;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        LinkageConfig cfg = load(config);
        Terminal terminal = new Terminal(report.err());
        RegisterLinker.Outcome o = parent.register().link(cfg, actor.name(),
                (stage, done, total) -> terminal.progress(String.format("%-9s", stage), done, total, ""));
        terminal.done();
        // Written now so that the first `figures` after a link reads short rows, not every record again.
        long started = System.nanoTime();
        String figures = parent.register().refreshFigures();
        report.note("figures: %s in %.2f s", figures, (System.nanoTime() - started) / 1e9);
        report.report(() -> report(o), out -> out.text(text(o)));
        return 0;
    }

    static LinkageConfig load(Path file) {
        if (file == null) {
            return LinkageConfig.defaults();
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException("--config " + file + ": no such readable file");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
            return LinkageConfig.fromMap(map == null ? Map.of() : map);
        } catch (IOException e) {
            throw new BadInputException("--config " + file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (LinkageException | IllegalArgumentException e) {
            throw new BadInputException("--config " + file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> report(RegisterLinker.Outcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", o.records());
        out.put("candidate_pairs", o.result().candidatePairs());
        Map<String, Object> rules = new LinkedHashMap<>();
        for (RuleCount r : o.result().ruleCounts()) {
            rules.put(r.rule(), Map.of("generated", r.generated(), "new", r.newPairs()));
        }
        out.put("candidate_pairs_by_rule", rules);
        out.put("capped_blocks", o.result().cappedBlocks());
        out.put("matches", o.matches());
        out.put("review_pairs", o.reviewPairs());
        out.put("human_decisions", o.humanDecisions());
        out.put("persons", o.persons());
        out.put("new_persons", o.newPersons());
        out.put("retired_persons", o.retiredPersons());
        out.put("seconds", Math.round(o.seconds() * 1000) / 1000.0);
        RegisterLinker.Writes w = o.writes();
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("persons_inserted", w.personsInserted());
        written.put("persons_updated", w.personsUpdated());
        written.put("persons_retired", w.personsRetired());
        written.put("memberships_inserted", w.membershipsInserted());
        written.put("memberships_moved", w.membershipsMoved());
        written.put("pairs_written", w.pairsWritten());
        written.put("pairs_deleted", w.pairsDeleted());
        out.put("rows_written", written);
        Map<String, Long> stages = new LinkedHashMap<>(o.storeMillis());
        stages.putAll(o.result().stageMillis());
        out.put("stage_millis", stages);
        out.put("model", o.result().model());
        out.put("run", o.runId());
        return out;
    }

    private static String text(RegisterLinker.Outcome o) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("Linked %,d source records into %,d persons in %.1f s (%,d new, %,d retired).%n", o.records(), o.persons(),
                o.seconds(), o.newPersons(), o.retiredPersons()));
        s.append(String.format("%,d candidate pairs compared; %,d linked automatically, %,d await review (nomina review list); %,d human decisions honoured.%n",
                o.result().candidatePairs(), o.matches(), o.reviewPairs(), o.humanDecisions()));
        if (o.reviewPairs() > Register.MAX_REVIEW_STORED) {
            s.append(String.format("Only the %,d most probable review pairs are kept in the queue.%n", Register.MAX_REVIEW_STORED));
        }
        s.append("Candidate pairs by blocking rule:\n");
        for (RuleCount r : o.result().ruleCounts()) {
            s.append(String.format("  %-34s %,12d (%,d new)%n", r.rule(), r.generated(), r.newPairs()));
        }
        for (CappedBlock c : o.result().cappedBlocks()) {
            s.append(String.format("  capped: rule %s, key '%s' has %,d records; split by sorted neighbourhood into %,d pairs%n",
                    c.rule(), c.key(), c.size(), c.pairs()));
        }
        s.append(String.format("Model: prior match probability among candidates %.4f%n", o.result().model().lambda()));
        o.result().model().fields().forEach(f -> {
            s.append("  ").append(f.field()).append(':');
            f.levels().forEach(l -> s.append(String.format(" %s %+.1f", l.label(), l.weight())));
            s.append('\n');
        });
        s.append("Stages (ms): ").append(o.storeMillis()).append(' ').append(o.result().stageMillis()).append('\n');
        return s.toString();
    }
}
