{{/* The chart's name, or nameOverride. */}}
{{- define "scalingstage-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The name of every object: fullnameOverride; else the release name when it already says what the chart is
("scalingstage-operator", "my-scalingstage-operator"), or the chart's name when the release is its prefix
("helm install scalingstage ..." gives scalingstage-operator, not scalingstage-scalingstage-operator); else both.
*/}}
{{- define "scalingstage-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := include "scalingstage-operator.name" . }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else if hasPrefix (printf "%s-" .Release.Name) $name }}
{{- $name }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels that pick the operator's pods: they never change over the life of a release. */}}
{{- define "scalingstage-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "scalingstage-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "scalingstage-operator.labels" -}}
{{ include "scalingstage-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: scalingstage
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{/* The image: by digest when one is given, else by tag (the appVersion by default). */}}
{{- define "scalingstage-operator.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
What the operator does with the API, the same rules for the ClusterRole (every namespace) and for each Role (listed
namespaces). Derived from the code; no wildcard anywhere. Every child is written with server-side apply: the API
server authorizes an apply as "patch", and as "create" too when the object does not exist yet. Informers list and
watch each kind; the reconciler reads children only from their caches, so "get" appears only where the code reads
through the API.
*/}}
{{- define "scalingstage-operator.rules" -}}
# The primary resource: informer (list, watch); the finalizer is added by an apply and removed by a JSON patch
# (patch). The operator never writes spec.
# Beyond the walk: get. JOSDK re-reads the ScalingStage when the finalizer's patch conflicts, which only a concurrent
# edit causes.
- apiGroups: ["scalingstage.io"]
  resources: ["scalingstages"]
  verbs: ["get", "list", "watch", "patch"]
# Status is written by server-side apply of the status subresource only.
- apiGroups: ["scalingstage.io"]
  resources: ["scalingstages/status"]
  verbs: ["patch"]
# Beyond the walk: update. Stateless children carry an owner reference with blockOwnerDeletion: clusters running the
# OwnerReferencesPermissionEnforcement admission plugin (OpenShift, hardened clusters) require update on the
# owner's finalizers subresource for that. Nothing else touches this subresource.
- apiGroups: ["scalingstage.io"]
  resources: ["scalingstages/finalizers"]
  verbs: ["update"]
# Children of the workflow (ScalingStageReconciler's dependents): applied, watched, and deleted when their stage
# no longer has them (data-bearing ones only under retention Delete; a shard's claim goes with its StatefulSet).
- apiGroups: [""]
  resources: ["configmaps", "persistentvolumeclaims", "services"]
  verbs: ["list", "watch", "create", "patch", "delete"]
# Secrets as children (passwords).
# Beyond the walk: get. The Prometheus bearer token and CA bundle a ScalingStage names (evidence/PrometheusEndpoints)
# are read by name, not through the informer, which sees only the operator's own; the samples name no Prometheus.
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
# Promotion decisions and status transitions become Events on the ScalingStage (telemetry/StageEvents), each a new
# one.
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
- apiGroups: ["apps"]
  resources: ["deployments", "statefulsets"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["ingresses", "networkpolicies"]
  verbs: ["list", "watch", "create", "patch", "delete"]
# CloudNativePG's Cluster and Poolers. Whether CloudNativePG is installed is read from API discovery, which every
# authenticated user may read: no rule for it, and none on CustomResourceDefinitions.
- apiGroups: ["postgresql.cnpg.io"]
  resources: ["clusters", "poolers"]
  verbs: ["list", "watch", "create", "patch", "delete"]
# Pod CPU for the stage 1 and 2 triggers when no Prometheus is set (metrics/PodCpuSource), listed by label.
- apiGroups: ["metrics.k8s.io"]
  resources: ["pods"]
  verbs: ["list"]
{{- end }}
