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
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
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
        run("warm-up", searches.subList(0, Math.min(500, requests)), clients);
        run("warm-up", persons.subList(0, Math.min(500, requests)), clients);
        report("register search (/persons?q=NAME: a surname or a full name)", run("search", searches, clients), clients);
        report("person page (/persons/ID)", run("person", persons, clients), clients);

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
        run("warm-up", memorial.subList(0, Math.min(500, requests)), clients);
        run("warm-up", api.subList(0, Math.min(500, requests)), clients);
        report("memorial search (/memorial?q=NAME: a surname or a full name)", run("memorial", memorial, clients), clients);
        report("public API search (/api/v1/public/persons?q=NAME: a surname or a full name)", run("api", api, clients), clients);
        if (!apiPersons.isEmpty()) {
            report("public API person (/api/v1/public/persons/ID)", run("api-id", apiPersons, clients), clients);
        }
    }

    static long[] run(String label, List<String> paths, int clients) throws Exception {
        long[] nanos = new long[paths.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long cpuBefore = serverCpuNanos();
        long started = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            all.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < paths.size(); i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    try {
                        if (get(paths.get(i)).statusCode() != 200) {
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
        if (!label.equals("warm-up")) {
            System.out.printf("  %-8s %,d requests in %.1f s (%.0f per second)%s%n", label, paths.size(), seconds, paths.size() / seconds,
                    cpuBefore < 0 ? "" : String.format(", server CPU %.2f ms per request", cpu / 1e6 / paths.size()));
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

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
