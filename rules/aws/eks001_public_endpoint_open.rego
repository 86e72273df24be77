# METADATA
# title: EKS API server endpoint is open to the internet
# description: |
#   The Kubernetes API server endpoint of an EKS cluster is public by
#   default and, unless publicAccessCidrs says otherwise, reachable from
#   every address on the internet (0.0.0.0/0). Anyone can then probe it,
#   try leaked or phished credentials against it, and exploit the next API
#   server vulnerability before the cluster is patched. Turn the public
#   endpoint off (private access only) or restrict it to known CIDRs.
# related_resources:
#   - ref: https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
#   - ref: https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html
#   - ref: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#vpc_config
# custom:
#   id: EKS001
#   name: public-endpoint-open
#   severity: high
#   kinds: [aws.eks.cluster]
#   tags: [security, networking, eks]
#   remediation: |
#     Use the private endpoint, or restrict the public one to known CIDRs.
#
#     JSON (create-cluster):
#       "resourcesVpcConfig": {"endpointPrivateAccess": true, "endpointPublicAccess": false}
#
#     Terraform (aws_eks_cluster):
#       vpc_config {
#         subnet_ids              = var.private_subnet_ids
#         endpoint_private_access = true
#         endpoint_public_access  = true
#         public_access_cidrs     = ["203.0.113.0/24"]
#       }
package shipcheck.aws.public_endpoint_open

import data.shipcheck.lib.values

spec := values.object_or_empty(input.spec)

vpc := object.get(spec, "resourcesVpcConfig", null)

public_access := object.get(values.object_or_empty(vpc), "endpointPublicAccess", true)

cidrs := object.get(values.object_or_empty(vpc), "publicAccessCidrs", null)

open_cidrs := {"0.0.0.0/0", "::/0"}

public_on if {
	not values.is_false(public_access)
	not values.unknown(public_access)
	not values.unknown(vpc)
}

deny contains {"msg": msg, "path": ["resourcesVpcConfig", "publicAccessCidrs", i]} if {
	public_on
	some i, c in values.array_or_empty(cidrs)
	c in open_cidrs
	msg := sprintf("the cluster's public API endpoint is open to %s: anyone on the internet can reach the Kubernetes API server; restrict publicAccessCidrs to known networks or turn endpointPublicAccess off", [c])
}

deny contains {"msg": msg, "path": path} if {
	public_on
	cidrs == null
	path := absent_path
	msg := sprintf("the cluster's public API endpoint is on%s with no publicAccessCidrs, so it is open to 0.0.0.0/0: anyone on the internet can reach the Kubernetes API server; set endpointPublicAccess to false or restrict publicAccessCidrs", [default_note])
}

# "(the default)" only when endpointPublicAccess is not written.
default_note := " (the default)" if object.get(values.object_or_empty(vpc), "endpointPublicAccess", null) == null

default_note := "" if object.get(values.object_or_empty(vpc), "endpointPublicAccess", null) != null

absent_path := ["resourcesVpcConfig", "endpointPublicAccess"] if object.get(values.object_or_empty(vpc), "endpointPublicAccess", null) != null

absent_path := ["resourcesVpcConfig"] if {
	object.get(values.object_or_empty(vpc), "endpointPublicAccess", null) == null
	is_object(vpc)
}

absent_path := [] if not is_object(vpc)
