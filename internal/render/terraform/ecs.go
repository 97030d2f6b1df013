package terraform

import (
	"strings"
	"unicode"

	"github.com/hoist-dev/hoist/internal/ir"
)

// ecsFamily maps ECS clusters, task definitions, services and Express
// Mode services. A task definition's ContainerDefinitions become the JSON
// document the provider takes (container_definitions), with the ECS API's
// camelCase keys.
type ecsFamily struct{}

func (ecsFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::ECS::Cluster", tf: "aws_ecs_cluster", ref: "name",
			attrs: map[string]attr{"Arn": a("arn")},
			conv:  ecsCluster},
		// CloudFormation's Ref of a task definition is its ARN with the
		// revision.
		{cfn: "AWS::ECS::TaskDefinition", tf: "aws_ecs_task_definition", ref: "arn",
			attrs: map[string]attr{"TaskDefinitionArn": a("arn")},
			conv:  taskDefinition},
		// Ref of a service is its ARN, which is the provider's id.
		{cfn: "AWS::ECS::Service", tf: "aws_ecs_service", ref: "id",
			attrs: map[string]attr{"Name": a("name"), "ServiceArn": a("id")},
			conv:  ecsService},
		{cfn: "AWS::ECS::ExpressGatewayService", tf: "aws_ecs_express_gateway_service", ref: "service_arn",
			attrs: map[string]attr{"ServiceArn": a("service_arn"), "Endpoint": a("ingress_paths.0.endpoint")},
			missing: map[string]string{
				"ECSManagedResourceArns.IngressPath.LoadBalancerArn": "aws_ecs_express_gateway_service in AWS provider 6.x does not export the ARN of the load balancer it manages; alarm on the service's own metrics or use target ecs-fargate for Terraform",
			},
			conv: expressService},
	}
}

// generatedName is "${local.name}-<resource name>", the name
// CloudFormation would make up from the stack name and logical ID, for
// the types whose name the provider requires.
func generatedName(c *conv, name string) expr {
	return tmpl(c.use(localName), eStr("-"+dashed(name)))
}

// nameOr sets arg from key, or to a generated name when key is absent.
func nameOr(c *conv, p *props, b *body, key, arg string) {
	if p.r.Properties.Get(key) != nil {
		p.to(b, key, arg)
		return
	}
	p.raw(key)
	b.set(arg, generatedName(c, c.name(c.cur.ID)))
}

