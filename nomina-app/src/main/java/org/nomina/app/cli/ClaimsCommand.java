package org.nomina.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.nomina.engine.claims.ClaimCategory;
import org.nomina.app.register.ClaimsDocument;
import org.nomina.engine.claims.ClaimComparison;
import org.nomina.engine.claims.ClaimLanguage;
import org.nomina.engine.claims.Qualifier;
import org.nomina.engine.claims.Subgroup;
import org.nomina.app.register.Claims;
import org.nomina.store.BadInputException;
import org.nomina.store.claims.ClaimEdit;
import org.nomina.store.claims.ClaimImportResult;
import org.nomina.store.claims.ClaimRequest;
import org.nomina.store.claims.StoredClaim;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "claims", mixinStandardHelpOptions = true,
        description = {"Reads the figures a statement, report or press text gives about people (killed, injured, missing, hostages …),",
            "in English, Russian, Azerbaijani or Armenian, and stores the text verbatim with them as a new version of a source.",
            "FILE: .txt in any common encoding, .docx, .html, or a .pdf with a text layer.",
            "Reading the same file into the same source again is reported, not repeated."},
        subcommands = {ClaimsCommand.ListClaims.class, ClaimsCommand.Edit.class, ClaimsCommand.Reject.class, ClaimsCommand.Assign.class,
            ClaimsCommand.Compare.class})
final class ClaimsCommand implements Callable<Integer> {
    @ParentCommand
    NominaCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The text to read")
    Path file;

    @Option(names = "--source", paramLabel = "NAME", description = "The source the text is a version of, e.g. \"Ministry statement\"")
    String source;

    @Option(names = "--kind", defaultValue = "statement", paramLabel = "KIND",
            description = "statement, report or media (default: ${DEFAULT-VALUE}); a new source gets this kind")
    String kind;

    @Option(names = "--incident", paramLabel = "NAME",
            description = "The register incident the text is about: its figures get this label and the incident (created if new)")
    String incident;

    @Option(names = "--language", defaultValue = "auto", paramLabel = "LANG", description = "auto, en, ru, az or hy (default: ${DEFAULT-VALUE})")
    String language;

    @Option(names = "--encoding", paramLabel = "E", description = "A .txt file's encoding, e.g. windows-1251 (default: detect)")
    String encoding;

