package org.nomina.app.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.nomina.app.register.Register;
import org.nomina.app.web.WebServer;
import org.nomina.store.BadInputException;
import org.nomina.store.users.Role;
import org.nomina.store.users.Users;
import picocli.CommandLine.Command;
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

    @Override
    public Integer call() {
        String url = parent.databaseUrl();
        return serve(url, index == null ? Register.indexDirectoryFor(url) : index, bind, port, null);
    }

    /**
     * Opens the register and serves it until the process is stopped. {@code announce}, when given, is
     * printed once the server listens (the demo's one-time password).
     */
    static int serve(String url, Path indexDirectory, String bind, int port, String announce) {
        checkPortFree(bind, port);
        System.err.println("Opening the register and its search index …");
        Register register = Register.open(url, indexDirectory);
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
        System.out.println("Nomina serves " + register.describe() + " at http://" + host + ":" + server.port() + "/");
        if (announce != null) {
            System.out.println(announce);
        }
        System.out.println("Stop it with Ctrl-C.");
        System.out.flush();
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
    static int serveDemo(String url, Path indexDirectory, int port) {
        String password = Users.randomToken().substring(0, 20);
        String name = "admin";
        new Users(org.nomina.store.Database.open(url)).add(name, Role.ADMIN, password.toCharArray(), "demo");
        return serve(url, indexDirectory, "127.0.0.1", port,
                "Sign in as " + name + " with the one-time password " + password + " (it is not shown again; add people with nomina user add).");
    }
}
