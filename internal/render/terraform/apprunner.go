package terraform

import (
	"strconv"

	"github.com/hoist-dev/hoist/internal/ir"
)

// appRunnerFamily maps App Runner services, VPC connectors and auto
// scaling configurations.
//
// CloudFormation makes up a name for each of the three when the template
// gives none; the provider requires one. The rendering derives it from
// local.name and the resource name, cut to App Runner's limit. Ref of each
// is its ARN.
type appRunnerFamily struct{}

func (appRunnerFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::AppRunner::AutoScalingConfiguration", tf: "aws_apprunner_auto_scaling_configuration_version", ref: "arn",
			attrs: map[string]attr{"AutoScalingConfigurationArn": a("arn"),
				"AutoScalingConfigurationRevision": a("auto_scaling_configuration_revision"), "Latest": a("latest")},
			conv: appRunnerAutoScaling},
		{cfn: "AWS::AppRunner::VpcConnector", tf: "aws_apprunner_vpc_connector", ref: "arn",
			attrs: map[string]attr{"VpcConnectorArn": a("arn"), "VpcConnectorRevision": a("vpc_connector_revision")},
			conv:  appRunnerVpcConnector},
		{cfn: "AWS::AppRunner::Service", tf: "aws_apprunner_service", ref: "arn",
			attrs: map[string]attr{"ServiceArn": a("arn"), "ServiceId": a("service_id"),
				"ServiceUrl": a("service_url"), "Status": a("status")},
			conv: appRunnerService},
	}
}

// App Runner's name limits.
const (
	maxAppRunnerName        = 40 // services and VPC connectors
	maxAppRunnerScalingName = 32 // auto scaling configurations
)

// cappedNameOr sets arg from key, or to a generated name cut to limit
// characters when key is absent.
func cappedNameOr(c *conv, p *props, b *body, key, arg string, limit int) {
	if p.r.Properties.Get(key) != nil {
		p.to(b, key, arg)
		return
	}
	p.raw(key)
	b.set(arg, eCall{fn: "substr", args: []expr{generatedName(c, c.name(c.cur.ID)), eRaw("0"), eRaw(strconv.Itoa(limit))}})
}

func appRunnerAutoScaling(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_apprunner_auto_scaling_configuration_version", c.name(r.ID))
	cappedNameOr(c, p, b, "AutoScalingConfigurationName", "auto_scaling_configuration_name", maxAppRunnerScalingName)
	p.to(b, "MaxConcurrency", "max_concurrency")
	p.to(b, "MaxSize", "max_size")
	p.to(b, "MinSize", "min_size")
	p.tags(b, "Tags")
	// Every change replaces the configuration, and the one a service uses
	// cannot go first. Creating first is what CloudFormation does; the
	// same name is no conflict, it makes the next revision.
	b.block("lifecycle").set("create_before_destroy", eRaw("true"))
	return p.done()
}

func appRunnerVpcConnector(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_apprunner_vpc_connector", c.name(r.ID))
	cappedNameOr(c, p, b, "VpcConnectorName", "vpc_connector_name", maxAppRunnerName)
	p.to(b, "Subnets", "subnets")
	// CloudFormation falls back to the VPC's default security group; the
	// provider requires the groups, and which group is the default is not
	// in the template.
	if r.Properties.Get("SecurityGroups") == nil {
		p.fail("SecurityGroups", "required by aws_apprunner_vpc_connector; name the security groups explicitly")
	}
	p.to(b, "SecurityGroups", "security_groups")
	p.tags(b, "Tags")
	return p.done()
}

