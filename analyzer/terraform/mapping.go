package terraform

import (
	"fmt"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/source"
)

// field maps one Terraform argument or block to its place in the AWS API
// shape. api is a dotted path, so that flattened Terraform arguments land
// in the API's nested objects (deployment_maximum_percent ->
// deploymentConfiguration.maximumPercent).
type field struct {
	tf, api string
	sub     []field // nested block fields; nil for a plain argument
	list    bool    // a repeated block: a list in the API
	conv    func(*source.Node) *source.Node
}

func arg(tf, api string) field                { return field{tf: tf, api: api} }
func one(tf, api string, sub ...field) field  { return field{tf: tf, api: api, sub: sub} }
func many(tf, api string, sub ...field) field { return field{tf: tf, api: api, sub: sub, list: true} }
func conv(tf, api string, f func(*source.Node) *source.Node) field {
	return field{tf: tf, api: api, conv: f}
}

// mappedType is a resource type the analyzer turns into a canonical kind.
type mappedType struct {
	kind   string
	fields []field
}

var authorizationConfig = []field{arg("access_point_id", "accessPointId"), arg("iam", "iam")}

// resourceTypes maps the Terraform AWS provider's resources to the AWS API
// shapes (register-task-definition, create-service, create-cluster,
// create-repository, create-cluster for EKS, create-log-group).
var resourceTypes = map[string]mappedType{
	"aws_ecs_task_definition": {resource.ECSTaskDefinition, []field{
		arg("family", "family"),
		arg("container_definitions", "containerDefinitions"),
		arg("task_role_arn", "taskRoleArn"),
		arg("execution_role_arn", "executionRoleArn"),
		arg("network_mode", "networkMode"),
		arg("ipc_mode", "ipcMode"),
		arg("pid_mode", "pidMode"),
		arg("cpu", "cpu"),
		arg("memory", "memory"),
		arg("requires_compatibilities", "requiresCompatibilities"),
		arg("enable_fault_injection", "enableFaultInjection"),
		many("volume", "volumes",
			arg("name", "name"),
			arg("host_path", "host.sourcePath"),
			arg("configure_at_launch", "configuredAtLaunch"),
			one("docker_volume_configuration", "dockerVolumeConfiguration",
				arg("scope", "scope"), arg("autoprovision", "autoprovision"), arg("driver", "driver"),
				conv("driver_opts", "driverOpts", stringValues), conv("labels", "labels", stringValues)),
			one("efs_volume_configuration", "efsVolumeConfiguration",
				arg("file_system_id", "fileSystemId"), arg("root_directory", "rootDirectory"),
				arg("transit_encryption", "transitEncryption"), arg("transit_encryption_port", "transitEncryptionPort"),
				one("authorization_config", "authorizationConfig", authorizationConfig...)),
			one("fsx_windows_file_server_volume_configuration", "fsxWindowsFileServerVolumeConfiguration",
				arg("file_system_id", "fileSystemId"), arg("root_directory", "rootDirectory"),
				one("authorization_config", "authorizationConfig",
					arg("credentials_parameter", "credentialsParameter"), arg("domain", "domain")))),
		many("placement_constraints", "placementConstraints", arg("type", "type"), arg("expression", "expression")),
		one("proxy_configuration", "proxyConfiguration",
			arg("type", "type"), arg("container_name", "containerName"), conv("properties", "properties", nameValueList)),
		many("inference_accelerator", "inferenceAccelerators", arg("device_name", "deviceName"), arg("device_type", "deviceType")),
		one("ephemeral_storage", "ephemeralStorage", arg("size_in_gib", "sizeInGiB")),
		one("runtime_platform", "runtimePlatform",
			arg("operating_system_family", "operatingSystemFamily"), arg("cpu_architecture", "cpuArchitecture")),
	}},
	"aws_ecs_service": {resource.ECSService, []field{
		arg("name", "serviceName"),
		arg("cluster", "cluster"),
		arg("task_definition", "taskDefinition"),
		arg("desired_count", "desiredCount"),
		arg("launch_type", "launchType"),
		arg("platform_version", "platformVersion"),
		arg("scheduling_strategy", "schedulingStrategy"),
		arg("enable_execute_command", "enableExecuteCommand"),
		arg("enable_ecs_managed_tags", "enableECSManagedTags"),
		arg("propagate_tags", "propagateTags"),
		arg("health_check_grace_period_seconds", "healthCheckGracePeriodSeconds"),
		arg("iam_role", "role"),
		arg("availability_zone_rebalancing", "availabilityZoneRebalancing"),
		arg("deployment_maximum_percent", "deploymentConfiguration.maximumPercent"),
		arg("deployment_minimum_healthy_percent", "deploymentConfiguration.minimumHealthyPercent"),
		one("deployment_circuit_breaker", "deploymentConfiguration.deploymentCircuitBreaker",
			arg("enable", "enable"), arg("rollback", "rollback")),
		one("alarms", "deploymentConfiguration.alarms",
			arg("alarm_names", "alarmNames"), arg("enable", "enable"), arg("rollback", "rollback")),
		one("deployment_configuration", "deploymentConfiguration",
			arg("strategy", "strategy"), arg("bake_time_in_minutes", "bakeTimeInMinutes")),
		one("deployment_controller", "deploymentController", arg("type", "type")),
		one("network_configuration", "networkConfiguration.awsvpcConfiguration",
			arg("subnets", "subnets"), arg("security_groups", "securityGroups"),
			conv("assign_public_ip", "assignPublicIp", enabledDisabled)),
		many("capacity_provider_strategy", "capacityProviderStrategy",
			arg("capacity_provider", "capacityProvider"), arg("weight", "weight"), arg("base", "base")),
		many("load_balancer", "loadBalancers",
			arg("target_group_arn", "targetGroupArn"), arg("elb_name", "loadBalancerName"),
			arg("container_name", "containerName"), arg("container_port", "containerPort")),
		many("ordered_placement_strategy", "placementStrategy", arg("type", "type"), arg("field", "field")),
		many("placement_constraints", "placementConstraints", arg("type", "type"), arg("expression", "expression")),
		many("service_registries", "serviceRegistries",
			arg("registry_arn", "registryArn"), arg("port", "port"),
			arg("container_name", "containerName"), arg("container_port", "containerPort")),
	}},
	"aws_ecs_cluster": {resource.ECSCluster, []field{
		arg("name", "clusterName"),
		many("setting", "settings", arg("name", "name"), arg("value", "value")),
		one("configuration", "configuration",
			one("execute_command_configuration", "executeCommandConfiguration",
				arg("kms_key_id", "kmsKeyId"), arg("logging", "logging"),
				one("log_configuration", "logConfiguration",
					arg("cloud_watch_encryption_enabled", "cloudWatchEncryptionEnabled"),
					arg("cloud_watch_log_group_name", "cloudWatchLogGroupName"),
					arg("s3_bucket_name", "s3BucketName"),
					arg("s3_bucket_encryption_enabled", "s3EncryptionEnabled"),
					arg("s3_key_prefix", "s3KeyPrefix"))),
			one("managed_storage_configuration", "managedStorageConfiguration",
				arg("kms_key_id", "kmsKeyId"), arg("fargate_ephemeral_storage_kms_key_id", "fargateEphemeralStorageKmsKeyId"))),
		one("service_connect_defaults", "serviceConnectDefaults", arg("namespace", "namespace")),
	}},
	"aws_ecr_repository": {resource.ECRRepository, []field{
		arg("name", "repositoryName"),
		arg("image_tag_mutability", "imageTagMutability"),
		many("image_tag_mutability_exclusion_filter", "imageTagMutabilityExclusionFilters",
			arg("filter", "filter"), arg("filter_type", "filterType")),
		one("image_scanning_configuration", "imageScanningConfiguration", arg("scan_on_push", "scanOnPush")),
		one("encryption_configuration", "encryptionConfiguration",
			arg("encryption_type", "encryptionType"), arg("kms_key", "kmsKey")),
	}},
	"aws_eks_cluster": {resource.EKSCluster, []field{
		arg("name", "name"),
		arg("role_arn", "roleArn"),
		arg("version", "version"),
		one("vpc_config", "resourcesVpcConfig",
			arg("subnet_ids", "subnetIds"), arg("security_group_ids", "securityGroupIds"),
			arg("endpoint_private_access", "endpointPrivateAccess"), arg("endpoint_public_access", "endpointPublicAccess"),
			arg("public_access_cidrs", "publicAccessCidrs")),
		many("encryption_config", "encryptionConfig",
			arg("resources", "resources"), one("provider", "provider", arg("key_arn", "keyArn"))),
		conv("enabled_cluster_log_types", "logging", clusterLogging),
		one("access_config", "accessConfig",
			arg("authentication_mode", "authenticationMode"),
			arg("bootstrap_cluster_creator_admin_permissions", "bootstrapClusterCreatorAdminPermissions")),
		one("kubernetes_network_config", "kubernetesNetworkConfig",
			arg("service_ipv4_cidr", "serviceIpv4Cidr"), arg("ip_family", "ipFamily")),
	}},
	"aws_cloudwatch_log_group": {resource.LogGroup, []field{
		arg("name", "logGroupName"),
		arg("name_prefix", "logGroupNamePrefix"),
		arg("retention_in_days", "retentionInDays"),
		arg("kms_key_id", "kmsKeyId"),
		arg("log_group_class", "logGroupClass"),
	}},
}

