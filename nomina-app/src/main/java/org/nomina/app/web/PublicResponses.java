package org.nomina.app.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered public responses (the memorial's search and person pages, {@code /api/v1/public}), kept for one version of
 * what is public (the ledger's head, the exclusions' generation and the search index's version,
 * {@link org.nomina.app.register.Publication#version()}): a request asked again at the same version gets the same bytes
 * and ETag without searching, reading or rendering again; the first request at a newer version empties the cache. Every
 * change that can alter what is public (an import, a link, a correction, a withholding, a source's setting) appends to the
 * ledger or rebuilds the index, so nothing rendered before it is served after it. Bounded by entries and bytes, the most
 * recently used kept; a response is kept only when its key (path, query string and language) and body are small.
 */
final class PublicResponses {
    /** One rendered response: its content type, its bytes and their ETag. */
    record Response(String contentType, byte[] body, String etag) {
    }

    static final int MAX_KEY_CHARS = 1_000;
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final int maxEntries;
    private final long maxBytes;
    private long bytes;
    private Object version;
    private final LinkedHashMap<String, Response> entries = new LinkedHashMap<>(256, 0.75f, true);

    PublicResponses(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * The response for {@code key} at {@code version}: kept, or made by {@code render} (outside the lock) and kept while the
     * version is still the newest seen; null when {@code render} gives null (a response not to keep, e.g. a person not
     * found: the caller answers it itself). {@code version} must have been read before anything the response shows.
     */
    Response get(Object version, String key, Supplier<Response> render) {
        if (key.length() > MAX_KEY_CHARS) {
            return render.get();
        }
        // Requests in flight across a change may alternate the version for a moment (one read before it, one after): each
        // then empties the cache, and what either keeps was made after reading its own version, never older than it.
        synchronized (this) {
            if (!version.equals(this.version)) {
                entries.clear();
                bytes = 0;
                this.version = version;
            } else {
                Response kept = entries.get(key);
                if (kept != null) {
                    return kept;
                }
            }
        }
        Response made = render.get();
        if (made != null && made.body().length <= MAX_BODY_BYTES) {
            synchronized (this) {
                // Kept only under the version it was asked at, and only while that is still the cache's: a response of an older
                // version, finished after a newer version emptied the cache, is not put back.
                if (version.equals(this.version)) {
                    Response old = entries.put(key, made);
                    bytes += made.body().length - (old == null ? 0 : old.body().length);
                    trim();
                }
            }
        }
        return made;
    }

    private void trim() {
        var it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
            Map.Entry<String, Response> eldest = it.next();
            bytes -= eldest.getValue().body().length;
            it.remove();
        }
    }

    /** The cache's key of a public request: its path, its whole query string (the pages link it) and its language. */
    static String key(io.javalin.http.Context ctx, String language) {
        String query = ctx.queryString();
        return ctx.path() + (query == null ? "" : "?" + query) + "#" + language;
    }

    synchronized int size() {
        return entries.size();
    }
}
