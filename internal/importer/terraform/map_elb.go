package terraform

import (
	"sort"

	"github.com/hoist-dev/hoist/internal/ir"
)

// elbTypes maps Application and Network Load Balancers (aws_lb and its old
// name aws_alb), listeners, listener rules and certificates, and target
// groups. The provider's named arguments become CloudFormation's key/value
// attribute lists (LoadBalancerAttributes, TargetGroupAttributes), sorted
// by key.
func elbTypes() []typeMap {
	lb := typeMap{tf: "aws_lb", cfn: "AWS::ElasticLoadBalancingV2::LoadBalancer", ref: []string{"arn", "id"},
		attrs: map[string]string{"dns_name": "DNSName", "arn_suffix": "LoadBalancerFullName",
			"zone_id": "CanonicalHostedZoneID", "name": "LoadBalancerName"},
		fields: []field{
			f("name", "Name"),
			f("load_balancer_type", "Type"),
			fv("internal", "Scheme", func(v ir.Value) ir.Value {
				if b, ok := ir.AsBool(v); ok {
					if b {
						return ir.String("internal")
					}
					return ir.String("internet-facing")
				}
				return nil
			}),
			f("ip_address_type", "IpAddressType"),
			fv("security_groups", "SecurityGroups", nonEmpty),
			fv("subnets", "Subnets", nonEmpty),
			blks("subnet_mapping", "SubnetMappings",
				f("subnet_id", "SubnetId"),
				f("allocation_id", "AllocationId"),
				f("private_ipv4_address", "PrivateIPv4Address"),
				f("ipv6_address", "IPv6Address")),
			tags(),
		},
		post: lbAttributes("LoadBalancerAttributes", loadBalancerAttrs)}
	listener := typeMap{tf: "aws_lb_listener", cfn: "AWS::ElasticLoadBalancingV2::Listener", ref: []string{"arn", "id"},
		fields: []field{
			f("load_balancer_arn", "LoadBalancerArn"),
			f("port", "Port"),
			f("protocol", "Protocol"),
			f("ssl_policy", "SslPolicy"),
			fv("alpn_policy", "AlpnPolicy", listOf),
			fv("certificate_arn", "Certificates", certificates),
			blks("default_action", "DefaultActions", actionFields...),
		}}
	tg := typeMap{tf: "aws_lb_target_group", cfn: "AWS::ElasticLoadBalancingV2::TargetGroup", ref: []string{"arn", "id"},
		attrs: map[string]string{"arn_suffix": "TargetGroupFullName", "name": "TargetGroupName", "load_balancer_arns": "LoadBalancerArns"},
		fields: []field{
			f("name", "Name"),
			f("target_type", "TargetType"),
			f("protocol", "Protocol"),
			f("protocol_version", "ProtocolVersion"),
			f("port", "Port"),
			f("vpc_id", "VpcId"),
			f("ip_address_type", "IpAddressType"),
			blk("health_check", "",
				f("enabled", "HealthCheckEnabled"),
				f("path", "HealthCheckPath"),
				fv("port", "HealthCheckPort", str),
				f("protocol", "HealthCheckProtocol"),
				f("interval", "HealthCheckIntervalSeconds"),
				f("timeout", "HealthCheckTimeoutSeconds"),
				f("healthy_threshold", "HealthyThresholdCount"),
				f("unhealthy_threshold", "UnhealthyThresholdCount"),
				f("matcher", "Matcher.HttpCode")),
			tags(),
		},
		post: lbAttributes("TargetGroupAttributes", targetGroupAttrs)}
	alias := func(m typeMap, tf string) typeMap { m.tf = tf; return m }
	return []typeMap{
		lb, alias(lb, "aws_alb"),
		listener, alias(listener, "aws_alb_listener"),
		tg, alias(tg, "aws_alb_target_group"),
		{tf: "aws_lb_listener_certificate", cfn: "AWS::ElasticLoadBalancingV2::ListenerCertificate",
			fields: []field{
				f("listener_arn", "ListenerArn"),
				fv("certificate_arn", "Certificates", certificates),
			},
			merge: &mergeSpec{attr: "listener_arn", targets: []string{"aws_lb_listener", "aws_alb_listener"}, drop: []string{"ListenerArn"}}},
		{tf: "aws_lb_listener_rule", cfn: "AWS::ElasticLoadBalancingV2::ListenerRule", ref: []string{"arn", "id"},
			fields: []field{
				f("listener_arn", "ListenerArn"),
				f("priority", "Priority"),
				blks("action", "Actions", actionFields...),
			},
			post: listenerRuleConditions},
	}
}

