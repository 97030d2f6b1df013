package terraform

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// elbv2Family maps Application and Network Load Balancers, their
// listeners and target groups. CloudFormation's key/value attribute lists
// (LoadBalancerAttributes, TargetGroupAttributes) become the provider's
// named arguments; an attribute without one is an error.
type elbv2Family struct{}

func (elbv2Family) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::ElasticLoadBalancingV2::LoadBalancer", tf: "aws_lb", ref: "arn",
			attrs: map[string]attr{"LoadBalancerArn": a("arn"), "DNSName": a("dns_name"), "LoadBalancerFullName": a("arn_suffix"),
				"CanonicalHostedZoneID": a("zone_id"), "LoadBalancerName": a("name")},
			conv: loadBalancer},
		{cfn: "AWS::ElasticLoadBalancingV2::Listener", tf: "aws_lb_listener", ref: "arn",
			attrs: map[string]attr{"ListenerArn": a("arn")},
			conv:  listener},
		{cfn: "AWS::ElasticLoadBalancingV2::TargetGroup", tf: "aws_lb_target_group", ref: "arn",
			attrs: map[string]attr{"TargetGroupArn": a("arn"), "TargetGroupFullName": a("arn_suffix"), "TargetGroupName": a("name"),
				"LoadBalancerArns": a("load_balancer_arns")},
			conv: targetGroup},
	}
}

// lbAttr is where one key of a key/value attribute list goes: an argument
// of the resource, or of a nested block.
type lbAttr struct {
	block, arg string
	// boolean converts "true"/"false" to a bool, number converts a
	// numeric string to a number.
	boolean, number bool
}

var loadBalancerAttrs = map[string]lbAttr{
	"deletion_protection.enabled":                                      {arg: "enable_deletion_protection", boolean: true},
	"idle_timeout.timeout_seconds":                                     {arg: "idle_timeout", number: true},
	"routing.http2.enabled":                                            {arg: "enable_http2", boolean: true},
	"routing.http.drop_invalid_header_fields.enabled":                  {arg: "drop_invalid_header_fields", boolean: true},
	"routing.http.desync_mitigation_mode":                              {arg: "desync_mitigation_mode"},
	"routing.http.preserve_host_header.enabled":                        {arg: "preserve_host_header", boolean: true},
	"routing.http.x_amzn_tls_version_and_cipher_suite.enabled":         {arg: "enable_tls_version_and_cipher_suite_headers", boolean: true},
	"routing.http.xff_client_port.enabled":                             {arg: "enable_xff_client_port", boolean: true},
	"routing.http.xff_header_processing.mode":                          {arg: "xff_header_processing_mode"},
	"waf.fail_open.enabled":                                            {arg: "enable_waf_fail_open", boolean: true},
	"load_balancing.cross_zone.enabled":                                {arg: "enable_cross_zone_load_balancing", boolean: true},
	"client_keep_alive.seconds":                                        {arg: "client_keep_alive", number: true},
	"zonal_shift.config.enabled":                                       {arg: "enable_zonal_shift", boolean: true},
	"access_logs.s3.enabled":                                           {block: "access_logs", arg: "enabled", boolean: true},
	"access_logs.s3.bucket":                                            {block: "access_logs", arg: "bucket"},
	"access_logs.s3.prefix":                                            {block: "access_logs", arg: "prefix"},
	"connection_logs.s3.enabled":                                       {block: "connection_logs", arg: "enabled", boolean: true},
	"connection_logs.s3.bucket":                                        {block: "connection_logs", arg: "bucket"},
	"connection_logs.s3.prefix":                                        {block: "connection_logs", arg: "prefix"},
	"dns_record.client_routing_policy":                                 {arg: "dns_record_client_routing_policy"},
	"routing.http.x_amzn_tls_version_and_cipher_suite_headers.enabled": {arg: "enable_tls_version_and_cipher_suite_headers", boolean: true},
}