// mapper builds canonical nodes from raw ones.
type mapper struct {
	headers map[*source.Node]source.Range // raw and canonical block objects -> header
	// module holds the files of the module the resource is declared in,
	// nil when that does not apply (plan JSON).
	module map[string][]byte
}

// object maps raw through fields. at is where fields that only exist in
// the API shape (deploymentConfiguration) point: the enclosing block's
// header.
func (m *mapper) object(raw *source.Node, fields []field, at source.Range) *source.Node {
	out := &source.Node{Kind: source.Object, Range: raw.Range}
	for _, f := range fields {
		mem, ok := member(raw, f.tf)
		if !ok || mem.Value.Kind == source.Null {
			continue
		}
		v := m.value(f, mem)
		if v == nil {
			continue
		}
		setPath(out, strings.Split(f.api, "."), mem.KeyRange, at, v)
	}
	return out
}

func (m *mapper) value(f field, mem source.Member) *source.Node {
	switch {
	case f.conv != nil:
		return f.conv(mem.Value)
	case f.sub == nil:
		return mem.Value
	}
	items := blockItems(mem.Value)
	if !f.list {
		if len(items) == 0 {
			return nil
		}
		return m.block(items[0], f.sub, mem.KeyRange)
	}
	arr := &source.Node{Kind: source.Array, Range: mem.Value.Range}
	for _, it := range items {
		arr.Items = append(arr.Items, m.block(it, f.sub, mem.KeyRange))
	}
	return arr
}

