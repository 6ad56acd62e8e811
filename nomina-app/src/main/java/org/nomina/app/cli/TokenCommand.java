package org.nomina.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.store.publish.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Bearer tokens for the JSON API (/api/v1): a token acts as its user, with the user's role. Send it as:",
                "  curl -H 'Authorization: Bearer TOKEN' 'http://127.0.0.1:7070/api/v1/persons?q=Mamedov'"},
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand extends CommandGroup {
    @Override
    String usage() {
        return "say create, list or revoke (see nomina token --help)";
    }

    static Map<String, Object> toJson(ApiTokens.Token t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("username", t.username());
        m.put("label", t.label());
        m.put("created_at", t.createdAt().toString());
        m.put("expires_at", t.expiresAt().map(Object::toString).orElse(null));
        m.put("revoked_at", t.revokedAt().map(Object::toString).orElse(null));
        return m;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a token for USER and prints it once (only its hash is kept).")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        TokenCommand token;

        @Parameters(index = "0", paramLabel = "USER", description = "The user the token acts as (nomina user list)")
        String user;

        @Option(names = "--expires", paramLabel = "DAYS", description = "Days until it expires (default: never)")
        Integer days;

        @Option(names = "--label", defaultValue = "", description = "What the token is for, for token list")
        String label;

        @Mixin
        ActorOption actor;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            ApiTokens.Created c = token.register().publication().createToken(user, label, Optional.ofNullable(days), actor.name());
            report.report(() -> {
                Map<String, Object> out = toJson(c.token());
                out.put("token", c.secret());
                return out;
            }, out -> {
                out.note("Token %s for %s%s. It is shown only now; keep it as you would a password:", c.token().id(), user,
                        c.token().expiresAt().map(e -> ", expires " + e.toLocalDate()).orElse(""));
                out.line("%s", c.secret());
            });
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every token: id, user, label, created, expires, revoked.")
    static final class ListTokens implements Callable<Integer> {
        @ParentCommand
        TokenCommand token;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<ApiTokens.Token> all = token.register().publication().tokens();
            report.report(() -> Map.of("tokens", all.stream().map(TokenCommand::toJson).toList()),
                    out -> out.table(all, "No tokens.", "%s  %-16s %-20s created %s  %s", t -> new Object[] {t.id(), t.username(), t.label(),
                        t.createdAt().toLocalDate(), t.revokedAt().map(r -> "revoked " + r.toLocalDate())
                                .orElseGet(() -> t.expiresAt().map(e -> "expires " + e.toLocalDate()).orElse("no expiry"))}));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a token at once (its id from token list).")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        TokenCommand token;

        @Parameters(index = "0", paramLabel = "ID", description = "The token's id: 12 hex digits from token list")
        String id;

        @Mixin
        ActorOption actor;

        @Mixin
        Output out;

        @Override
        public Integer call() {
            ApiTokens.Token t = token.register().publication().revokeToken(id, actor.name());
            out.line("Token %s of %s is revoked.", t.id(), t.username());
            return 0;
        }
    }
}
