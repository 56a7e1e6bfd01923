package dev.backprop.script.js;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.nn.Network;
import dev.backprop.train.BatchProgress;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Numbers people read look the same whatever the machine's locale (decimal point, ASCII digits). */
class LocaleTest {
    private Locale saved;

    @BeforeEach
    void saveLocale() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void progressLossHasADecimalPointInAGermanLocale() {
        Locale.setDefault(Locale.GERMANY);
        String bar = Progress.bar(new BatchProgress(1, 2, 3, 4, 0.25));
        assertTrue(bar.endsWith("batch 3/4  loss 0.2500"), bar);
    }

    @Test
    void summaryHasAsciiDigitsInAThaiDigitsLocale() {
        Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
        assertTrue(String.format("%d", 9).chars().anyMatch(c -> c > 127), "the locale really has other digits");
        String s = Network.builder(2, 2, 1).seed(1).build().summary();
        assertTrue(s.contains("total 9 parameters"), s);
        assertTrue(s.chars().noneMatch(c -> c >= 0x0E50 && c <= 0x0E59), "no Thai digits:\n" + s);
    }
}