func (m *mapper) block(raw *source.Node, sub []field, keyRange source.Range) *source.Node {
	hdr, ok := m.headers[raw]
	if !ok {
		hdr = keyRange
	}
	c := m.object(raw, sub, hdr)
	m.headers[c] = hdr
	return c
}

// blockItems returns the objects of a block value: nested blocks are lists
// of objects in HCL and plan JSON, and may be a single object in .tf.json.
func blockItems(n *source.Node) []*source.Node {
	return objects(n)
}

func member(n *source.Node, key string) (source.Member, bool) {
	if n == nil || n.Kind != source.Object {
		return source.Member{}, false
	}
	for i := len(n.Members) - 1; i >= 0; i-- {
		if n.Members[i].Key == key {
			return n.Members[i], true
		}
	}
	return source.Member{}, false
}

// setPath sets out[path...] = v, creating the intermediate objects with
// their key pointing at at. A later value for an existing object merges
// into it, so deployment_configuration and deployment_circuit_breaker
// both land in deploymentConfiguration.
func setPath(out *source.Node, path []string, kr, at source.Range, v *source.Node) {
	for _, k := range path[:len(path)-1] {
		next := out.Get(k)
		if next == nil || next.Kind != source.Object {
			next = &source.Node{Kind: source.Object, Range: at}
			out.Members = append(out.Members, source.Member{Key: k, KeyRange: at, Value: next})
		}
		out = next
	}
	last := path[len(path)-1]
	if prev := out.Get(last); prev != nil && prev.Kind == source.Object && v.Kind == source.Object {
		prev.Members = append(prev.Members, v.Members...)
		return
	}
	out.Members = append(out.Members, source.Member{Key: last, KeyRange: kr, Value: v})
}

