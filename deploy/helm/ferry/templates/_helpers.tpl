{{/* Names, labels and the checks every template shares. */}}

{{- define "ferry.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "ferry.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "ferry.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "ferry.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "ferry.instanceLabels" -}}
app.kubernetes.io/name: {{ include "ferry.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The server's pods only: the migration Job's pods never receive traffic. */}}
{{- define "ferry.selectorLabels" -}}
{{ include "ferry.instanceLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{- define "ferry.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "ferry.instanceLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: ferry
{{- end }}

{{- define "ferry.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}
{{- end }}

{{- define "ferry.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "ferry.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret the pods read: the chart's own, or the one named by existingSecret. */}}
{{- define "ferry.secretName" -}}
{{- default (include "ferry.fullname" .) .Values.existingSecret }}
{{- end }}

{{/* A stop that cannot finish inside the pod's grace period would be cut off by SIGKILL. */}}
{{- define "ferry.checks" -}}
{{- $stop := add .Values.shutdown.delaySeconds .Values.shutdown.graceSeconds }}
{{- if ge (int $stop) (int .Values.terminationGracePeriodSeconds) }}
{{- fail (printf "shutdown.delaySeconds + shutdown.graceSeconds (%d s) must be below terminationGracePeriodSeconds (%d s), or Kubernetes kills replicas before they finish their requests" (int $stop) (int .Values.terminationGracePeriodSeconds)) }}
{{- end }}
{{- if and .Values.autoscaling.enabled (lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- fail "autoscaling.maxReplicas must be at least autoscaling.minReplicas" }}
{{- end }}
{{- end }}
