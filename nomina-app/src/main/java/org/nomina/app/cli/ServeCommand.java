package org.nomina.app.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.nomina.app.register.Register;
import org.nomina.app.web.WebServer;
import org.nomina.store.BadInputException;
import org.nomina.store.users.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the team's web application: the register's search, person pages, the review queue,",
            "sources and imports, behind sign-in (add users with nomina user add). Stops with Ctrl-C.",
            "The command line can go on using the same database while it runs."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    NominaCommand parent;

    @Option(names = "--port", defaultValue = "7070", description = "Port to listen on (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network, behind HTTPS)")
    String bind;

    @Option(names = "--index", paramLabel = "DIR", description = "The search index's directory (default: beside an H2 database, else ./nomina-index/)")
    Path index;

    @Mixin
    Output out;

    @Override
    public Integer call() {
        String url = parent.databaseUrl();
        return serve(out, url, index == null ? Register.indexDirectoryFor(url) : index, bind, port, register -> null);
    }

    /**
     * Opens the register and serves it until the process is stopped. {@code announce} is given the register
     * before the server listens; what it returns, when not null, is printed once it listens (the demo's
     * one-time password).
     */
    static int serve(Output out, String url, Path indexDirectory, String bind, int port, Function<Register, String> announce) {
        checkPortFree(bind, port);
        out.note("Opening the register and its search index …");
        Register register = Register.open(url, indexDirectory);
        String announcement;
        try {
            announcement = announce.apply(register);
        } catch (RuntimeException e) {
            register.close();
            throw e;
        }
        WebServer server;
        try {
            server = new WebServer(register, bind, port).start();
        } catch (RuntimeException e) {
            register.close();
            throw new BadInputException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            register.close();
            stopped.countDown();
        }, "nomina-serve-stop"));
        String host = bind.equals("0.0.0.0") ? "localhost" : bind;
        out.line("Nomina serves %s at http://%s:%d/", register.describe(), host, server.port());
        if (announcement != null) {
            out.line("%s", announcement);
        }
        out.line("Stop it with Ctrl-C.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void checkPortFree(String bind, int port) {
        if (port < 1 || port > 65535) {
            throw new BadInputException("--port " + port + " is not a port (1 to 65535)");
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            throw new BadInputException("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); another program, perhaps another nomina serve, uses it: choose another --port");
        }
    }

    /** The demo's server: an admin user with a one-time password, printed, then served. */
    static int serveDemo(Output out, String url, Path indexDirectory, int port) {
        return serve(out, url, indexDirectory, "127.0.0.1", port, register -> {
            String password = Register.newToken().substring(0, 20);
            String name = "admin";
            register.addUser(name, Role.ADMIN, password.toCharArray(), "demo");
            return "Sign in as " + name + " with the one-time password " + password + " (it is not shown again; add people with nomina user add).";
        });
    }
}