// actionFields map a listener or rule action.
var actionFields = []field{
	f("type", "Type"),
	f("order", "Order"),
	f("target_group_arn", "TargetGroupArn"),
	blk("redirect", "RedirectConfig",
		f("host", "Host"), f("path", "Path"), fv("port", "Port", str), f("protocol", "Protocol"),
		f("query", "Query"), f("status_code", "StatusCode")),
	blk("fixed_response", "FixedResponseConfig",
		f("content_type", "ContentType"), f("message_body", "MessageBody"), fv("status_code", "StatusCode", str)),
	blk("forward", "ForwardConfig",
		blks("target_group", "TargetGroups", f("arn", "TargetGroupArn"), f("weight", "Weight")),
		blk("stickiness", "TargetGroupStickinessConfig", f("enabled", "Enabled"), f("duration", "DurationSeconds"))),
}

// certificates wraps a certificate ARN as a Certificates list.
func certificates(v ir.Value) ir.Value {
	return &ir.List{Items: []ir.Value{ir.M("CertificateArn", v)}}
}

// lbAttr is where one argument goes in a key/value attribute list: the
// key, and for an argument of a nested block, the block.
type lbAttr struct{ block, arg, key string }

var loadBalancerAttrs = []lbAttr{
	{"", "enable_deletion_protection", "deletion_protection.enabled"},
	{"", "idle_timeout", "idle_timeout.timeout_seconds"},
	{"", "enable_http2", "routing.http2.enabled"},
	{"", "drop_invalid_header_fields", "routing.http.drop_invalid_header_fields.enabled"},
	{"", "desync_mitigation_mode", "routing.http.desync_mitigation_mode"},
	{"", "preserve_host_header", "routing.http.preserve_host_header.enabled"},
	{"", "enable_tls_version_and_cipher_suite_headers", "routing.http.x_amzn_tls_version_and_cipher_suite.enabled"},
	{"", "enable_xff_client_port", "routing.http.xff_client_port.enabled"},
	{"", "xff_header_processing_mode", "routing.http.xff_header_processing.mode"},
	{"", "enable_waf_fail_open", "waf.fail_open.enabled"},
	{"", "enable_cross_zone_load_balancing", "load_balancing.cross_zone.enabled"},
	{"", "client_keep_alive", "client_keep_alive.seconds"},
	{"", "enable_zonal_shift", "zonal_shift.config.enabled"},
	{"", "dns_record_client_routing_policy", "dns_record.client_routing_policy"},
	{"access_logs", "enabled", "access_logs.s3.enabled"},
	{"access_logs", "bucket", "access_logs.s3.bucket"},
	{"access_logs", "prefix", "access_logs.s3.prefix"},
	{"connection_logs", "enabled", "connection_logs.s3.enabled"},
	{"connection_logs", "bucket", "connection_logs.s3.bucket"},
	{"connection_logs", "prefix", "connection_logs.s3.prefix"},
}

var targetGroupAttrs = []lbAttr{
	{"", "deregistration_delay", "deregistration_delay.timeout_seconds"},
	{"", "slow_start", "slow_start.duration_seconds"},
	{"", "load_balancing_algorithm_type", "load_balancing.algorithm.type"},
	{"", "load_balancing_anomaly_mitigation", "load_balancing.algorithm.anomaly_mitigation"},
	{"", "load_balancing_cross_zone_enabled", "load_balancing.cross_zone.enabled"},
	{"", "preserve_client_ip", "preserve_client_ip.enabled"},
	{"", "proxy_protocol_v2", "proxy_protocol_v2.enabled"},
	{"", "lambda_multi_value_headers_enabled", "lambda.multi_value_headers.enabled"},
	{"", "connection_termination", "deregistration_delay.connection_termination.enabled"},
	{"stickiness", "enabled", "stickiness.enabled"},
	{"stickiness", "type", "stickiness.type"},
	{"stickiness", "cookie_duration", "stickiness.lb_cookie.duration_seconds"},
	{"stickiness", "cookie_name", "stickiness.app_cookie.cookie_name"},
}

// lbAttributes writes the arguments of table as a key/value list at key.
func lbAttributes(key string, table []lbAttr) func(*mapper, *ir.Map, *ir.Map) {
	return func(_ *mapper, in, out *ir.Map) {
		list := &ir.List{Loc: in.Loc}
		for _, a := range table {
			src := in
			if a.block != "" {
				src = firstBlock(in.Get(a.block))
				if src == nil {
					continue
				}
			}
			e, ok := src.Entry(a.arg)
			if !ok || isNull(e.Value) {
				continue
			}
			if s, isStr := e.Value.(ir.String); isStr && s == "" {
				continue
			}
			loc := locOr(e.Loc, src.Loc)
			list.Items = append(list.Items, &ir.Map{Loc: loc, Entries: []ir.Entry{
				{Key: "Key", Value: ir.String(a.key), Loc: loc},
				{Key: "Value", Value: str(e.Value), Loc: loc},
			}})
		}
		if len(list.Items) == 0 {
			return
		}
		sort.SliceStable(list.Items, func(i, j int) bool {
			a, _ := ir.AsString(list.Items[i].(*ir.Map).Get("Key"))
			b, _ := ir.AsString(list.Items[j].(*ir.Map).Get("Key"))
			return a < b
		})
		setEntry(out, key, list, list.Loc)
	}
}

