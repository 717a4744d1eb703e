package io.scalingstage.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class UpdateLoopsTest {

    private static final String OPERATOR = "system:serviceaccount:scalingstage-system:scalingstage-operator";
    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void sixWritesOfOneObjectInTenSecondsWithoutASpecChangeAreALoop() {
        List<AuditLog.Event> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(write(OPERATOR, "services", "", "shop", i * 1500));
        }

        assertThat(UpdateLoops.find(events)).singleElement().asString().startsWith("services ns/shop: 6 writes");
    }

    @Test
    void fiveWritesOrSixSpreadOverMoreThanTenSecondsAreNot() {
        List<AuditLog.Event> five = new ArrayList<>();
        List<AuditLog.Event> spread = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if (i < 5) {
                five.add(write(OPERATOR, "services", "", "shop", i * 100));
            }
            spread.add(write(OPERATOR, "services", "", "shop", i * 2100));
        }

        assertThat(UpdateLoops.find(five)).isEmpty();
        assertThat(UpdateLoops.find(spread)).isEmpty();
    }

    @Test
    void writesThatFollowASpecChangeOrComeFromSomeoneElseAreNot() {
        List<AuditLog.Event> walk = new ArrayList<>();
        List<AuditLog.Event> others = new ArrayList<>();
        walk.add(write("admin", "scalingstages", "", "shop", 0));
        for (int i = 0; i < 8; i++) {
            walk.add(write(OPERATOR, "deployments", "", "shop", 500 + i * 500));
            walk.add(write(OPERATOR, "events", "", "shop.1", 500 + i * 500));
            others.add(write("system:serviceaccount:kube-system:deployment-controller", "deployments", "status", "shop", i * 500));
        }

        assertThat(UpdateLoops.find(walk)).isEmpty();
        assertThat(UpdateLoops.find(others)).isEmpty();
    }

    @Test
    void statusWritesThatFollowAPromotionsTopologyChangeAreNotButChildrenRewrittenAfterItAre() {
        List<AuditLog.Event> promotion = new ArrayList<>();
        promotion.add(write(OPERATOR, "deployments", "", "shop", 0));
        for (int i = 0; i < 6; i++) {
            promotion.add(write(OPERATOR, "scalingstages", "status", "shop", 100 + i * 1000));
            promotion.add(write(OPERATOR, "services", "", "shop", 100 + i * 1000));
        }

        assertThat(UpdateLoops.find(promotion)).singleElement().asString().startsWith("services ns/shop");
    }

    private static AuditLog.Event write(String user, String resource, String subresource, String name, long millis) {
        return new AuditLog.Event("patch", "", resource, subresource, "ns", name, user, "fabric8", "/", 200, T0.plusMillis(millis));
    }
}
