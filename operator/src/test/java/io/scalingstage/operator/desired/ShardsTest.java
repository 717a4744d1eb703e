package io.scalingstage.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.scalingstage.operator.ScalingStages;
import io.scalingstage.operator.plan.StagePlan;

class ShardsTest {

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = { 2, 3, 4, 6, 7, 64 })
    @SuppressWarnings("unchecked")
    void eachShardGetsAStatefulSetAndTheMapTilesTheWholeSlotSpace(int count) throws Exception {
        StagePlan plan = StagePlan.of(ScalingStages.atStage(7, "database: {shards: " + count + "}"));

        List<HasMetadata> objects = Shards.desired(plan, () -> "password");

        assertThat(objects.stream().filter(StatefulSet.class::isInstance).map(o -> o.getMetadata().getName()))
                .hasSize(count).contains("shop-shard-0", "shop-shard-" + (count - 1));
        ConfigMap map = (ConfigMap) objects.get(objects.size() - 1);
        Map<String, Object> json = new ObjectMapper().readValue(map.getData().get(Shards.MAP_KEY), Map.class);
        List<Map<String, Object>> shards = (List<Map<String, Object>>) json.get("shards");
        assertThat(shards).hasSize(count);
        int next = 0;
        for (Map<String, Object> shard : shards) {
            List<Integer> slots = (List<Integer>) shard.get("slots");
            assertThat(slots.get(0)).as("no gap and no overlap").isEqualTo(next);
            assertThat(slots.get(1)).isGreaterThanOrEqualTo(slots.get(0));
            next = slots.get(1) + 1;
        }
        assertThat(next).as("every slot belongs to a shard").isEqualTo(Shards.HASH_SLOTS);
    }
}