func ecsCluster(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_ecs_cluster", c.name(r.ID))
	nameOr(c, p, b, "ClusterName", "name")
	var nested []*props
	for _, s := range p.list("ClusterSettings") {
		nested = append(nested, s)
		sb := b.block("setting")
		s.to(sb, "Name", "name")
		s.to(sb, "Value", "value")
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}

func taskDefinition(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_ecs_task_definition", c.name(r.ID))
	nameOr(c, p, b, "Family", "family")
	if v := p.raw("ContainerDefinitions"); v != nil {
		e, err := c.value(camelKeys(v, false))
		if err != nil {
			p.fail("ContainerDefinitions", "%v", err)
		} else {
			b.set("container_definitions", eCall{"jsonencode", []expr{e}})
		}
	}
	p.to(b, "Cpu", "cpu")
	p.to(b, "Memory", "memory")
	p.to(b, "NetworkMode", "network_mode")
	p.to(b, "RequiresCompatibilities", "requires_compatibilities")
	p.to(b, "ExecutionRoleArn", "execution_role_arn")
	p.to(b, "TaskRoleArn", "task_role_arn")
	p.to(b, "PidMode", "pid_mode")
	p.to(b, "IpcMode", "ipc_mode")
	var nested []*props
	if rp := p.sub("RuntimePlatform"); rp != nil {
		nested = append(nested, rp)
		rb := b.block("runtime_platform")
		rp.to(rb, "CpuArchitecture", "cpu_architecture")
		rp.to(rb, "OperatingSystemFamily", "operating_system_family")
	}
	if es := p.sub("EphemeralStorage"); es != nil {
		nested = append(nested, es)
		es.to(b.block("ephemeral_storage"), "SizeInGiB", "size_in_gib")
	}
	for _, v := range p.list("Volumes") {
		nested = append(nested, v)
		vb := b.block("volume")
		v.to(vb, "Name", "name")
		v.to(vb, "ConfigureAtLaunch", "configure_at_launch")
		if h := v.sub("Host"); h != nil {
			nested = append(nested, h)
			h.to(vb, "SourcePath", "host_path")
		}
		if e := v.sub("EFSVolumeConfiguration"); e != nil {
			nested = append(nested, e)
			eb := vb.block("efs_volume_configuration")
			e.to(eb, "FilesystemId", "file_system_id")
			e.to(eb, "RootDirectory", "root_directory")
			e.to(eb, "TransitEncryption", "transit_encryption")
			e.to(eb, "TransitEncryptionPort", "transit_encryption_port")
		}
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}

// freeKeys are container definition fields whose keys are the user's
// (log driver options, labels), not field names: they keep their case.
var freeKeys = map[string]bool{"Options": true, "DockerLabels": true}

// camelKeys rewrites a container definition from CloudFormation's
// PascalCase keys to the ECS API's camelCase ones (PortMappings ->
// portMappings), leaving the keys of free-form maps as written.
func camelKeys(v ir.Value, free bool) ir.Value {
	switch x := v.(type) {
	case *ir.List:
		if x == nil {
			return x
		}
		out := &ir.List{}
		for _, it := range x.Items {
			out.Items = append(out.Items, camelKeys(it, false))
		}
		return out
	case *ir.Map:
		if x == nil {
			return x
		}
		out := &ir.Map{}
		for _, en := range x.Entries {
			k := en.Key
			if !free {
				k = lowerCamel(k)
			}
			out.Entries = append(out.Entries, ir.Entry{Key: k, Value: camelKeys(en.Value, !free && freeKeys[en.Key])})
		}
		return out
	}
	return v
}

// lowerCamel lowers the leading capitals of a key: PortMappings ->
// portMappings, CPU -> cpu.
func lowerCamel(k string) string {
	rs := []rune(k)
	for i := 0; i < len(rs) && unicode.IsUpper(rs[i]); i++ {
		if i > 0 && i+1 < len(rs) && unicode.IsLower(rs[i+1]) {
			break
		}
		rs[i] = unicode.ToLower(rs[i])
	}
	return string(rs)
}

func ecsService(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_ecs_service", name)
	nameOr(c, p, b, "ServiceName", "name")
	p.to(b, "Cluster", "cluster")
	p.to(b, "TaskDefinition", "task_definition")
	p.to(b, "LaunchType", "launch_type")
	p.to(b, "PlatformVersion", "platform_version")
	p.to(b, "DesiredCount", "desired_count")
	p.to(b, "EnableECSManagedTags", "enable_ecs_managed_tags")
	p.to(b, "EnableExecuteCommand", "enable_execute_command")
	p.to(b, "HealthCheckGracePeriodSeconds", "health_check_grace_period_seconds")
	p.to(b, "PropagateTags", "propagate_tags")
	p.to(b, "SchedulingStrategy", "scheduling_strategy")
	var nested []*props
	if d := p.sub("DeploymentConfiguration"); d != nil {
		nested = append(nested, d)
		d.to(b, "MaximumPercent", "deployment_maximum_percent")
		d.to(b, "MinimumHealthyPercent", "deployment_minimum_healthy_percent")
		if cb := d.sub("DeploymentCircuitBreaker"); cb != nil {
			nested = append(nested, cb)
			bb := b.block("deployment_circuit_breaker")
			cb.to(bb, "Enable", "enable")
			cb.to(bb, "Rollback", "rollback")
		}
	}
	for _, lb := range p.list("LoadBalancers") {
		nested = append(nested, lb)
		lbb := b.block("load_balancer")
		lb.to(lbb, "TargetGroupArn", "target_group_arn")
		lb.to(lbb, "LoadBalancerName", "elb_name")
		lb.to(lbb, "ContainerName", "container_name")
		lb.to(lbb, "ContainerPort", "container_port")
	}
	if n := p.sub("NetworkConfiguration"); n != nil {
		nested = append(nested, n)
		if aws := n.sub("AwsvpcConfiguration"); aws != nil {
			nested = append(nested, aws)
			nb := b.block("network_configuration")
			aws.to(nb, "Subnets", "subnets")
			aws.to(nb, "SecurityGroups", "security_groups")
			if s, ok := aws.str("AssignPublicIp"); ok {
				switch s {
				case "ENABLED":
					nb.set("assign_public_ip", eRaw("true"))
				case "DISABLED":
					nb.set("assign_public_ip", eRaw("false"))
				default:
					aws.fail("AssignPublicIp", "want ENABLED or DISABLED, got %q", s)
				}
			}
		}
	}
	p.tags(b, "Tags")
	if scaled(c.g, r.ID) {
		// Application Auto Scaling owns the task count once the service
		// exists; CloudFormation leaves it alone unless DesiredCount
		// changes, which ignore_changes matches.
		b.child("lifecycle").set("ignore_changes", eTuple{trav("desired_count")})
	}
	return p.done(nested...)
}

// scaled reports whether a scalable target in g scales the ECS service id.
func scaled(g *ir.Graph, id string) bool {
	for _, r := range g.Resources {
		if r.Type != "AWS::ApplicationAutoScaling::ScalableTarget" {
			continue
		}
		for _, ref := range ir.References(r.Properties.Get("ResourceId")) {
			if ref.Target == id {
				return true
			}
		}
	}
	return false
}

func expressService(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_ecs_express_gateway_service", c.name(r.ID))
	p.to(b, "ServiceName", "service_name")
	p.to(b, "Cluster", "cluster")
	p.to(b, "Cpu", "cpu")
	p.to(b, "Memory", "memory")
	p.to(b, "ExecutionRoleArn", "execution_role_arn")
	p.to(b, "InfrastructureRoleArn", "infrastructure_role_arn")
	p.to(b, "TaskRoleArn", "task_role_arn")
	p.to(b, "HealthCheckPath", "health_check_path")
	var nested []*props
	if pc := p.sub("PrimaryContainer"); pc != nil {
		nested = append(nested, pc)
		cb := b.block("primary_container")
		pc.to(cb, "Image", "image")
		pc.to(cb, "ContainerPort", "container_port")
		pc.to(cb, "Command", "command")
		if l := pc.sub("AwsLogsConfiguration"); l != nil {
			nested = append(nested, l)
			lb := cb.block("aws_logs_configuration")
			l.to(lb, "LogGroup", "log_group")
			l.to(lb, "LogStreamPrefix", "log_stream_prefix")
		}
		for _, e := range pc.list("Environment") {
			nested = append(nested, e)
			eb := cb.block("environment")
			e.to(eb, "Name", "name")
			e.to(eb, "Value", "value")
		}
		for _, s := range pc.list("Secrets") {
			nested = append(nested, s)
			sb := cb.block("secret")
			s.to(sb, "Name", "name")
			s.to(sb, "ValueFrom", "value_from")
		}
		if rc := pc.sub("RepositoryCredentials"); rc != nil {
			nested = append(nested, rc)
			rc.to(cb.block("repository_credentials"), "CredentialsParameter", "credentials_parameter")
		}
	}
	if n := p.sub("NetworkConfiguration"); n != nil {
		nested = append(nested, n)
		nb := b.block("network_configuration")
		n.to(nb, "Subnets", "subnets")
		n.to(nb, "SecurityGroups", "security_groups")
	}
	if s := p.sub("ScalingTarget"); s != nil {
		nested = append(nested, s)
		sb := b.block("scaling_target")
		s.to(sb, "MinTaskCount", "min_task_count")
		s.to(sb, "MaxTaskCount", "max_task_count")
		s.to(sb, "AutoScalingMetric", "auto_scaling_metric")
		s.to(sb, "AutoScalingTargetValue", "auto_scaling_target_value")
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}

// boolString maps "true"/"false" attribute values to booleans.
func boolString(e expr) expr {
	if s, ok := e.(eStr); ok {
		switch strings.ToLower(string(s)) {
		case "true", "false":
			return eRaw(strings.ToLower(string(s)))
		}
	}
	return e
}
