package dev.arena.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Glicko2Test {

    private final Glicko2 glicko = new Glicko2(Glicko2Config.DEFAULTS);

    @Test
    void reproducesTheWorkedExampleOfThePaper() {
        Rating player = new Rating(1500, 200, 0.06);
        List<Encounter> games = List.of(
                Encounter.win(new Rating(1400, 30, 0.06)),
                Encounter.loss(new Rating(1550, 100, 0.06)),
                Encounter.loss(new Rating(1700, 300, 0.06)));

        Rating after = glicko.update(player, games);

        // The paper rounds its intermediate values (mu' = -0.2069, phi' = 0.8722); unrounded arithmetic gives
        // 1464.0507 / 151.5165, hence tolerances slightly wider than the printed precision.
        assertThat(after.rating()).isCloseTo(1464.06, within(0.02));
        assertThat(after.deviation()).isCloseTo(151.52, within(0.02));
        assertThat(after.volatility()).isCloseTo(0.05999, within(0.00001));
    }

    @Test
    void opponentVolatilityDoesNotMatter() {
        // Only the opponents' rating and deviation enter the formulas.
        Rating player = new Rating(1500, 200, 0.06);
        Rating a = glicko.update(player, List.of(Encounter.win(new Rating(1400, 30, 0.06))));
        Rating b = glicko.update(player, List.of(Encounter.win(new Rating(1400, 30, 0.2))));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void winAndLossBetweenEqualPlayersAreSymmetric() {
        Rating p = new Rating(1500, 200, 0.06);

        Rating winner = glicko.update(p, List.of(Encounter.win(p)));
        Rating loser = glicko.update(p, List.of(Encounter.loss(p)));

        assertThat(winner.rating() - 1500).isPositive().isCloseTo(1500 - loser.rating(), within(1e-9));
        assertThat(winner.deviation()).isCloseTo(loser.deviation(), within(1e-9));
        assertThat(winner.volatility()).isCloseTo(loser.volatility(), within(1e-12));
    }

    @Test
    void drawBetweenEqualPlayersKeepsTheRatingAndShrinksTheDeviation() {
        Rating p = new Rating(1620, 120, 0.06);

        Rating after = glicko.update(p, List.of(Encounter.draw(p)));

        assertThat(after.rating()).isCloseTo(1620, within(1e-9));
        assertThat(after.deviation()).isLessThan(120);
    }

    @Test
    void upsetMovesMoreThanExpectedResult() {
        Rating weak = new Rating(1300, 80, 0.06);
        Rating strong = new Rating(1800, 80, 0.06);

        double upsetGain = glicko.update(weak, List.of(Encounter.win(strong))).rating() - weak.rating();
        double expectedGain = glicko.update(strong, List.of(Encounter.win(weak))).rating() - strong.rating();

        assertThat(upsetGain).isGreaterThan(expectedGain).isGreaterThan(0);
    }

    @Test
    void noGamesOnlyGrowsTheDeviation() {
        Rating p = new Rating(1500, 200, 0.06);

        Rating after = glicko.update(p, List.of());

        // Paper, step 6: phi' = sqrt(phi^2 + sigma^2), on the public scale.
        double phi = 200 / 173.7178;
        assertThat(after.deviation()).isCloseTo(Math.sqrt(phi * phi + 0.06 * 0.06) * 173.7178, within(1e-9));
        assertThat(after.deviation()).isGreaterThan(200);
        assertThat(after.rating()).isEqualTo(1500);
        assertThat(after.volatility()).isEqualTo(0.06);
        assertThat(glicko.idle(p)).isEqualTo(after);
    }

    @Test
    void inactivityNeverGrowsTheDeviationBeyondTheMaximum() {
        Rating p = new Rating(1700, 60, 0.06);
        for (int period = 0; period < 10_000; period++) {
            Rating next = glicko.idle(p);
            assertThat(next.deviation()).isGreaterThanOrEqualTo(p.deviation());
            p = next;
        }
        assertThat(p.deviation()).isCloseTo(350, within(1e-9));
        assertThat(p.rating()).isEqualTo(1700);
    }

    @Test
    void inactivityNeverShrinksADeviationAlreadyAboveTheMaximum() {
        Rating imported = new Rating(1500, 400, 0.06);
        assertThat(glicko.idle(imported).deviation()).isCloseTo(400, within(1e-9));
    }

    @Test
    void largerTauLetsVolatilityMoveMore() {
        Rating p = new Rating(1500, 50, 0.06);
        List<Encounter> upsets = List.of(Encounter.win(new Rating(2200, 30, 0.06)), Encounter.win(new Rating(2300, 30, 0.06)));

        double calm = new Glicko2(Glicko2Config.withTau(0.3)).update(p, upsets).volatility();
        double jumpy = new Glicko2(Glicko2Config.withTau(1.2)).update(p, upsets).volatility();

        assertThat(calm).isGreaterThan(0.06);
        assertThat(jumpy).isGreaterThan(calm);
    }

    @Test
    void resultsStayFiniteForExtremeInputs() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            Rating p = randomRating(random);
            List<Encounter> games = List.of(
                    new Encounter(randomRating(random), random.nextInt(3) / 2.0),
                    new Encounter(randomRating(random), random.nextInt(3) / 2.0));
            Rating after = glicko.update(p, games); // the Rating constructor rejects NaN and infinities
            assertThat(after.deviation()).isLessThanOrEqualTo(Math.max(350, p.deviation()) + 1e-9);
        }
        Rating far = glicko.update(new Rating(-100_000, 30, 0.06), List.of(Encounter.loss(new Rating(100_000, 30, 0.06))));
        assertThat(far.rating()).isEqualTo(-100_000);
    }

    private static Rating randomRating(Random random) {
        return new Rating(random.nextDouble(0, 3500), random.nextDouble(1, 500), random.nextDouble(0.001, 0.5));
    }

    // --- multi-player matches ---

    @Test
    void twoPlayerMatchIsAnOrdinaryGame() {
        Rating a = new Rating(1500, 200, 0.06);
        Rating b = new Rating(1400, 30, 0.06);

        Map<String, Rating> after = glicko.rateMatch(List.of(new Placement<>("a", a, 1), new Placement<>("b", b, 2)));

        assertThat(after.get("a")).isEqualTo(glicko.update(a, List.of(Encounter.win(b))));
        assertThat(after.get("b")).isEqualTo(glicko.update(b, List.of(Encounter.loss(a))));
    }

    @Test
    void freeForAllOfEqualPlayersOrdersRatingsByPlace() {
        Rating start = glicko.newPlayer();
        List<Placement<String>> standings = List.of(
                new Placement<>("third", start, 3),
                new Placement<>("first", start, 1),
                new Placement<>("fourth", start, 4),
                new Placement<>("second", start, 2));

        Map<String, Rating> after = glicko.rateMatch(standings);

        assertThat(after.keySet()).containsExactly("third", "first", "fourth", "second");
        assertThat(after.get("first").rating()).isGreaterThan(1500);
        assertThat(after.get("first").rating()).isGreaterThan(after.get("second").rating());
        assertThat(after.get("second").rating()).isGreaterThan(after.get("third").rating());
        assertThat(after.get("third").rating()).isGreaterThan(after.get("fourth").rating());
        assertThat(after.get("fourth").rating()).isLessThan(1500);
        // Symmetric standings: the middle moves cancel out and the extremes mirror each other.
        assertThat(after.get("first").rating() - 1500).isCloseTo(1500 - after.get("fourth").rating(), within(1e-9));
        assertThat(after.get("second").rating() - 1500).isCloseTo(1500 - after.get("third").rating(), within(1e-9));
    }

    @Test
    void tiedPlayersOfEqualRatingGetEqualRatings() {
        Rating start = glicko.newPlayer();
        Map<String, Rating> after = glicko.rateMatch(List.of(
                new Placement<>("a", start, 1),
                new Placement<>("b", start, 2),
                new Placement<>("c", start, 2),
                new Placement<>("d", start, 4)));

        assertThat(after.get("b")).isEqualTo(after.get("c"));
        assertThat(after.get("b").rating()).isCloseTo(1500, within(1e-9)); // one win, one draw, one loss
        assertThat(after.get("a").rating()).isGreaterThan(after.get("b").rating());
        assertThat(after.get("d").rating()).isLessThan(after.get("b").rating());
    }

    @Test
    void allTiedMatchBetweenEqualPlayersChangesNoRating() {
        Rating start = glicko.newPlayer();
        Map<Integer, Rating> after = glicko.rateMatch(List.of(
                new Placement<>(1, start, 1), new Placement<>(2, start, 1), new Placement<>(3, start, 1)));

        after.values().forEach(r -> {
            assertThat(r.rating()).isCloseTo(1500, within(1e-9));
            assertThat(r.deviation()).isLessThan(350);
        });
    }

    @Test
    void onlyTheOrderOfPlacesMatters() {
        Rating start = glicko.newPlayer();
        Map<String, Rating> dense = glicko.rateMatch(List.of(
                new Placement<>("a", start, 1), new Placement<>("b", start, 1), new Placement<>("c", start, 2)));
        Map<String, Rating> competition = glicko.rateMatch(List.of(
                new Placement<>("a", start, 1), new Placement<>("b", start, 1), new Placement<>("c", start, 3)));

        assertThat(dense).isEqualTo(competition);
    }

    @Test
    void pairwiseGamesScoreEveryOtherPlayer() {
        Rating r1 = new Rating(1600, 100, 0.06);
        Rating r2 = new Rating(1500, 100, 0.06);
        Rating r3 = new Rating(1400, 100, 0.06);

        Map<String, List<Encounter>> games = Glicko2.pairwiseGames(List.of(
                new Placement<>("x", r1, 2), new Placement<>("y", r2, 1), new Placement<>("z", r3, 2)));

        assertThat(games.get("x")).containsExactly(Encounter.loss(r2), Encounter.draw(r3));
        assertThat(games.get("y")).containsExactly(Encounter.win(r1), Encounter.win(r3));
        assertThat(games.get("z")).containsExactly(Encounter.draw(r1), Encounter.loss(r2));
    }

    @Test
    void rejectsMalformedMatches() {
        Rating r = glicko.newPlayer();
        assertThatThrownBy(() -> glicko.rateMatch(List.of(new Placement<>("solo", r, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two");
        assertThatThrownBy(() -> glicko.rateMatch(List.of(new Placement<>("a", r, 1), new Placement<>("a", r, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new Placement<>("a", r, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
