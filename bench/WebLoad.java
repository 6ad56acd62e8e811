// Load client for bench/web.sh: signs in to a running `nomina serve`, harvests person ids and surnames from the
// register's own pages, then times register searches and person pages from CLIENTS concurrent clients and
// prints p50/p95/p99 per kind. Run as a single-file program: java bench/WebLoad.java BASE USER PASSWORD [CLIENTS] [REQUESTS]
// (the password is read from the environment variable NOMINA_BENCH_PASSWORD when PASSWORD is "-").

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class WebLoad {
    static HttpClient client;
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String user = args[1];
        String password = args[2].equals("-") ? System.getenv("NOMINA_BENCH_PASSWORD") : args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 4000;
        // HTTP/1.1 as a browser speaks it to a plain-http server: the default (HTTP/2) asks every new connection to upgrade to h2c,
        // which the server declines, at a cost to both sides.
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = get("/login").body();
        String token = first(login, "name=\"_csrf\" value=\"([0-9a-f]{64})\"");
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&username=" + enc(user) + "&password=" + enc(password)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("cannot sign in as " + user + ": HTTP " + signedIn.statusCode());
        }
        // Harvest ids and surnames spread over the register: pages of the unfiltered list, in name order.
        List<String> ids = new ArrayList<>();
        Set<String> surnames = new LinkedHashSet<>();
        Set<String> fullNames = new LinkedHashSet<>();
        String firstPage = get("/persons").body();
        // The register pages through its first 10,000 persons in name order (400 pages of 25); when the count
        // stopped early ("at least 1,000 persons") the pager offers only the next page, so sample all 400.
        int pages = firstPage.contains("at least") ? 400 : Integer.parseInt(first(firstPage, "Page 1 of (\\d+)"));
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            int page = 1 + random.nextInt(pages);
            String html = get("/persons?page=" + page).body();
            Matcher m = Pattern.compile("<a href=\"/persons/(\\d+)\">([^<]+)</a>").matcher(html);
            while (m.find()) {
                ids.add(m.group(1));
                surnames.add(m.group(2).split(" ")[0].replace("&#39;", "'"));
                fullNames.add(m.group(2).replace("&#39;", "'"));
            }
        }
        // Searches alternate a surname (many hits) and a person's full name (few): the server keeps a page of
        // results per query, and a team searches many different names, so the queries must not be a dozen
        // surnames repeated (the town's surnames are that concentrated).
        List<String> names = new ArrayList<>();
        List<String> surnameList = new ArrayList<>(surnames);
        List<String> fullNameList = new ArrayList<>(fullNames);
        for (int i = 0; i < Math.max(surnameList.size(), fullNameList.size()); i++) {
            names.add(surnameList.get(i % surnameList.size()));
            names.add(fullNameList.get(i % fullNameList.size()));
        }
        System.out.printf("  harvested %d person ids, %d surnames and %d full names from %d pages of the register%n",
                ids.size(), surnameList.size(), fullNameList.size(), pages);
        List<String> searches = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            searches.add("/persons?q=" + enc(names.get(random.nextInt(names.size()))));
            persons.add("/persons/" + ids.get(random.nextInt(ids.size())));
        }

        // The public side (issue 12): the memorial's search and the public API, over the same surnames; public ids from the API.
        List<String> publicIds = new ArrayList<>();
        String firstPublic = get("/api/v1/public/persons?limit=1").body();
        long publicTotal = Long.parseLong(first(firstPublic, "\"total\":(\\d+)"));
        for (int i = 0; i < 20 && publicTotal > 0; i++) {
            long offset = Math.min(9_900, (long) (random.nextDouble() * Math.min(publicTotal, 9_900)));
            Matcher m = Pattern.compile("\\{\"id\":(\\d+),").matcher(get("/api/v1/public/persons?limit=100&offset=" + offset).body());
            while (m.find()) {
                publicIds.add(m.group(1));
            }
        }
        System.out.printf("  harvested %d public person ids (of %,d persons on the memorial)%n", publicIds.size(), publicTotal);
        List<String> memorial = new ArrayList<>();
        List<String> api = new ArrayList<>();
        List<String> apiPersons = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String name = enc(names.get(random.nextInt(names.size())));
            memorial.add("/memorial?q=" + name);
            api.add("/api/v1/public/persons?q=" + name);
            if (!publicIds.isEmpty()) {
                apiPersons.add("/api/v1/public/persons/" + publicIds.get(random.nextInt(publicIds.size())));
            }
        }
        // Every kind warmed before any is timed, each with WARM_UP requests: a team's server runs for days, and with fewer the
        // JIT compiler threads were still taking a tenth to a quarter of the server's CPU in the timed phases (JFR's
        // jdk.ThreadCPULoad), billed to whichever kind came first after its warm-up. Searches warm on the second page of each
        // name: the same code, but not the timed pages, so the server's cache of result pages starts the timed phase as cold
        // as it was with the short warm-up and every name's first timed search still runs in the index.
        for (List<String> kind : List.of(searches, persons, memorial, api, apiPersons)) {
            if (!kind.isEmpty()) {
                run("warm-up", repeat(kind, WARM_UP).stream().map(WebLoad::secondPage).toList(), clients);
            }
        }
        report("register search (/persons?q=NAME: a surname or a full name)", run("search", searches, clients), clients);
        report("person page (/persons/ID)", run("person", persons, clients), clients);
        report("memorial search (/memorial?q=NAME: a surname or a full name)", run("memorial", memorial, clients), clients);
        report("public API search (/api/v1/public/persons?q=NAME: a surname or a full name)", run("api", api, clients), clients);
        if (!apiPersons.isEmpty()) {
            report("public API person (/api/v1/public/persons/ID)", run("api-id", apiPersons, clients), clients);
        }
    }

    static final int WARM_UP = 1_500;

    /** The first n of paths, round again from the start when there are fewer. */
    static List<String> repeat(List<String> paths, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(paths.get(i % paths.size()));
        }
        return out;
    }

    /** A search's second page (a path without a query is a person's page, and stays as it is). */
    static String secondPage(String path) {
        if (!path.contains("?q=")) {
            return path;
        }
        return path + (path.startsWith("/api/") ? "&offset=25" : "&page=2");
    }

    static long[] run(String label, List<String> paths, int clients) throws Exception {
        long[] nanos = new long[paths.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuBefore = serverCpuNanos();
        long clientBefore = clientCpuNanos();
        long started = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            all.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < paths.size(); i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    try {
                        if (fetch(paths.get(i)) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - t;
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (errors.get() > 0) {
            throw new IllegalStateException(label + ": " + errors.get() + " of " + paths.size() + " requests failed");
        }
        long cpu = serverCpuNanos() - cpuBefore;
        long clientCpu = clientCpuNanos() - clientBefore;
        if (!label.equals("warm-up")) {
            System.out.printf("  %-8s %,d requests in %.1f s (%.0f per second)%s%n", label, paths.size(), seconds, paths.size() / seconds,
                    cpuBefore < 0 ? "" : String.format(", server CPU %.2f ms per request", cpu / 1e6 / paths.size())
                    + String.format(", load client CPU %.2f ms", clientCpu / 1e6 / paths.size()));
        }
        return nanos;
    }

    static void report(String what, long[] nanos, int clients) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-40s %d clients: p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms%n", what, clients, pct(sorted, 0.50),
                pct(sorted, 0.95), pct(sorted, 0.99));
    }

    static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /**
     * CPU time (user + system) of the server process and its children, read from the operating system when bench/web.sh
     * passes the server's process id in NOMINA_BENCH_SERVER_PID; -1 without it. The machine is shared, so wall-clock
     * latencies move with other load while CPU per request moves only with the server's own work.
     */
    static long serverCpuNanos() {
        String pid = System.getenv("NOMINA_BENCH_SERVER_PID");
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        ProcessHandle server = ProcessHandle.of(Long.parseLong(pid.trim()))
                .orElseThrow(() -> new IllegalStateException("no server process " + pid));
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(server), server.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
    }

    /** CPU time (user + system) of this load client: it shares the cores with the server. */
    static long clientCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The status of one timed request, its body read to the last byte but not decoded. The load client shares the machine's
     * cores with the server, so the timed requests go over plain keep-alive HTTP/1.1 sockets of its own (one per client
     * thread at a time, reused, as a browser keeps its connections) instead of java.net.http.HttpClient, whose selector
     * thread and asynchronous machinery cost the client about as much CPU per request as the server spent answering.
     * Every status is returned, every body read to its last byte (by Content-Length or chunk by chunk).
     */
    static int fetch(String path) throws Exception {
        Connection c = IDLE.poll();
        if (c == null) {
            c = new Connection();
        }
        try {
            int status = c.get(path);
            if (c.open) {
                IDLE.add(c);
            }
            return status;
        } catch (java.io.IOException e) {
            c.close();
            throw e;
        }
    }

    static final java.util.concurrent.ConcurrentLinkedQueue<Connection> IDLE = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** The session's cookies as the server set them at sign-in, sent with every timed request. */
    static String cookies() {
        if (cookieHeader == null) {
            StringBuilder b = new StringBuilder();
            for (java.net.HttpCookie cookie : ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().get(URI.create(base))) {
                b.append(b.length() == 0 ? "" : "; ").append(cookie.getName()).append('=').append(cookie.getValue());
            }
            cookieHeader = b.toString();
        }
        return cookieHeader;
    }

    static volatile String cookieHeader;

    static final class Connection {
        final java.net.Socket socket;
        final java.io.InputStream in;
        final java.io.OutputStream out;
        final byte[] buffer = new byte[64 * 1024];
        int pos;
        int limit;
        boolean open = true;

        Connection() throws java.io.IOException {
            URI uri = URI.create(base);
            socket = new java.net.Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        int get(String path) throws java.io.IOException {
            URI uri = URI.create(base);
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nCookie: " + cookies()
                    + "\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new java.io.IOException(path + ": not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = h.substring(0, Math.max(0, colon)).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    open = false;
                }
            }
            long body = 0;
            if (chunked) {
                for (long size = Long.parseLong(chunkSize(line()), 16); size > 0; size = Long.parseLong(chunkSize(line()), 16)) {
                    skip(size);
                    body += size;
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers, read and dropped
                }
            } else if (length >= 0) {
                skip(length);
                body = length;
            } else {
                throw new java.io.IOException(path + ": a response with neither Content-Length nor chunked encoding");
            }
            if (body == 0) {
                throw new IllegalStateException(path + ": an empty body");
            }
            if (!open) {
                close();
            }
            return status;
        }

        private static String chunkSize(String line) {
            int semicolon = line.indexOf(';');
            return (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        }

        private boolean fill() throws java.io.IOException {
            pos = 0;
            limit = in.read(buffer);
            if (limit < 0) {
                limit = 0;
                return false;
            }
            return true;
        }

        /** Reads n bytes of body: every one of them is received, none decoded. */
        private void skip(long n) throws java.io.IOException {
            while (n > 0) {
                if (pos == limit && !fill()) {
                    throw new java.io.EOFException("the server closed the connection in a body");
                }
                int take = (int) Math.min(n, limit - pos);
                pos += take;
                n -= take;
            }
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder(64);
            while (true) {
                if (pos == limit && !fill()) {
                    throw new java.io.EOFException("the server closed the connection");
                }
                byte x = buffer[pos++];
                if (x == '\n') {
                    int n = b.length();
                    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
                }
                b.append((char) (x & 0xff));
            }
        }

        void close() {
            open = false;
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // closing a broken connection
            }
        }
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in the page");
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