// listenerRuleConditions maps condition blocks to CloudFormation's
// RuleCondition list.
func listenerRuleConditions(_ *mapper, in, out *ir.Map) {
	e, ok := in.Entry("condition")
	if !ok {
		return
	}
	kinds := []struct{ tf, field, cfg string }{
		{"path_pattern", "path-pattern", "PathPatternConfig"},
		{"host_header", "host-header", "HostHeaderConfig"},
		{"http_request_method", "http-request-method", "HttpRequestMethodConfig"},
		{"source_ip", "source-ip", "SourceIpConfig"},
	}
	list := &ir.List{Loc: e.Loc}
	for _, b := range blockList(e.Value) {
		for _, k := range kinds {
			c := firstBlock(b.Get(k.tf))
			if c == nil {
				continue
			}
			cond := &ir.Map{Loc: b.Loc}
			setEntry(cond, "Field", ir.String(k.field), b.Loc)
			if v := c.Get("values"); v != nil {
				setEntry(cond, k.cfg, ir.M("Values", v), b.Loc)
			}
			list.Items = append(list.Items, cond)
		}
	}
	if len(list.Items) > 0 {
		setEntry(out, "Conditions", list, e.Loc)
	}
}

// classicELBTypes maps Classic Load Balancers (aws_elb): listener blocks
// become Listeners with upper-case protocols, access_logs the
// AccessLoggingPolicy, the connection settings CloudFormation's policy
// objects. An aws_elb_attachment merges into the load balancer's
// Instances.
func classicELBTypes() []typeMap {
	return []typeMap{
		{tf: "aws_elb", cfn: "AWS::ElasticLoadBalancing::LoadBalancer", ref: []string{"name", "id"},
			attrs: map[string]string{"dns_name": "DNSName", "zone_id": "CanonicalHostedZoneNameID",
				"source_security_group": "SourceSecurityGroup.GroupName"},
			fields: []field{
				f("name", "LoadBalancerName"),
				fv("internal", "Scheme", func(v ir.Value) ir.Value {
					if b, ok := ir.AsBool(v); ok && b {
						return ir.String("internal")
					}
					return nil
				}),
				fv("availability_zones", "AvailabilityZones", nonEmpty),
				fv("subnets", "Subnets", nonEmpty),
				fv("security_groups", "SecurityGroups", nonEmpty),
				fv("instances", "Instances", nonEmpty),
				f("cross_zone_load_balancing", "CrossZone"),
				f("idle_timeout", "ConnectionSettings.IdleTimeout"),
				blks("listener", "Listeners",
					fv("lb_port", "LoadBalancerPort", str),
					fv("lb_protocol", "Protocol", upper),
					fv("instance_port", "InstancePort", str),
					fv("instance_protocol", "InstanceProtocol", upper),
					fv("ssl_certificate_id", "SSLCertificateId", nonEmpty)),
				blk("health_check", "HealthCheck",
					fv("healthy_threshold", "HealthyThreshold", str),
					fv("unhealthy_threshold", "UnhealthyThreshold", str),
					f("target", "Target"),
					fv("interval", "Interval", str),
					fv("timeout", "Timeout", str)),
				blk("access_logs", "AccessLoggingPolicy",
					f("bucket", "S3BucketName"),
					fv("bucket_prefix", "S3BucketPrefix", nonEmpty),
					f("interval", "EmitInterval"),
					f("enabled", "Enabled")),
				tags(),
			},
			post: classicELB},
		{tf: "aws_elb_attachment",
			fields: []field{f("elb", "LoadBalancerName"), fv("instance", "Instances", listOf)},
			merge:  &mergeSpec{attr: "elb", targets: []string{"aws_elb"}, drop: []string{"LoadBalancerName"}}},
	}
}

// classicELB writes connection draining, and the Enabled an access_logs
// block means when it does not say (the provider's default is true, and
// CloudFormation requires it).
func classicELB(_ *mapper, in, out *ir.Map) {
	if e, ok := in.Entry("connection_draining"); ok && !isNull(e.Value) {
		p := &ir.Map{Loc: e.Loc}
		setEntry(p, "Enabled", e.Value, e.Loc)
		if t, ok := in.Entry("connection_draining_timeout"); ok && !isNull(t.Value) {
			setEntry(p, "Timeout", t.Value, t.Loc)
		}
		setEntry(out, "ConnectionDrainingPolicy", p, e.Loc)
	}
	if p, ok := out.Get("AccessLoggingPolicy").(*ir.Map); ok && p.Get("Enabled") == nil {
		setEntry(p, "Enabled", ir.Bool(true), p.Loc)
	}
}