    @Mixin
    ActorOption actor;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        if (file == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "name a FILE to read, or say list, edit, reject, assign or compare (see nomina claims --help)");
        }
        if (source == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--source NAME is required: the source the text is a version of");
        }
        Optional<ClaimLanguage> lang = language.equalsIgnoreCase("auto") ? Optional.empty() : Optional.of(ClaimLanguage.fromCode(language)
                .orElseThrow(() -> new BadInputException("--language must be auto, en, ru, az or hy, not '" + language + "'")));
        report.note("Reading %s …", file);
        ClaimImportResult result = parent.register().claims().read(new ClaimRequest(file, source, kind.toLowerCase(Locale.ROOT),
                Optional.ofNullable(incident), lang, Optional.ofNullable(encoding), actor.name()));
        report.report(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("source", result.source());
            out.put("version", result.version());
            out.put("sha256", result.sha256());
            out.put("language", result.language());
            out.put("claims", result.claims().stream().map(ClaimsDocument::claim).toList());
            out.put("duplicates_skipped", result.duplicatesSkipped());
            out.put("warnings", result.warnings());
            return out;
        }, out -> {
            result.warnings().forEach(w -> out.note("note: %s", w));
            if (!result.alreadyStored()) {
                out.line("Read %s (%s, %s, language %s) into '%s' as version %d: %d claims%s.", result.file(), result.format(),
                        result.encoding(), result.language(), result.source(), result.version(), result.claims().size(),
                        result.duplicatesSkipped() > 0 ? ", " + result.duplicatesSkipped() + " figures in repeated passages counted once" : "");
            }
            printClaims(out, result.claims());
        });
        return 0;
    }



    static void printClaims(Output out, List<StoredClaim> claims) {
        if (claims.isEmpty()) {
            out.line("No figures about people were found.");
            return;
        }
        out.line("%6s  %-22s %-9s %-16s %-7s %-16s %s", "id", "category", "subgroup", "figure", "part of", "incident", "quote");
        out.table(claims, "", "%6d  %-22s %-9s %-16s %-7s %-16s \"%s\"%s", c -> {
            StoredClaim.Reading r = c.reading();
            return new Object[] {c.id(), r.category().label(), r.subgroup().map(Subgroup::label).orElse("-"),
                figure(r), c.parentId().map(String::valueOf).orElse("-"), r.incidentLabel(), c.quote(),
                r.rejected() ? "  [rejected: " + r.note() + "]" : c.readingNo() > 1 ? "  [reading " + c.readingNo() + " by " + c.readBy() + "]" : ""};
        });
    }

    static String figure(StoredClaim.Reading r) {
        long low = r.low().orElse(0);
        long high = r.high().orElse(0);
        return switch (r.qualifier()) {
            case EXACT -> Long.toString(low);
            case AT_LEAST -> "≥ " + low;
            case MORE_THAN -> "> " + low;
            case ABOUT -> "~" + low;
            case AT_MOST -> "≤ " + high;
            case LESS_THAN -> "< " + high;
            case RANGE -> low + "–" + high;
            case VAGUE -> "(vague)";
        };
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every claim with its current reading, in the order read.")
    static final class ListClaims implements Callable<Integer> {
        @ParentCommand
        ClaimsCommand claims;

        @Option(names = "--incident", paramLabel = "NAME", description = "Only claims with this incident label or assigned to this incident")
        String incident;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<StoredClaim> list = claims.parent.register().claims().list(Optional.ofNullable(incident));
            report.report(() -> Map.of("claims", list.stream().map(ClaimsDocument::listed).toList()), out -> printClaims(out, list));
            return 0;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = {"Records your reading of a claim as its next reading, in the ledger; the machine's reading is kept.",
                "Give only what you change."})
    static final class Edit implements Callable<Integer> {
        @ParentCommand
        ClaimsCommand claims;

        @Parameters(index = "0", paramLabel = "ID", description = "The claim's id (from nomina claims list)")
        long id;

        @Option(names = "--category", paramLabel = "C", description = "killed, injured, missing, hostage, released, remains_identified, displaced, "
                + "population, families_destroyed, orphaned_one_parent, orphaned_both_parents")
        String category;

        @Option(names = "--subgroup", paramLabel = "S", description = "children, women, men, elderly, or none")
        String subgroup;

        @Option(names = "--count", paramLabel = "N", description = "The figure, when the source gives one number")
        Long count;

        @Option(names = "--low", paramLabel = "N", description = "The lower end of a range")
        Long low;

        @Option(names = "--high", paramLabel = "N", description = "The upper end of a range")
        Long high;

        @Option(names = "--qualifier", paramLabel = "Q", description = "exact, at_least, more_than, about, at_most, less_than, range or vague")
        String qualifier;

        @Option(names = "--incident-label", paramLabel = "LABEL", description = "The event the figure is about")
        String incidentLabel;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the ledger")
        String note;

        @Mixin
        ActorOption actor;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            if (count != null && (low != null || high != null)) {
                throw new BadInputException("give --count, or --low and --high, not both");
            }
            ClaimEdit edit = new ClaimEdit(
                    Optional.ofNullable(category).map(c -> ClaimCategory.fromLabel(c)
                            .orElseThrow(() -> new BadInputException("--category: unknown category '" + c + "' (see --help)"))),
                    Optional.ofNullable(subgroup).map(s -> s.equals("none") ? Optional.<Subgroup>empty() : Optional.of(Subgroup.fromLabel(s)
                            .orElseThrow(() -> new BadInputException("--subgroup must be children, women, men, elderly or none, not '" + s + "'")))),
                    count != null ? OptionalLong.of(count) : low != null ? OptionalLong.of(low) : OptionalLong.empty(),
                    count != null ? OptionalLong.of(count) : high != null ? OptionalLong.of(high) : OptionalLong.empty(),
                    Optional.ofNullable(qualifier).map(q -> Qualifier.fromLabel(q)
                            .orElseThrow(() -> new BadInputException("--qualifier: unknown qualifier '" + q + "' (see --help)"))),
                    Optional.ofNullable(incidentLabel), Optional.ofNullable(note));
            if (count != null && count < 0 || low != null && low < 0 || high != null && high < 0) {
                throw new BadInputException("figures cannot be negative");
            }
            return show(claims.parent.register().claims().edit(id, edit, actor.name()), report);
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Records that a claim is not a figure the text gives (a new reading, in the ledger; the machine's is kept).")
    static final class Reject implements Callable<Integer> {
        @ParentCommand
        ClaimsCommand claims;

        @Parameters(index = "0", paramLabel = "ID", description = "The claim's id (from nomina claims list)")
        long id;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the claim is rejected")
        String reason;

        @Mixin
        ActorOption actor;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            return show(claims.parent.register().claims().reject(id, reason, actor.name()), report);
        }
    }

    static int show(StoredClaim c, ReportOptions report) {
        report.report(() -> ClaimsDocument.listed(c), out -> printClaims(out, List.of(c)));
        return 0;
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Maps the claims with an incident label (e.g. main, or \"44-day war\") onto a register incident, created if new.")
    static final class Assign implements Callable<Integer> {
        @ParentCommand
        ClaimsCommand claims;

        @Option(names = "--label", required = true, paramLabel = "LABEL", description = "The incident label the claims carry (see claims list)")
        String label;

        @Option(names = "--source", paramLabel = "NAME", description = "Only this source's claims (default: every source's)")
        String source;

        @Option(names = "--incident", required = true, paramLabel = "NAME", description = "The register incident")
        String incident;

        @Mixin
        ActorOption actor;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<StoredClaim> changed = claims.parent.register().claims().assign(label, Optional.ofNullable(source), incident, actor.name());
            report.report(() -> Map.of("assigned", changed.size(), "claims", changed.stream().map(ClaimsDocument::listed).toList()),
                    out -> out.line("%d claims labelled '%s' now belong to incident '%s'.", changed.size(), label, incident));
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"The register's count of persons beside what the sources claim, for every category and subgroup, with what",
                "does not add up: the register naming more than a source's exact figure, sources that disagree, parts above their whole.",
                "Persons are counted by their current status after nomina link; rejected claims are left out."})
    static final class Compare implements Callable<Integer> {
        @ParentCommand
        ClaimsCommand claims;

        @Option(names = "--incident", paramLabel = "NAME", description = "Only claims with this incident label or assigned to this incident")
        String incident;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            Claims.Comparison compared = claims.parent.register().claims().compare(Optional.ofNullable(incident), List.of());
            report.report(() -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("incident", incident);
                out.put("rows", compared.rows().stream().map(ClaimsDocument::row).toList());
                out.put("notes", compared.notes());
                return out;
            }, out -> {
                compared.notes().forEach(n -> out.note("note: %s", n));
                printRows(out, compared.rows());
            });
            return 0;
        }
    }


    static void printRows(Output out, List<ClaimComparison.Row> rows) {
        out.line("%-32s %9s %15s %22s  %s", "category/subgroup", "register", "claims min–max", "estimate", "sources");
        for (ClaimComparison.Row r : rows) {
            String span = r.claimsMinimum().isEmpty() ? "-" : r.claimsMinimum().getAsLong() == r.claimsMaximum().orElse(-1)
                    ? Long.toString(r.claimsMinimum().getAsLong()) : r.claimsMinimum().getAsLong() + "–" + r.claimsMaximum().orElse(0);
            String sources = String.join("; ", r.claims().stream().map(c -> c.source() + ": " + ClaimComparison.describe(c)).toList());
            String estimate = r.estimate().map(e -> String.format("%,.0f (%,.0f–%,.0f)", e.estimate(), e.lower(), e.upper())).orElse("-");
            out.line("%-32s %9d %15s %22s  %s", r.key().label(), r.register(), span, estimate, sources);
            r.flags().forEach(f -> out.line("    ! %s", f.message()));
        }
    }
}