var targetGroupAttrs = map[string]lbAttr{
	"deregistration_delay.timeout_seconds":                {arg: "deregistration_delay"},
	"slow_start.duration_seconds":                         {arg: "slow_start", number: true},
	"load_balancing.algorithm.type":                       {arg: "load_balancing_algorithm_type"},
	"load_balancing.algorithm.anomaly_mitigation":         {arg: "load_balancing_anomaly_mitigation"},
	"load_balancing.cross_zone.enabled":                   {arg: "load_balancing_cross_zone_enabled"},
	"preserve_client_ip.enabled":                          {arg: "preserve_client_ip"},
	"proxy_protocol_v2.enabled":                           {arg: "proxy_protocol_v2", boolean: true},
	"lambda.multi_value_headers.enabled":                  {arg: "lambda_multi_value_headers_enabled", boolean: true},
	"deregistration_delay.connection_termination.enabled": {arg: "connection_termination", boolean: true},
	"stickiness.enabled":                                  {block: "stickiness", arg: "enabled", boolean: true},
	"stickiness.type":                                     {block: "stickiness", arg: "type"},
	"stickiness.lb_cookie.duration_seconds":               {block: "stickiness", arg: "cookie_duration", number: true},
	"stickiness.app_cookie.cookie_name":                   {block: "stickiness", arg: "cookie_name"},
}

// lbAttributes writes a key/value attribute list through table.
func lbAttributes(p *props, b *body, key string, table map[string]lbAttr) []*props {
	var nested []*props
	blocks := map[string]*body{}
	for _, kv := range p.list(key) {
		nested = append(nested, kv)
		k, ok := kv.str("Key")
		if !ok {
			continue
		}
		dst, known := table[k]
		if !known {
			kv.fail("Key", "attribute %q has no terraform mapping", k)
			kv.raw("Value")
			continue
		}
		e := kv.val("Value")
		switch {
		case dst.boolean:
			e = boolString(e)
		case dst.number:
			if s, ok := e.(eStr); ok {
				e = eRaw(s)
			}
		}
		into := b
		if dst.block != "" {
			if blocks[dst.block] == nil {
				blocks[dst.block] = b.block(dst.block)
			}
			into = blocks[dst.block]
		}
		into.set(dst.arg, e)
	}
	return nested
}

func loadBalancer(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_lb", c.name(r.ID))
	p.to(b, "Name", "name")
	p.to(b, "Type", "load_balancer_type")
	if s, ok := p.str("Scheme"); ok {
		switch s {
		case "internal":
			b.set("internal", eRaw("true"))
		case "internet-facing":
			b.set("internal", eRaw("false"))
		default:
			p.fail("Scheme", "want internal or internet-facing, got %q", s)
		}
	}
	p.to(b, "IpAddressType", "ip_address_type")
	p.to(b, "SecurityGroups", "security_groups")
	p.to(b, "Subnets", "subnets")
	var nested []*props
	for _, m := range p.list("SubnetMappings") {
		nested = append(nested, m)
		mb := b.block("subnet_mapping")
		m.to(mb, "SubnetId", "subnet_id")
		m.to(mb, "AllocationId", "allocation_id")
		m.to(mb, "PrivateIPv4Address", "private_ipv4_address")
		m.to(mb, "IPv6Address", "ipv6_address")
	}
	nested = append(nested, lbAttributes(p, b, "LoadBalancerAttributes", loadBalancerAttrs)...)
	p.tags(b, "Tags")
	return p.done(nested...)
}