// enabledDisabled converts assign_public_ip's boolean to the API's enum.
func enabledDisabled(n *source.Node) *source.Node {
	out := *n
	switch {
	case n.Kind == source.Bool && n.Value == true, n.Kind == source.String && strings.EqualFold(n.Str(), "true"):
		out.Kind, out.Value = source.String, "ENABLED"
	case n.Kind == source.Bool, n.Kind == source.String && strings.EqualFold(n.Str(), "false"):
		out.Kind, out.Value = source.String, "DISABLED"
	}
	return &out
}

// nameValueList converts a map(string) argument into the API's [{name,
// value}], with Terraform's conversion of numbers and booleans to strings.
func nameValueList(n *source.Node) *source.Node {
	if n.Kind != source.Object {
		return n
	}
	out := &source.Node{Kind: source.Array, Range: n.Range}
	for _, mem := range n.Members {
		out.Items = append(out.Items, &source.Node{Kind: source.Object, Range: mem.KeyRange, Members: []source.Member{
			{Key: "name", KeyRange: mem.KeyRange, Value: &source.Node{Kind: source.String, Value: mem.Key, Range: mem.KeyRange}},
			{Key: "value", KeyRange: mem.KeyRange, Value: scalarString(mem.Value)},
		}})
	}
	return out
}

// stringValues applies Terraform's map(string) conversion to a map argument:
// proxy_configuration properties = { ProxyIngressPort = 15000 } (the
// provider's own example) is the string "15000" by the time it reaches the
// API.
func stringValues(n *source.Node) *source.Node {
	if n.Kind != source.Object {
		return n
	}
	out := *n
	out.Members = make([]source.Member, len(n.Members))
	for i, mem := range n.Members {
		mem.Value = scalarString(mem.Value)
		out.Members[i] = mem
	}
	return &out
}

// scalarString converts a number or boolean to its string form, as
// Terraform converts values given to a string-typed argument.
func scalarString(n *source.Node) *source.Node {
	switch n.Kind {
	case source.Number, source.Bool:
		out := *n
		out.Kind, out.Value = source.String, fmt.Sprint(n.Value)
		return &out
	}
	return n
}

// clusterLogging converts enabled_cluster_log_types into the EKS API's
// logging.clusterLogging[{types, enabled: true}].
func clusterLogging(n *source.Node) *source.Node {
	r := n.Range
	entry := &source.Node{Kind: source.Object, Range: r, Members: []source.Member{
		{Key: "types", KeyRange: r, Value: n},
		{Key: "enabled", KeyRange: r, Value: &source.Node{Kind: source.Bool, Value: true, Range: r}},
	}}
	return &source.Node{Kind: source.Object, Range: r, Members: []source.Member{
		{Key: "clusterLogging", KeyRange: r, Value: &source.Node{Kind: source.Array, Range: r, Items: []*source.Node{entry}}},
	}}
}

// index builds the path index of a canonical spec: the source conventions,
// plus the resource header for the root and block headers for list items
// that came from blocks.
func (m *mapper) index(spec *source.Node, header source.Range) *source.Index {
	ix := spec.Index()
	m.fix(ix, spec, nil)
	ix.Add(source.Path{}, header)
	return ix
}

// writtenOutside reports whether mem's value is a scalar written outside
// the module's configuration files: in a variables file, in the argument
// of the module call that passes it, or in a JSON or YAML file the module
// reads. A finding on it then points there, where it is to be changed,
// rather than at the key (the module's "user = var.user" line). A value
// written in another .tf file of the module itself (a default, a local)
// still points at its key, as one written in the same file does.
func (m *mapper) writtenOutside(mem source.Member) bool {
	v := mem.Value
	switch {
	case m.module == nil || v.Range.File == "" || v.Range.File == mem.KeyRange.File:
		return false
	case v.Kind != source.String && v.Kind != source.Number && v.Kind != source.Bool:
		return false
	}
	_, own := m.module[v.Range.File]
	return !own
}

func (m *mapper) fix(ix *source.Index, n *source.Node, p source.Path) {
	switch n.Kind {
	case source.Object:
		for _, mem := range n.Members {
			cp := p.Child(mem.Key)
			m.fix(ix, mem.Value, cp)
			if m.writtenOutside(mem) {
				ix.Add(cp, mem.Value.Range)
			}
		}
	case source.Array:
		for i, it := range n.Items {
			cp := p.Child(i)
			if hdr, ok := m.headers[it]; ok {
				ix.Add(cp, hdr)
			}
			m.fix(ix, it, cp)
		}
	}
}
