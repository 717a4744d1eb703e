package io.scalingstage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.scalingstage.testing.Commands;
import io.scalingstage.testing.LocalCluster;
import io.scalingstage.testing.OperatorProcess;
import io.scalingstage.testing.Toolchain;
import io.scalingstage.testing.WithKwokCluster;

/**
 * What a platform engineer reads with kubectl alone: {@code kubectl explain} documents the API, {@code kubectl wait}
 * waits for Ready, {@code kubectl get} prints the stage, the recommendation and readiness (and under {@code -o wide}
 * the promotion mode and the reason), and {@code kubectl describe} tells the story through Events.
 */
@WithKwokCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlE2E {

    private final LocalCluster cluster;
    private OperatorProcess operator;
    private String namespace;

    KubectlE2E(LocalCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    void start() {
        operator = OperatorProcess.start(cluster, "kubectl", Map.of());
        namespace = cluster.createNamespace("kubectl");
        cluster.kubectlOk("apply", "--server-side", "-n", namespace, "-f",
                Toolchain.get().samples().resolve("stage-1.yaml").toString());
    }

    @AfterAll
    void stop() {
        operator.close();
    }

    @Test
    @Order(1)
    void kubectlWaitReturnsOnceTheStageIsReady() {
        Commands.Result wait = cluster.kubectl(null, "wait", "--for=condition=Ready", "sst/shop", "-n", namespace,
                "--timeout=120s");
        assertThat(wait.exit()).as(wait.stderr()).isZero();
        assertThat(wait.stdout()).contains("scalingstage.scalingstage.io/shop condition met");
    }

    @Test
    @Order(2)
    void getPrintsStageRecommendedReadyAgeAndWideAddsModeAndReason() {
        Map<String, String> row = row(cluster.kubectlOk("get", "sst", "-n", namespace));
        assertThat(row.keySet()).containsExactly("NAME", "STAGE", "RECOMMENDED", "READY", "AGE");
        assertThat(row).containsEntry("NAME", "shop").containsEntry("STAGE", "1").containsEntry("RECOMMENDED", "")
                .containsEntry("READY", "True");

        Map<String, String> wide = row(cluster.kubectlOk("get", "sst", "-n", namespace, "-o", "wide"));
        assertThat(wide.keySet()).containsExactly("NAME", "STAGE", "RECOMMENDED", "READY", "MODE", "REASON", "AGE");
        assertThat(wide).containsEntry("MODE", "Recommend").containsEntry("REASON", "AllComponentsReady");
    }

    @Test
    @Order(3)
    void describeTellsTheStoryThroughEvents() {
        String described = cluster.kubectlOk("describe", "sst", "shop", "-n", namespace);
        String events = described.substring(described.indexOf("Events:"));
        assertThat(events).as(described)
                .contains("StageChanged", "Reconciling stage 1.")
                .contains("AllComponentsReady", "Stage 1 (OneBox) is ready")
                .contains("scalingstage-operator");
    }

    @Test
    @Order(4)
    void explainReadsLikeDocumentation() {
        String promotion = cluster.kubectlOk("explain", "scalingstage.spec.promotion");
        assertThat(promotion).contains("How the operator watches metrics and moves between stages.")
                .contains("mode", "interval", "cooldown", "triggers", "prometheus")
                .doesNotContain("<empty>");
        String recursive = cluster.kubectlOk("explain", "scalingstage", "--recursive");
        assertThat(recursive).contains("recommendedStage", "conditions");
    }

    /** The first row of a kubectl table by column, cut at the header's offsets (an empty cell prints nothing). */
    private static Map<String, String> row(String table) {
        List<String> lines = table.lines().toList();
        String header = lines.get(0);
        String first = lines.get(1) + " ".repeat(header.length());
        Matcher column = Pattern.compile("\\S+").matcher(header);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (column.find()) {
            names.add(column.group());
            spans.add(new int[] { column.start(), column.end() });
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? spans.get(i + 1)[0] : first.length();
            row.put(names.get(i), first.substring(spans.get(i)[0], end).trim());
        }
        return row;
    }
}