func appRunnerService(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_apprunner_service", c.name(r.ID))
	cappedNameOr(c, p, b, "ServiceName", "service_name", maxAppRunnerName)
	p.to(b, "AutoScalingConfigurationArn", "auto_scaling_configuration_arn")
	var nested []*props
	add := func(q *props) *props {
		if q != nil {
			nested = append(nested, q)
		}
		return q
	}
	if s := add(p.sub("SourceConfiguration")); s != nil {
		sb := b.block("source_configuration")
		s.to(sb, "AutoDeploymentsEnabled", "auto_deployments_enabled")
		if au := add(s.sub("AuthenticationConfiguration")); au != nil {
			ab := sb.block("authentication_configuration")
			au.to(ab, "AccessRoleArn", "access_role_arn")
			au.to(ab, "ConnectionArn", "connection_arn")
		}
		if img := add(s.sub("ImageRepository")); img != nil {
			ib := sb.block("image_repository")
			img.to(ib, "ImageIdentifier", "image_identifier")
			img.to(ib, "ImageRepositoryType", "image_repository_type")
			if ic := add(img.sub("ImageConfiguration")); ic != nil {
				cb := ib.block("image_configuration")
				ic.to(cb, "Port", "port")
				ic.to(cb, "StartCommand", "start_command")
				keyValues(ic, cb, "RuntimeEnvironmentVariables", "runtime_environment_variables")
				keyValues(ic, cb, "RuntimeEnvironmentSecrets", "runtime_environment_secrets")
			}
		}
		if cr := add(s.sub("CodeRepository")); cr != nil {
			rb := sb.block("code_repository")
			cr.to(rb, "RepositoryUrl", "repository_url")
			cr.to(rb, "SourceDirectory", "source_directory")
			if v := add(cr.sub("SourceCodeVersion")); v != nil {
				vb := rb.block("source_code_version")
				v.to(vb, "Type", "type")
				v.to(vb, "Value", "value")
			}
			if cc := add(cr.sub("CodeConfiguration")); cc != nil {
				ccb := rb.block("code_configuration")
				cc.to(ccb, "ConfigurationSource", "configuration_source")
				if vals := add(cc.sub("CodeConfigurationValues")); vals != nil {
					vb := ccb.block("code_configuration_values")
					vals.to(vb, "Runtime", "runtime")
					vals.to(vb, "BuildCommand", "build_command")
					vals.to(vb, "StartCommand", "start_command")
					vals.to(vb, "Port", "port")
					keyValues(vals, vb, "RuntimeEnvironmentVariables", "runtime_environment_variables")
					keyValues(vals, vb, "RuntimeEnvironmentSecrets", "runtime_environment_secrets")
				}
			}
		}
	} else {
		p.fail("SourceConfiguration", "required")
	}
	if ic := add(p.sub("InstanceConfiguration")); ic != nil {
		ib := b.block("instance_configuration")
		ic.to(ib, "Cpu", "cpu")
		ic.to(ib, "Memory", "memory")
		ic.to(ib, "InstanceRoleArn", "instance_role_arn")
	}
	if hc := add(p.sub("HealthCheckConfiguration")); hc != nil {
		hb := b.block("health_check_configuration")
		hc.to(hb, "Protocol", "protocol")
		hc.to(hb, "Path", "path")
		hc.to(hb, "Interval", "interval")
		hc.to(hb, "Timeout", "timeout")
		hc.to(hb, "HealthyThreshold", "healthy_threshold")
		hc.to(hb, "UnhealthyThreshold", "unhealthy_threshold")
	}
	if n := add(p.sub("NetworkConfiguration")); n != nil {
		nb := b.block("network_configuration")
		n.to(nb, "IpAddressType", "ip_address_type")
		if e := add(n.sub("EgressConfiguration")); e != nil {
			eb := nb.block("egress_configuration")
			e.to(eb, "EgressType", "egress_type")
			e.to(eb, "VpcConnectorArn", "vpc_connector_arn")
		}
		if in := add(n.sub("IngressConfiguration")); in != nil {
			in.to(nb.block("ingress_configuration"), "IsPubliclyAccessible", "is_publicly_accessible")
		}
	}
	if e := add(p.sub("EncryptionConfiguration")); e != nil {
		e.to(b.block("encryption_configuration"), "KmsKey", "kms_key")
	}
	if o := add(p.sub("ObservabilityConfiguration")); o != nil {
		ob := b.block("observability_configuration")
		o.to(ob, "ObservabilityEnabled", "observability_enabled")
		o.to(ob, "ObservabilityConfigurationArn", "observability_configuration_arn")
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}

// keyValues sets arg to a map from a CloudFormation list of {Name, Value}
// pairs, as App Runner's environment variables and secrets are written.
// Names must be literal and unique: they become the map's keys.
func keyValues(p *props, b *body, key, arg string) {
	items := p.list(key)
	if items == nil {
		return
	}
	obj := eObj{}
	seen := map[string]bool{}
	for i, it := range items {
		name, ok := it.str("Name")
		if !ok {
			p.fail(key, "item %d: want a literal Name", i)
			continue
		}
		if seen[name] {
			p.fail(key, "item %d: name %q appears twice", i, name)
			continue
		}
		seen[name] = true
		v := it.val("Value")
		if v == nil {
			p.fail(key, "item %d (%s): want a Value", i, name)
			continue
		}
		obj = append(obj, eKV{name, v})
		if err := it.done(); err != nil {
			p.fail(key, "item %d: %v", i, err)
		}
	}
	b.set(arg, obj)
}
