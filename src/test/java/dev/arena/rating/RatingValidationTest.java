package dev.arena.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatingValidationTest {

    @Test
    void ratingRejectsNonFiniteAndNonPositiveValues() {
        assertThatThrownBy(() -> new Rating(Double.NaN, 350, 0.06)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rating(1500, 0, 0.06)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rating(1500, -1, 0.06)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rating(1500, Double.POSITIVE_INFINITY, 0.06))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rating(1500, 350, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rating(1500, 350, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Rating.UNRATED).isEqualTo(new Rating(1500, 350, 0.06));
    }

    @Test
    void gameRejectsScoresOutsideZeroToOne() {
        Rating r = Rating.UNRATED;
        assertThatThrownBy(() -> new Encounter(r, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Encounter(r, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Encounter(r, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Encounter(null, 1)).isInstanceOf(NullPointerException.class);
        assertThat(new Encounter(r, 0.75).score()).isEqualTo(0.75);
    }

    @Test
    void configReportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new Glicko2Config(0, Double.NaN, Rating.UNRATED, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tau")
                .hasMessageContaining("epsilon")
                .hasMessageContaining("maxDeviation");
    }

    @Test
    void defaultsAreThoseOfThePaper() {
        Glicko2Config c = Glicko2Config.DEFAULTS;
        assertThat(c.tau()).isEqualTo(0.5);
        assertThat(c.epsilon()).isEqualTo(1e-6);
        assertThat(c.initial()).isEqualTo(Rating.UNRATED);
        assertThat(c.maxDeviation()).isEqualTo(350);
    }
}
