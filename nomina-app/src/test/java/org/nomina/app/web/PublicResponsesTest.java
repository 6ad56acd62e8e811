package org.nomina.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublicResponsesTest {
    private final AtomicInteger rendered = new AtomicInteger();

    private PublicResponses.Response render(String text) {
        rendered.incrementAndGet();
        return MemorialRoutes.response("text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aResponseIsKeptForItsVersionAndANewerVersionEmptiesTheCache() {
        PublicResponses cache = new PublicResponses(10, 1_000);
        PublicResponses.Response first = cache.get(1L, "/memorial?q=a#en", () -> render("a at 1"));
        assertThat(cache.get(1L, "/memorial?q=a#en", () -> render("not asked"))).isSameAs(first);
        assertThat(rendered).hasValue(1);
        assertThat(cache.get(1L, "/memorial?q=a#ru", () -> render("a at 1 in Russian")).body()).asString(StandardCharsets.UTF_8)
                .isEqualTo("a at 1 in Russian");
        assertThat(cache.get(2L, "/memorial?q=a#en", () -> render("a at 2")).body()).asString(StandardCharsets.UTF_8).isEqualTo("a at 2");
        assertThat(cache.size()).as("the responses of version 1 are gone").isEqualTo(1);
        assertThat(first.etag()).isNotEqualTo(cache.get(2L, "/memorial?q=a#en", () -> render("not asked")).etag());
    }

    @Test
    void aResponseFinishedAfterANewerVersionIsNotKept() {
        PublicResponses cache = new PublicResponses(10, 1_000);
        cache.get(1L, "/memorial?q=a#en", () -> {
            cache.get(2L, "/memorial?q=b#en", () -> render("b at 2"));
            return render("a at 1, finished late");
        });
        assertThat(cache.get(2L, "/memorial?q=a#en", () -> render("a at 2")).body()).asString(StandardCharsets.UTF_8).isEqualTo("a at 2");
    }

    @Test
    void theCacheIsBoundedByEntriesAndBytesAndKeepsNeitherRefusalsNorLongKeys() {
        PublicResponses cache = new PublicResponses(3, 25);
        for (int i = 0; i < 5; i++) {
            int n = i;
            cache.get(1L, "k" + i, () -> render("1234" + n));
        }
        assertThat(cache.size()).isEqualTo(3);
        cache.get(1L, "big", () -> render("x".repeat(24)));
        assertThat(cache.size()).as("25 bytes hold the big one and nothing else").isEqualTo(1);
        assertThat(cache.get(1L, "missing", () -> null)).isNull();
        assertThat(cache.get(1L, "k".repeat(PublicResponses.MAX_KEY_CHARS + 1), () -> render("long key"))).isNotNull();
        assertThat(cache.size()).isEqualTo(1);
        rendered.set(0);
        cache.get(1L, "big", () -> render("not asked"));
        assertThat(rendered).as("the most recent entry stays").hasValue(0);
    }
}
