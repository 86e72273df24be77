# METADATA
# description: |
#   Helpers for Kubernetes manifests (kind "kubernetes"): where a manifest
#   keeps its pod spec, every container with its path and label, whether
#   the pod runs until stopped, and the security-context fields a container
#   inherits from its pod.
#
#   Pod specs: Pod (spec), Deployment, StatefulSet, DaemonSet, ReplicaSet,
#   ReplicationController, Job (spec.template.spec; a Cloud Run job's is
#   spec.template.spec.template.spec), CronJob
#   (spec.jobTemplate.spec.template.spec), PodTemplate (template.spec), and
#   any other kind whose spec.template.spec holds containers (Argo Rollouts
#   Rollout, OpenShift DeploymentConfig, Knative Service and
#   Configuration). The Go adapter (analyzer/kubernetes/podspec.go) follows
#   the same table.
package shipcheck.lib.k8s

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

kind := spec.kind if is_string(spec.kind)

workloads := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

special := {"Pod", "CronJob", "PodTemplate"}

# pod_path is the path of the manifest's pod spec.
pod_path := ["spec"] if kind == "Pod"

pod_path := ["spec", "jobTemplate", "spec", "template", "spec"] if kind == "CronJob"

pod_path := ["template", "spec"] if kind == "PodTemplate"

pod_path := ["spec", "template", "spec"] if {
	kind in workloads
	not cloud_run_job
}

# A Cloud Run job's template is an execution, whose template is the task
# that runs the containers.
pod_path := ["spec", "template", "spec", "template", "spec"] if cloud_run_job

cloud_run_job if {
	kind == "Job"
	startswith(trim_space(object.get(spec, "apiVersion", "")), "run.googleapis.com/")
}

pod_path := ["spec", "template", "spec"] if {
	not kind in special
	not kind in workloads
	is_array(object.get(spec, ["spec", "template", "spec", "containers"], null))
}

# pod is the pod spec, when the manifest has one.
pod := p if {
	p := object.get(spec, pod_path, null)
	is_object(p)
}

pod_security := values.object_or_empty(object.get(pod, "securityContext", null))

container_types := ["containers", "initContainers", "ephemeralContainers"]

# containers holds every container of the pod: {"path", "container",
# "type" (containers, initContainers, ephemeralContainers), "index"}.
# Entries that are not objects are skipped (SCH002 reports them).
containers contains {"path": array.concat(pod_path, [t, i]), "container": c, "type": t, "index": i} if {
	some t in container_types
	some i, c in values.array_or_empty(object.get(pod, t, null))
	is_object(c)
}

# sidecar holds for a native sidecar: an init container that keeps running.
sidecar(x) if {
	x.type == "initContainers"
	x.container.restartPolicy == "Always"
}

# run_to_completion holds for pods that finish: Jobs, CronJobs, and Pods
# whose restartPolicy is Never or OnFailure. The pod template of another
# kind (GitHub's AutoscalingRunnerSet, whose runner pods each take one
# job) finishes too when it says so; the API server accepts only Always
# in the templates of Deployments, StatefulSets, DaemonSets and
# ReplicaSets.
run_to_completion if kind in {"Job", "CronJob"}

run_to_completion if {
	not kind in workloads
	pod.restartPolicy in {"Never", "OnFailure"}
}

# long_running holds for the containers of a pod that runs until stopped:
# its regular containers and native sidecars.
long_running(x) if {
	not run_to_completion
	x.type == "containers"
}

long_running(x) if {
	not run_to_completion
	sidecar(x)
}

# label names a container in messages, by name or by list position.
label(x) := sprintf("%s %q", [type_label(x), x.container.name]) if values.nonempty_string(object.get(x.container, "name", null))

label(x) := sprintf("%s #%d", [type_label(x), x.index + 1]) if not values.nonempty_string(object.get(x.container, "name", null))

type_label(x) := "container" if x.type == "containers"

type_label(x) := "sidecar container" if sidecar(x)

type_label(x) := "init container" if {
	x.type == "initContainers"
	not sidecar(x)
}

type_label(x) := "ephemeral container" if x.type == "ephemeralContainers"

security(x) := values.object_or_empty(object.get(x.container, "securityContext", null))

# effective returns an inheritable security-context field of a container
# (runAsUser, runAsGroup, runAsNonRoot, seccompProfile, seLinuxOptions):
# {"value", "path", "inherited"}, the container's own setting else the
# pod's. Undefined when neither sets it.
# (One body with else: the container's setting is looked up once.)
effective(x, field) := {"value": v, "path": array.concat(x.path, ["securityContext", field]), "inherited": false} if {
	v := object.get(security(x), field, null)
	v != null
} else := {"value": v, "path": array.concat(pod_path, ["securityContext", field]), "inherited": true} if {
	v := object.get(pod_security, field, null)
	v != null
}

