package org.nomina.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlTest {
    /** The page's own encoding gives the bytes String.getBytes(UTF_8) gives, in every script the register holds and beyond. */
    @Test
    void aPageIsEncodedAsStringGetBytesEncodesIt() {
        Html.Page page = new Html.Page();
        for (String text : new String[] {"", "plain ASCII <b>&amp;</b>", "Məmmədov Əli oğlu", "Мамедов Али", "Հովհաննիսյան",
                "𝕏 and 😀 (outside the BMP)", "an unpaired \uD83D surrogate", "a lone low \uDE00 one", "ends high \uD83D",
                "x".repeat(100_000) + "ə"}) {
            page.chars.setLength(0);
            page.writeContent(text);
            assertThat(page.utf8()).as(text.length() > 60 ? text.substring(0, 60) : text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
        page.chars.setLength(0);
        page.writeContent("abcdef", 2, 4);
        page.writeUserContent(42);
        page.writeUserContent(-7L);
        page.writeUserContent(true);
        assertThat(new String(page.utf8(), StandardCharsets.UTF_8)).isEqualTo("cd42-7true");
    }
}
