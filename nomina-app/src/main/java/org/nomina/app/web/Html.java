package org.nomina.app.web;

import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Map;

/**
 * Renders the precompiled pages into UTF-8 bytes, through one character buffer per server thread, reused. jte's binary
 * static content with {@code Utf8ByteOutput} was tried and cost more CPU per page (bench/web.sh, A/B against a String),
 * because that output keeps every escaped piece of a value as a substring and an array of its own, and the pages are
 * mostly values. Rendering into a fresh {@code StringOutput} and sending the String allocated the page five times over
 * (the builder, its growth to UTF-16 at the first non-Latin character, the String, and {@code String.getBytes}' buffer of
 * three bytes a character before the exact copy): nearly half of a person page's allocation (JFR), and so of the young
 * collections that pause every request at once. Now the page is written into the thread's buffer and encoded once into
 * an array of its exact size. The encoding is written by hand (in {@link Page#utf8}) because the JDK's own encoder, the
 * one library that does it, cost about twice as much on a reused buffer: {@code CharsetEncoder} over
 * {@code CharBuffer.wrap} of the builder took 86–98 µs per 16,000-character page of Latin, Cyrillic and Armenian names
 * against 46–67 µs by hand, and {@code toString().getBytes(UTF_8)}, 55–74 µs, allocates the page twice more (single-file
 * microbenchmark, 20,000 pages, 2 December 2026). {@code HtmlTest} checks it byte for byte against {@code String.getBytes}.
 */
final class Html {
    /** Room for a register page of 25 persons without growing the buffer (most pages are 5 to 20 kB). */
    private static final int PAGE_CHARS = 16 * 1024;
    /** A buffer grown beyond this by a rare large page (an import preview) is not kept for the thread. */
    private static final int KEPT_CHARS = 256 * 1024;

    private static final ThreadLocal<Page> PAGES = ThreadLocal.withInitial(Page::new);

    private Html() {
    }

    /** Renders the template as UTF-8 bytes. */
    static byte[] render(TemplateEngine templates, String template, Map<String, Object> params) {
        Page page = PAGES.get();
        if (page.inUse) {
            page = new Page(); // a page rendered while another renders on this thread: its own buffer
        }
        page.inUse = true;
        try {
            page.chars.setLength(0);
            templates.render(template, params, page);
            return page.utf8();
        } finally {
            page.inUse = false;
            if (page.chars.capacity() > KEPT_CHARS && page == PAGES.get()) {
                PAGES.remove();
            }
        }
    }

    /** HTML, and its charset named (ctx.html sent a bare "text/html": the page's meta tag alone said UTF-8). */
    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    /** Renders the page as the response's HTML body. */
    static void send(Context ctx, TemplateEngine templates, String template, Map<String, Object> params) {
        send(ctx, render(templates, template, params));
    }

    /** A rendered page as the response's HTML body. */
    static void send(Context ctx, byte[] page) {
        ctx.contentType(CONTENT_TYPE);
        ctx.result(page);
    }

    /** A thread's page being written: the characters as jte writes them, then encoded once. */
    static final class Page implements TemplateOutput {
        final StringBuilder chars = new StringBuilder(PAGE_CHARS);
        byte[] bytes = new byte[PAGE_CHARS * 2];
        boolean inUse;

        @Override
        public void writeContent(String value) {
            chars.append(value);
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            chars.append(value, beginIndex, endIndex);
        }

        @Override
        public void writeUserContent(boolean value) {
            chars.append(value);
        }

        @Override
        public void writeUserContent(byte value) {
            chars.append(value);
        }

        @Override
        public void writeUserContent(short value) {
            chars.append(value);
        }

        @Override
        public void writeUserContent(int value) {
            chars.append(value);
        }

        @Override
        public void writeUserContent(long value) {
            chars.append(value);
        }

        @Override
        public void writeUserContent(float value) {
            chars.append(value);
        }

        @Override
        public void writeUserContent(double value) {
            chars.append(value);
        }

        /** The characters in UTF-8, as {@code String.getBytes(UTF_8)} encodes them (an unpaired surrogate becomes '?'). */
        byte[] utf8() {
            int n = chars.length();
            if (bytes.length < n * 3) {
                bytes = new byte[Math.max(n * 3, bytes.length * 2)];
            }
            byte[] out = bytes;
            int at = 0;
            for (int i = 0; i < n; i++) {
                char c = chars.charAt(i);
                if (c < 0x80) {
                    out[at++] = (byte) c;
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | (c >> 6));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    char low = i + 1 < n ? chars.charAt(i + 1) : 0;
                    if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                        int cp = Character.toCodePoint(c, low);
                        out[at++] = (byte) (0xF0 | (cp >> 18));
                        out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        out[at++] = (byte) (0x80 | (cp & 0x3F));
                        i++;
                    } else {
                        out[at++] = '?';
                    }
                } else {
                    out[at++] = (byte) (0xE0 | (c >> 12));
                    out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            if (bytes.length > KEPT_CHARS * 3) {
                bytes = new byte[PAGE_CHARS * 2];
            }
            return Arrays.copyOf(out, at);
        }
    }
}
