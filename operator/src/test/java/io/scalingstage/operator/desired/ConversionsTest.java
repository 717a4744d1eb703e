package io.scalingstage.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Quantity;

class ConversionsTest {

    @Test
    void durationsInEveryUnitTheApiAllows() {
        assertThat(Durations.seconds("30s")).isEqualTo(30);
        assertThat(Durations.seconds("10m")).isEqualTo(600);
        assertThat(Durations.seconds("1h30m")).isEqualTo(5400);
        assertThat(Durations.seconds("1.5h")).isEqualTo(5400);
        assertThat(Durations.seconds("1500ms")).as("rounded up").isEqualTo(2);
        assertThatThrownBy(() -> Durations.parse("10 minutes")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("10x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsPrintAsTheShortestTextThatParsesBack() {
        for (String text : new String[] { "1h30m", "10m", "5s", "1500ms", "0s", "2h", "1h0m5s" }) {
            assertThat(Durations.parse(Durations.format(Durations.parse(text)))).isEqualTo(Durations.parse(text));
        }
        assertThat(Durations.format(Durations.parse("90s"))).isEqualTo("1m30s");
        assertThat(Durations.format(Durations.parse("1.5h"))).isEqualTo("1h30m");
        assertThat(Durations.format(Durations.parse("1500ms"))).isEqualTo("1500ms");
        assertThat(Durations.format(Durations.parse("0s"))).isEqualTo("0s");
    }

    @Test
    void quantitiesAsBytesAndScaledInTheLargestExactBinaryUnit() {
        assertThat(Quantities.bytes(new Quantity("256Mi"))).isEqualTo(268_435_456L);
        assertThat(Quantities.bytes(new Quantity("1G"))).isEqualTo(1_000_000_000L);
        assertThat(Quantities.scaled(new Quantity("512Mi"), 1.5)).isEqualTo(new Quantity("768Mi"));
        assertThat(Quantities.scaled(new Quantity("1Gi"), 2).toString()).isEqualTo("2Gi");
        assertThat(Quantities.scaled(new Quantity("1Gi"), 1.25).toString()).isEqualTo("1280Mi");
        assertThat(Quantities.scaled(new Quantity("1000"), 1.5).toString()).isEqualTo("1500");
        assertThat(Quantities.scaled(new Quantity("1G"), 2).toString()).as("decimal stays decimal").isEqualTo("2G");
    }

    /** What kube-apiserver stores for each, checked with kubectl on a 1.36 API server. */
    @Test
    void canonicalFormIsWhatTheApiServerStores() {
        assertThat(Quantities.canonical(new Quantity("1.5Gi")).toString()).isEqualTo("1536Mi");
        assertThat(Quantities.canonical(new Quantity("1024Mi")).toString()).isEqualTo("1Gi");
        assertThat(Quantities.canonical(new Quantity("2000M")).toString()).isEqualTo("2G");
        assertThat(Quantities.canonical(new Quantity("10Gi")).toString()).isEqualTo("10Gi");
        assertThat(Quantities.canonical(new Quantity("1500")).toString()).isEqualTo("1500");
        assertThat(Quantities.canonical(new Quantity("100Gi")).toString()).isEqualTo("100Gi");
        assertThat(Quantities.canonical(new Quantity("1.5G")).toString()).isEqualTo("1500M");
    }
}
