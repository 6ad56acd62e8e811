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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"The people who sign in to the web application (nomina serve) and their roles:",
            "viewer reads; reviewer also decides pairs; editor also imports, links and sees protected fields;",
            "admin also manages users."},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class})
final class UserCommand implements Runnable {
    @ParentCommand
    NominaCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say add, list or disable (see nomina user --help)");
    }

    private static String actor() {
        return System.getProperty("user.name", "unknown");
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

        @Option(names = "--json", description = "Print one JSON document on stdout")
        boolean json;

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
            Users.User u = new Users(user.parent.database()).add(name, r, line.toCharArray(), actor());
            if (json) {
                System.out.println(Json.write(u));
            } else {
                System.out.println("Added " + u.username() + " as " + u.role().label() + ".");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users, their roles and whether they are disabled.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Option(names = "--json", description = "Print one JSON document on stdout")
        boolean json;

        @Override
        public Integer call() {
            List<Users.User> users = new Users(user.parent.database()).list();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("users", users.stream().map(u -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("username", u.username());
                    m.put("role", u.role().label());
                    m.put("disabled", u.disabled());
                    m.put("created_at", u.createdAt().toString());
                    return m;
                }).toList());
                System.out.println(Json.write(out));
                return 0;
            }
            if (users.isEmpty()) {
                System.out.println("No users yet: add one with nomina user add NAME --role admin --password-stdin");
            }
            for (Users.User u : users) {
                System.out.printf("%-24s %-9s %s%n", u.username(), u.role().label(), u.disabled() ? "disabled" : "active");
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables a user: they can no longer sign in, and their sessions end.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Users.User u = new Users(user.parent.database()).disable(name, actor());
            System.out.println("Disabled " + u.username() + "; their sessions are ended.");
            return 0;
        }
    }
}
