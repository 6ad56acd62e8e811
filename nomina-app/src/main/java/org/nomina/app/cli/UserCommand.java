package org.nomina.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nomina.store.BadInputException;
import org.nomina.store.users.Role;
import org.nomina.store.users.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"The people who sign in to the web application (nomina serve) and their roles:",
            "viewer reads; reviewer also decides pairs; editor also imports, links and sees protected fields;",
            "admin also manages users."},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class})
final class UserCommand extends CommandGroup {
    @Override
    String usage() {
        return "say add, list or disable (see nomina user --help)";
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a user. The password (at least 10 characters) is read from standard input, one line,",
                "so that it never appears in the shell's history: printf '%s\\n' \"$PASSWORD\" | nomina user add NAME --role editor --password-stdin"})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, description = "admin, editor, reviewer or viewer")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from standard input (required)")
        boolean passwordStdin;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() throws IOException {
            Role r = Role.parse(role);
            if (!passwordStdin) {
                throw new BadInputException("give the password on standard input and say --password-stdin (a password on the command line "
                        + "would stay in the shell's history)");
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new BadInputException("standard input held no password: send it as one line");
            }
            Users.User u = user.register().addUser(name, r, line.toCharArray(), NominaCommand.actor(null));
            report.report(() -> u, out -> out.line("Added %s as %s.", u.username(), u.role().label()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users, their roles and whether they are disabled.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<Users.User> users = user.register().users();
            report.report(() -> Map.of("users", users.stream().map(ListUsers::toJson).toList()),
                    out -> out.table(users, "No users yet: add one with nomina user add NAME --role admin --password-stdin", "%-24s %-9s %s",
                            u -> new Object[] {u.username(), u.role().label(), u.disabled() ? "disabled" : "active"}));
            return 0;
        }

        private static Map<String, Object> toJson(Users.User u) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("username", u.username());
            m.put("role", u.role().label());
            m.put("disabled", u.disabled());
            m.put("created_at", u.createdAt().toString());
            return m;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables a user: they can no longer sign in, and their sessions end.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        Output out;

        @Override
        public Integer call() {
            Users.User u = user.register().disableUser(name, NominaCommand.actor(null));
            out.line("Disabled %s; their sessions are ended.", u.username());
            return 0;
        }
    }
}
