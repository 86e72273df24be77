# METADATA
# title: Final stage without a HEALTHCHECK
# description: |
#   Without a HEALTHCHECK, Docker and Swarm only know whether the process is
#   running, not whether it serves: a deadlocked or still-starting container
#   counts as healthy and receives traffic. The final stage inherits a
#   HEALTHCHECK from a stage it is built FROM. HEALTHCHECK NONE is an
#   explicit decision (for example when the orchestrator probes instead) and
#   passes. ECS and Kubernetes ignore image health checks: there, configure
#   healthCheck or probes in the task definition or pod spec instead. A
#   final stage FROM scratch without CMD or ENTRYPOINT only exports files
#   and is not reported, nor is one whose FROM holds a variable that may
#   name an earlier stage (FROM base-${TARGETARCH}), whose HEALTHCHECK it
#   would inherit.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#healthcheck
# custom:
#   id: DKR001
#   name: missing-healthcheck
#   severity: low
#   kinds: [dockerfile]
#   tags: [reliability, dockerfile]
#   remediation: |
#     Add a HEALTHCHECK to the final stage, or HEALTHCHECK NONE when the
#     orchestrator checks health itself:
#       HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
#         CMD curl -fsS http://localhost:8080/health || exit 1
package shipcheck.dockerfile.missing_healthcheck

import data.shipcheck.lib.dockerfile as df

deny contains {"msg": msg, "path": ["stages", df.final_index]} if {
	df.final.healthcheck == null
	not df.artifact_only
	not df.root_unknown
	msg := sprintf("the final %s has no HEALTHCHECK; add one (or HEALTHCHECK NONE when the orchestrator probes the container)", [df.stage_label(df.final)])
}
