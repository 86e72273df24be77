# METADATA
# title: EFS volume without encryption in transit
# description: |
#   Without transitEncryption the NFS traffic between the task and the EFS
#   file system crosses the VPC in clear text: anyone who can capture
#   traffic on the path (a compromised instance, a mirrored ENI) reads and
#   can alter the files. It is also required for EFS IAM authorization and
#   access points with IAM: those settings fail at task start without it.
# related_resources:
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
#   - ref: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html
#   - ref: https://docs.aws.amazon.com/efs/latest/ug/encryption-in-transit.html
# custom:
#   id: ECS014
#   name: efs-transit-encryption
#   severity: medium
#   kinds: [aws.ecs.task-definition]
#   tags: [security, encryption, ecs]
#   remediation: |
#     Enable transit encryption on every EFS volume.
#
#     JSON:
#       "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0",
#                                  "transitEncryption": "ENABLED"}
#
#     Terraform:
#       efs_volume_configuration {
#         file_system_id     = aws_efs_file_system.data.id
#         transit_encryption = "ENABLED"
#       }
package shipcheck.ecs.efs_transit_encryption

import data.shipcheck.lib.ecs
import data.shipcheck.lib.values

efs_volumes[vi] := cfg if {
	some vi, v in values.array_or_empty(ecs.spec.volumes)
	is_object(v)
	cfg := v.efsVolumeConfiguration
	is_object(cfg)
}

deny contains {"msg": msg, "path": ["volumes", vi, "efsVolumeConfiguration", "transitEncryption"]} if {
	some vi, cfg in efs_volumes
	te := cfg.transitEncryption
	is_string(te)
	not values.unknown(te)
	upper(trim_space(te)) != "ENABLED"
	msg := sprintf("EFS volume %q sets transitEncryption to %q, so its NFS traffic is not encrypted; set it to ENABLED", [volume_name(vi), te])
}

deny contains {"msg": msg, "path": ["volumes", vi, "efsVolumeConfiguration"]} if {
	some vi, cfg in efs_volumes
	not ecs.present(object.get(cfg, "transitEncryption", null))
	msg := sprintf("EFS volume %q does not set transitEncryption, which defaults to DISABLED, so its NFS traffic is not encrypted; set it to ENABLED", [volume_name(vi)])
}

volume_name(vi) := ecs.spec.volumes[vi].name if is_string(ecs.spec.volumes[vi].name)

volume_name(vi) := sprintf("#%d", [vi + 1]) if not is_string(object.get(ecs.spec.volumes[vi], "name", null))
