package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {
    private static final long S = 1_000_000_000L;
    private final Window window = new Window(10 * S, 20 * S);
    private final DeliveryLedger ledger = new DeliveryLedger(window);

    @Test
    void onlyMessagesSentInsideTheWindowAreExpectedAndMeasured() {
        ledger.sent(5 * S, 4);      // warm-up
        ledger.sent(10 * S, 4);     // first instant of the window
        ledger.sent(19 * S, 3);     // a room of three
        ledger.sent(20 * S, 4);     // the end is exclusive
        for (int i = 0; i < 4; i++) {
            assertThat(ledger.delivered(5 * S, 6 * S)).isFalse();
            assertThat(ledger.delivered(10 * S, 11 * S)).isTrue();
        }
        for (int i = 0; i < 3; i++) {
            ledger.delivered(19 * S, 19 * S + 1);
        }
        DeliveryLedger.Snapshot d = ledger.snapshot();
        assertThat(d.sent()).isEqualTo(4);
        assertThat(d.measuredSent()).isEqualTo(2);
        assertThat(d.expected()).isEqualTo(7);
        assertThat(d.delivered()).isEqualTo(11);
        assertThat(d.measuredDelivered()).isEqualTo(7);
        assertThat(d.deliveredPercent()).isEqualTo(100.0);
        assertThat(d.missing()).isZero();
    }

    @Test
    void missingDeliveriesLowerThePercentageAndRatesUseTheWindow() {
        for (int m = 0; m < 100; m++) {
            ledger.sent(10 * S + m, 10);
        }
        for (int k = 0; k < 990; k++) {
            ledger.delivered(11 * S, 12 * S);
        }
        DeliveryLedger.Snapshot d = ledger.snapshot();
        assertThat(d.expected()).isEqualTo(1000);
        assertThat(d.missing()).isEqualTo(10);
        assertThat(d.deliveredPercent()).isEqualTo(99.0);
        assertThat(d.deliveriesPerSecond()).isEqualTo(99.0);
        assertThat(d.sendsPerSecond()).isEqualTo(10.0);
        assertThat(d.secondsAfterWindow()).isZero();
    }

    @Test
    void aBacklogClearedAfterTheWindowStretchesTheTimeTheRateIsTakenOver() {
        for (int m = 0; m < 100; m++) {
            ledger.sent(10 * S + m, 10);
        }
        for (int k = 0; k < 1000; k++) {
            ledger.delivered(10 * S, 15 * S);
        }
        ledger.delivered(10 * S, 30 * S); // the last one arrives 10 s after the window
        ledger.delivered(25 * S, 40 * S); // sent after the window: neither counted nor timed
        DeliveryLedger.Snapshot d = ledger.snapshot();
        assertThat(d.secondsAfterWindow()).isEqualTo(10.0);
        assertThat(d.deliveriesPerSecond()).isEqualTo(1001 / 20.0);
    }

    @Test
    void duplicatesShowAboveOneHundredPercentAndNothingExpectedIsOneHundred() {
        assertThat(ledger.snapshot().deliveredPercent()).isEqualTo(100.0);
        ledger.sent(12 * S, 1);
        ledger.delivered(12 * S, 13 * S);
        ledger.delivered(12 * S, 13 * S);
        assertThat(ledger.snapshot().deliveredPercent()).isEqualTo(200.0);
        assertThat(ledger.snapshot().missing()).isZero();
    }

    @Test
    void windowBoundsSurviveNanoTimeWrapAround() {
        Window w = new Window(Long.MAX_VALUE - S, Long.MAX_VALUE - S + 2 * S);
        assertThat(w.contains(Long.MAX_VALUE)).isTrue();
        assertThat(w.contains(Long.MAX_VALUE + S / 2)).isTrue(); // wrapped past MAX_VALUE
        assertThat(w.contains(Long.MAX_VALUE - 2 * S)).isFalse();
        assertThat(w.seconds()).isEqualTo(2.0);
    }
}
