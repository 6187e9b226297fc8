package dev.arena.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.ArenaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfanityFilterTest {
    private static final ProfanityFilter DEFAULT = ProfanityFilter.load(Optional.empty(), ProfanityFilter.Action.MASK);

    @ParameterizedTest(name = "flags \"{0}\"")
    @ValueSource(strings = {
            // plain and case
            "fuck", "FUCK", "Fuck you", "what the fuck?", "you are a cunt", "SHIT!", "bitch",
            // repeated letters
            "fuuuuuck", "FFFUUUCCCKKK", "shiiiiit", "asssss", "cuuunt",
            // spacing and punctuation inside the word
            "f u c k", "f.u.c.k", "f-u-c-k", "f_u_c_k", "f . u . c . k", "f*u*c*k", "s h i t", "oh f u c k off",
            "fu.ck", "sh-it", "a.s.s", "c,u,n,t", "fu\u200Bck", "sh\u00ADit",
            // l33t
            "5h1t", "$hit", "sh!t", "@ss", "a55", "b1tch", "phuck",
            "c0ck", "d1ck", "sh|t", "7wat", "(unt", "wh0r3", "n1gg3r", "f@g",
            // l33t, spacing and repetition together
            "$ h 1 t", "f.u.u.u.c.k", "5hiiii7",
            // accents, full-width and look-alike letters
            "fück", "ｆｕｃｋ", "fu\u0308ck", "\u0441unt", "\u0430ss", "\u0455hit",
            // inside longer words, where the list allows it
            "motherfucker", "clusterfuck", "fucking", "unfuckingbelievable", "bullshit", "horseshit", "bitchy",
            "assholes", "dumbasshole",
            // at the edges of punctuation, digits and other words
            "(fuck)", "\"shit\"", "shit!!!", "1fuck", "fuck123", "well...shit", "hello,asshole", "Dick's",
            "oh.fu.ck", "#shit", "shit.", "shit?!"
    })
    void flagsVariants(String text) {
        assertThat(DEFAULT.matches(text)).as(text).isTrue();
    }

    @ParameterizedTest(name = "leaves \"{0}\" alone")
    @ValueSource(strings = {
            // the Scunthorpe problem: listed words inside innocent ones
            "class", "classic", "classy", "assistant", "assassin", "bass", "passage", "massive", "Massachusetts",
            "Scunthorpe", "scunthorpe", "shiitake", "shitake", "Matsushita", "cocktail", "cockpit", "Hancock",
            "peacock", "Dickens", "dickensian", "cucumber", "document", "circumstance", "snigger", "Niger",
            "Nigeria", "niggardly", "retardant", "fire-retardant", "pricked", "analysis", "therapist", "grape",
            "Sussex", "arsenal", "assess", "assessment", "Harshit", "Darshit", "hello", "button", "pass", "glasses", "spicy", "bitcoin", "Wankel engine",
            "Pissarro", "shuttlecock", "scrapbook", "titanic", "cumulative", "kikeriki", "bass guitar",
            "Mass.Ave", "as soon as", "it's hit", "he'll", "Ashitaka", "fagottist", "grasshopper",
            // digits alone are numbers, not l33t
            "I scored 455 points", "4 5 5", "call 555-1234", "5417",
            // single letters that happen to be in a row, and ordinary sentences
            "I am a s k i l l e d player", "a b c", "gg wp", "see you at 7", "good game, well played!",
            "the weather is nice", "passion fruit", "pen is mightier",
            ""
    })
    void leavesInnocentTextAlone(String text) {
        assertThat(DEFAULT.find(text)).as(text).isEmpty();
    }

    @Test
    void masksExactlyTheMatchedCharacters() {
        assertThat(DEFAULT.mask("what the fuck")).isEqualTo("what the ****");
        assertThat(DEFAULT.mask("FUUUCK this")).isEqualTo("****** this");
        assertThat(DEFAULT.mask("f.u.c.k off")).isEqualTo("******* off");
        assertThat(DEFAULT.mask("oh f u c k!")).isEqualTo("oh *******!");
        assertThat(DEFAULT.mask("$hit!!")).isEqualTo("****!!");
        // a wildcard entry masks what it matched, not the whole word around it
        assertThat(DEFAULT.mask("motherfucker")).isEqualTo("mother****er");
        assertThat(DEFAULT.mask("unfuckingbelievable")).isEqualTo("un****ingbelievable");
        assertThat(DEFAULT.mask("class act, shit game, bass drop")).isEqualTo("class act, **** game, bass drop");
        assertThat(DEFAULT.mask("fuck and shit")).isEqualTo("**** and ****");
        assertThat(DEFAULT.mask("Dick?")).isEqualTo("****?");
        assertThat(DEFAULT.mask("Dick's")).isEqualTo("******"); // joined across the apostrophe: "dicks" is listed
    }

    @Test
    void masksOneStarPerCodePoint() {
        // a full-width or supplementary character is one star, not two
        assertThat(DEFAULT.mask("ｆｕｃｋ")).isEqualTo("****");
        assertThat(DEFAULT.mask("😀 fuck 😀")).isEqualTo("😀 **** 😀");
        // an accent typed as its own code point is masked with its letter
        assertThat(DEFAULT.mask("fu\u0308ck")).isEqualTo("*****");
    }

    @Test
    void cleanTextIsReturnedUnchanged() {
        String text = "good game, everyone in the class";
        assertThat(DEFAULT.apply(text)).isSameAs(text);
    }

    @Test
    void rejectPolicyRefusesWithFilteredCode() {
        ProfanityFilter reject = ProfanityFilter.load(Optional.empty(), ProfanityFilter.Action.REJECT);
        assertThatThrownBy(() -> reject.apply("f u c k"))
                .isInstanceOfSatisfying(ArenaException.Rejected.class, e -> assertThat(e.code()).isEqualTo("filtered"));
        assertThat(reject.apply("classic")).isEqualTo("classic");
    }

    @Test
    void doubleLettersInTheListNeedDoubleLettersInTheText() {
        ProfanityFilter f = ProfanityFilter.of(List.of("ass"), ProfanityFilter.Action.MASK);
        assertThat(f.matches("as")).isFalse();
        assertThat(f.matches("ass")).isTrue();
        assertThat(f.matches("aaassss")).isTrue();
    }

    @Test
    void wildcardsWidenOneEntry() {
        ProfanityFilter whole = ProfanityFilter.of(List.of("darn"), ProfanityFilter.Action.MASK);
        ProfanityFilter prefix = ProfanityFilter.of(List.of("darn*"), ProfanityFilter.Action.MASK);
        ProfanityFilter suffix = ProfanityFilter.of(List.of("*darn"), ProfanityFilter.Action.MASK);
        ProfanityFilter anywhere = ProfanityFilter.of(List.of("*darn*"), ProfanityFilter.Action.MASK);
        for (var c : List.of(
                new Object[] {whole, "darn", true}, new Object[] {whole, "darned", false},
                new Object[] {whole, "undarn", false}, new Object[] {prefix, "darned", true},
                new Object[] {prefix, "undarn", false}, new Object[] {suffix, "undarn", true},
                new Object[] {suffix, "darned", false}, new Object[] {anywhere, "undarned", true},
                new Object[] {anywhere, "dar", false})) {
            assertThat(((ProfanityFilter) c[0]).matches((String) c[1])).as("%s in %s", c[1], c[0]).isEqualTo(c[2]);
        }
    }

    @Test
    void customListReplacesTheDefault(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("words.txt");
        Files.writeString(list, "# house rules\nnoob   # no insults\n\n*camper*\n");
        ProfanityFilter f = ProfanityFilter.load(Optional.of(list), ProfanityFilter.Action.MASK);
        assertThat(f.size()).isEqualTo(2);
        assertThat(f.mask("n00b campers")).isEqualTo("**** ******s");
        assertThat(f.matches("fuck")).isFalse();
    }

    @Test
    void badListReportsEveryBadLine() {
        assertThatThrownBy(() -> WordList.parse("ok\nx\nfo o\nbad1\n**\n", "test.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("line 3")
                .hasMessageContaining("line 4").hasMessageContaining("line 5")
                .hasMessageNotContaining("line 1:");
    }

    @Test
    void missingListFileFailsClearly(@TempDir Path dir) {
        assertThatThrownBy(() -> ProfanityFilter.load(Optional.of(dir.resolve("nope.txt")), ProfanityFilter.Action.MASK))
                .hasMessageContaining("nope.txt");
    }

    @Test
    void defaultListLoads() {
        assertThat(DEFAULT.size()).isGreaterThan(40);
    }

    @Test
    void longHostileInputStaysCheap() {
        // worst cases for the walk: every position starts a candidate that a repeated letter keeps alive
        String spaced = "a ".repeat(1_000) + "s s";
        String repeated = "a".repeat(2_000) + "ss";
        String noise = "f!u!c!k!".repeat(250);
        long t0 = System.nanoTime();
        assertThat(DEFAULT.matches(spaced)).isTrue();
        assertThat(DEFAULT.matches(repeated)).isTrue(); // "a+ss" is "ass" with a repeated letter
        assertThat(DEFAULT.matches(noise)).isFalse(); // the "!" read as "i" breaks every word
        assertThat(System.nanoTime() - t0).as("nanoseconds").isLessThan(2_000_000_000L);
    }
}