func listener(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_lb_listener", name)
	p.to(b, "LoadBalancerArn", "load_balancer_arn")
	p.to(b, "Port", "port")
	p.to(b, "Protocol", "protocol")
	p.to(b, "SslPolicy", "ssl_policy")
	p.to(b, "AlpnPolicy", "alpn_policy")
	var nested []*props
	certs := p.list("Certificates")
	for i, cert := range certs {
		nested = append(nested, cert)
		if i == 0 {
			// The first certificate is the listener's default one.
			cert.to(b, "CertificateArn", "certificate_arn")
			continue
		}
		cb := c.resource("aws_lb_listener_certificate", fmt.Sprintf("%s_%d", name, i+1))
		cb.set("listener_arn", trav("aws_lb_listener", name, "arn"))
		cert.to(cb, "CertificateArn", "certificate_arn")
	}
	for _, act := range p.list("DefaultActions") {
		nested = append(nested, act)
		nested = append(nested, listenerAction(act, b.block("default_action"))...)
	}
	return p.done(nested...)
}

// listenerAction writes one action of a listener or rule.
func listenerAction(act *props, ab *body) []*props {
	var nested []*props
	act.to(ab, "Type", "type")
	act.to(ab, "Order", "order")
	act.to(ab, "TargetGroupArn", "target_group_arn")
	if rc := act.sub("RedirectConfig"); rc != nil {
		nested = append(nested, rc)
		rb := ab.block("redirect")
		rc.to(rb, "Host", "host")
		rc.to(rb, "Path", "path")
		rc.to(rb, "Port", "port")
		rc.to(rb, "Protocol", "protocol")
		rc.to(rb, "Query", "query")
		rc.to(rb, "StatusCode", "status_code")
	}
	if fr := act.sub("FixedResponseConfig"); fr != nil {
		nested = append(nested, fr)
		fb := ab.block("fixed_response")
		fr.to(fb, "ContentType", "content_type")
		fr.to(fb, "MessageBody", "message_body")
		fr.to(fb, "StatusCode", "status_code")
	}
	if fw := act.sub("ForwardConfig"); fw != nil {
		nested = append(nested, fw)
		fb := ab.block("forward")
		for _, tg := range fw.list("TargetGroups") {
			nested = append(nested, tg)
			tb := fb.block("target_group")
			tg.to(tb, "TargetGroupArn", "arn")
			tg.to(tb, "Weight", "weight")
		}
		if st := fw.sub("TargetGroupStickinessConfig"); st != nil {
			nested = append(nested, st)
			sb := fb.block("stickiness")
			st.to(sb, "Enabled", "enabled")
			st.to(sb, "DurationSeconds", "duration")
		}
	}
	return nested
}

func targetGroup(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_lb_target_group", c.name(r.ID))
	p.to(b, "Name", "name")
	p.to(b, "TargetType", "target_type")
	p.to(b, "Protocol", "protocol")
	p.to(b, "ProtocolVersion", "protocol_version")
	p.to(b, "Port", "port")
	p.to(b, "VpcId", "vpc_id")
	p.to(b, "IpAddressType", "ip_address_type")
	var nested []*props
	health := []struct{ key, arg string }{
		{"HealthCheckEnabled", "enabled"},
		{"HealthCheckPath", "path"},
		{"HealthCheckPort", "port"},
		{"HealthCheckProtocol", "protocol"},
		{"HealthCheckIntervalSeconds", "interval"},
		{"HealthCheckTimeoutSeconds", "timeout"},
		{"HealthyThresholdCount", "healthy_threshold"},
		{"UnhealthyThresholdCount", "unhealthy_threshold"},
	}
	var hb *body
	hc := func() *body {
		if hb == nil {
			hb = b.block("health_check")
		}
		return hb
	}
	for _, h := range health {
		if p.r.Properties.Get(h.key) != nil {
			p.to(hc(), h.key, h.arg)
		}
	}
	if m := p.sub("Matcher"); m != nil {
		nested = append(nested, m)
		m.to(hc(), "HttpCode", "matcher")
		m.to(hc(), "GrpcCode", "matcher")
	}
	nested = append(nested, lbAttributes(p, b, "TargetGroupAttributes", targetGroupAttrs)...)
	p.tags(b, "Tags")
	return p.done(nested...)
}
