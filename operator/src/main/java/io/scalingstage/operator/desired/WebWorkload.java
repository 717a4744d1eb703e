package io.scalingstage.operator.desired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.scalingstage.operator.api.v1alpha1.ComputeResources;
import io.scalingstage.operator.api.v1alpha1.ReplicaRange;
import io.scalingstage.operator.plan.Component;
import io.scalingstage.operator.plan.StagePlan;

/**
 * An HTTP workload of the user's: the app, or a service split out of it at stage 8. Its Deployment, Service,
 * autoscaler and disruption budget are built the same way for both; only the values differ.
 *
 * @param plan the plan it belongs to
 * @param component its component
 * @param name the name of its Deployment, Service, HPA and PodDisruptionBudget
 * @param container its container's name
 * @param selector the labels that select its pods
 * @param image its image
 * @param port the port it listens on, exposed as "http"
 * @param metricsPort the port it serves metrics on, exposed as "metrics", or null
 * @param healthPath its readiness path
 * @param env its environment
 * @param resources its container's resources
 * @param replicas its replica bounds
 * @param loadBalanced whether it runs several replicas with zero-downtime rollouts and topology spread
 * @param autoscaled whether an HPA owns its replica count
 * @param affinity its pods' affinity, or null
 * @param volumes its pods' volumes
 * @param mounts its container's mounts of them
 */
public record WebWorkload(StagePlan plan, Component component, String name, String container, Map<String, String> selector,
        String image, int port, Integer metricsPort, String healthPath, List<EnvVar> env, ComputeResources resources, ReplicaRange replicas,
        boolean loadBalanced, boolean autoscaled, Affinity affinity, List<Volume> volumes, List<VolumeMount> mounts) {

    public static final String PORT_NAME = "http";
    public static final String METRICS_PORT_NAME = "metrics";
    /** The Service port: clients say http://name, whatever port the container listens on. */
    public static final int SERVICE_PORT = 80;
    /** The CPU utilization of its requests the autoscaler aims at. */
    static final int TARGET_CPU_UTILIZATION = 70;
    /** Scale in slowly: one spare pod costs less than users hitting 503s during a spike. */
    static final int SCALE_DOWN_STABILIZATION_SECONDS = 300;

    public Deployment deployment() {
        return new DeploymentBuilder()
                .withMetadata(Metadata.of(plan, component, name, false, selector))
                .withNewSpec()
                    // An autoscaled Deployment leaves replicas out entirely, so the operator and the HPA never fight.
                    .withReplicas(autoscaled ? null : loadBalanced ? replicas.getMin() : Integer.valueOf(1))
                    .withStrategy(loadBalanced ? zeroDowntime() : null)
                    .withNewSelector().withMatchLabels(selector).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(Labels.pod(plan, component, selector)).endMetadata()
                        .withNewSpec()
                            // A web workload talks HTTP and its databases, never the Kubernetes API.
                            .withAutomountServiceAccountToken(false)
                            .withSecurityContext(PodSecurity.restrictedPod())
                            .withAffinity(affinity)
                            .withTopologySpreadConstraints(loadBalanced ? List.of(Scheduling.spread(selector)) : List.of())
                            .addNewContainer()
                                .withName(container)
                                .withImage(image)
                                .withPorts(ports())
                                .withEnv(env)
                                .withNewReadinessProbe()
                                    .withNewHttpGet().withPath(healthPath).withPort(new IntOrString(PORT_NAME)).endHttpGet()
                                    .withPeriodSeconds(5)
                                    .withFailureThreshold(3)
                                .endReadinessProbe()
                                .withResources(Resources.of(resources))
                                .withVolumeMounts(mounts)
                                .withSecurityContext(PodSecurity.restrictedContainer())
                            .endContainer()
                            .withVolumes(volumes)
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    public Service service() {
        return Services.clusterIp(plan, component, name, selector, SERVICE_PORT, PORT_NAME, false, false);
    }

    public HorizontalPodAutoscaler autoscaler() {
        return new HorizontalPodAutoscalerBuilder()
                .withMetadata(Metadata.of(plan, component, name, false, selector))
                .withNewSpec()
                    .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(name).endScaleTargetRef()
                    .withMinReplicas(replicas.getMin())
                    .withMaxReplicas(replicas.getMax())
                    .addNewMetric()
                        .withType("Resource")
                        .withNewResource()
                            .withName("cpu")
                            .withNewTarget().withType("Utilization").withAverageUtilization(TARGET_CPU_UTILIZATION).endTarget()
                        .endResource()
                    .endMetric()
                    .withNewBehavior()
                        .withNewScaleDown().withStabilizationWindowSeconds(SCALE_DOWN_STABILIZATION_SECONDS).endScaleDown()
                    .endBehavior()
                .endSpec()
                .build();
    }

    /** One pod at a time may be evicted, so a drained node never takes the workload down. */
    public PodDisruptionBudget disruptionBudget() {
        return new PodDisruptionBudgetBuilder()
                .withMetadata(Metadata.of(plan, component, name, false, selector))
                .withNewSpec()
                    .withMaxUnavailable(new IntOrString(1))
                    .withNewSelector().withMatchLabels(selector).endSelector()
                .endSpec()
                .build();
    }

    private List<ContainerPort> ports() {
        List<ContainerPort> ports = new ArrayList<>();
        ports.add(new ContainerPortBuilder().withName(PORT_NAME).withContainerPort(port).withProtocol("TCP").build());
        if (metricsPort != null) {
            ports.add(new ContainerPortBuilder().withName(METRICS_PORT_NAME).withContainerPort(metricsPort).withProtocol("TCP").build());
        }
        return ports;
    }

    /** Never fewer ready pods than wanted during a rollout: a new pod must be ready before an old one goes. */
    private static DeploymentStrategy zeroDowntime() {
        return new DeploymentStrategyBuilder()
                .withType("RollingUpdate")
                .withNewRollingUpdate().withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate()
                .build();
    }
}