# source names where an effective value was written, for messages: the
# pod's path and, when the engine knows the source, its line.
source(e) := sprintf("inherited from the pod's securityContext at %s, line %d", [dotted(e.path), line]) if {
	e.inherited
	line := shipcheck.source.line(e.path)
}

source(e) := sprintf("inherited from the pod's securityContext at %s", [dotted(e.path)]) if {
	e.inherited
	not located(e.path)
}

located(p) if shipcheck.source.line(p)

source(e) := "set on the container" if not e.inherited

# at is where a finding on an effective value points: the value when the
# container writes it, else the container (the message names the pod's
# line).
at(x, e) := e.path if not e.inherited

at(x, e) := x.path if e.inherited

# nearest returns the path of keys under the container, cut after the
# last key that is written: where a finding about an absent field points.
# A key written with no value ("resources:" alone) is written.
# A prefix is written only when every shorter one is, so the number of
# written prefixes is the length of the longest.
nearest(x, keys) := array.concat(x.path, array.slice(keys, 0, n)) if {
	n := count([i |
		some i, _ in keys
		object.get(x.container, array.slice(keys, 0, i + 1), absent) != absent
	])
}

# absent is what object.get returns for a key that is not written.
absent := {"shipcheck.absent": true}

# dotted renders a path as spec.template.spec.containers[0].image.
dotted(p) := concat("", [part |
	some i, e in p
	part := dotted_part(i, e)
])

dotted_part(_, e) := sprintf("[%d]", [e]) if is_number(e)

dotted_part(0, e) := e if is_string(e)

dotted_part(i, e) := concat("", [".", e]) if {
	is_string(e)
	i > 0
}

# windows holds for pods that run on Windows nodes: spec.os.name, a
# kubernetes.io/os node selector or required node affinity, or Windows
# options in the pod's security context. Linux-only settings (users, capabilities, seccomp, read-only
# root) do not apply to them.
windows if lower(object.get(pod, ["os", "name"], "")) == "windows"

windows if {
	some key in ["kubernetes.io/os", "beta.kubernetes.io/os"]
	lower(object.get(pod, ["nodeSelector", key], "")) == "windows"
}

windows if is_object(object.get(pod_security, "windowsOptions", null))

# A required node affinity whose every term selects Windows nodes only
# schedules the pod on Windows (terms are alternatives).
windows if {
	terms := values.array_or_empty(object.get(pod, ["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"], null))
	count(terms) > 0
	every term in terms {
		windows_term(term)
	}
}

windows_term(term) if {
	some e in values.array_or_empty(object.get(term, "matchExpressions", null))
	object.get(e, "key", "") in {"kubernetes.io/os", "beta.kubernetes.io/os"}
	object.get(e, "operator", "") == "In"
	os := values.array_or_empty(object.get(e, "values", null))
	count(os) > 0
	every v in os {
		lower(v) == "windows"
	}
}

linux if not windows

# cloud_run holds for Cloud Run objects written in their Kubernetes-style
# YAML (gcloud run services replace): a run.googleapis.com apiVersion (Job,
# WorkerPool), or a Knative Service whose labels or annotations are Cloud
# Run's own (run.googleapis.com/..., cloud.googleapis.com/location), on the
# object or its revision template. Cloud Run rejects a container
# securityContext and always applies CPU and memory limits (1 CPU, 512Mi by
# default), so the rules about those settings do not apply to it.
cloud_run if startswith(object.get(spec, "apiVersion", ""), "run.googleapis.com/")

cloud_run if {
	startswith(object.get(spec, "apiVersion", ""), "serving.knative.dev/")
	some meta in [object.get(spec, "metadata", {}), object.get(spec, ["spec", "template", "metadata"], {})]
	some field in ["labels", "annotations"]
	some key, _ in values.object_or_empty(object.get(meta, field, {}))
	cloud_run_key(key)
}

cloud_run_key(key) if startswith(key, "run.googleapis.com/")

cloud_run_key(key) if startswith(key, "cloud.googleapis.com/")

# security_context_applies holds where a container's Linux security context
# can be set: Linux pods, and not Cloud Run, which has no securityContext.
security_context_applies if {
	linux
	not cloud_run
}

# written holds for a setting with a value: a number, a non-blank string
# (including an unknown placeholder), a boolean, an object or an array.
# Every JSON value but null and a blank string is one of those: two
# bodies test that with fewer builtin calls than one body per type.
written(v) if {
	v != null
	not is_string(v)
}

written(v) if values.nonempty_string(v)

# capability normalises "cap_sys_admin", "CAP_SYS_ADMIN" and "sys_admin" to
# "SYS_ADMIN", as the container runtimes accept them all.
capability(c) := trim_prefix(upper(trim_space(c)), "CAP_")
