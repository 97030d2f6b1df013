package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// securityGroupTypes maps security groups and their rules. Inline
// ingress and egress blocks become the group's SecurityGroupIngress and
// SecurityGroupEgress lists; the standalone rule resources stay separate
// resources of CloudFormation's rule types. A Terraform rule with several
// CIDR blocks or groups is several CloudFormation rules, one per peer.
func securityGroupTypes() []typeMap {
	return []typeMap{
		{tf: "aws_security_group", cfn: "AWS::EC2::SecurityGroup", ref: []string{"id"},
			attrs: map[string]string{"vpc_id": "VpcId"},
			fields: []field{
				f("name", "GroupName"),
				f("description", "GroupDescription"),
				f("vpc_id", "VpcId"),
				tags(),
			},
			post: securityGroup},
		{tf: "aws_security_group_rule", cfn: "AWS::EC2::SecurityGroupIngress", ref: []string{"id"},
			pick: func(in *ir.Map) string {
				if s, _ := ir.AsString(in.Get("type")); s == "egress" {
					return "AWS::EC2::SecurityGroupEgress"
				}
				return "AWS::EC2::SecurityGroupIngress"
			},
			split: func(m *mapper, in *ir.Map) []*ir.Map {
				s, _ := ir.AsString(in.Get("type"))
				rules := sgRules(in, s != "egress", "protocol")
				for _, r := range rules {
					if e, ok := in.Entry("security_group_id"); ok {
						r.Entries = append([]ir.Entry{{Key: "GroupId", Value: e.Value, Loc: e.Loc}}, r.Entries...)
					}
				}
				return rules
			}},
		{tf: "aws_vpc_security_group_ingress_rule", cfn: "AWS::EC2::SecurityGroupIngress", ref: []string{"id"},
			attrs:  map[string]string{"security_group_rule_id": "Id"},
			fields: vpcRuleFields("SourceSecurityGroupId", "SourcePrefixListId"),
			post:   protocolPorts},
		{tf: "aws_vpc_security_group_egress_rule", cfn: "AWS::EC2::SecurityGroupEgress", ref: []string{"id"},
			attrs:  map[string]string{"security_group_rule_id": "Id"},
			fields: vpcRuleFields("DestinationSecurityGroupId", "DestinationPrefixListId"),
			post:   protocolPorts},
	}
}

func vpcRuleFields(peer, prefix string) []field {
	return []field{
		f("security_group_id", "GroupId"),
		f("ip_protocol", "IpProtocol"),
		f("from_port", "FromPort"),
		f("to_port", "ToPort"),
		f("cidr_ipv4", "CidrIp"),
		f("cidr_ipv6", "CidrIpv6"),
		f("referenced_security_group_id", peer),
		f("prefix_list_id", prefix),
		f("description", "Description"),
	}
}

// protocolPorts writes "all protocols" as -1 and drops the ports that go
// with it.
func protocolPorts(_ *mapper, _ *ir.Map, out *ir.Map) {
	if s, ok := ir.AsString(out.Get("IpProtocol")); ok && (s == "-1" || s == "all") {
		out.Set("IpProtocol", ir.String("-1"))
		out.Set("FromPort", nil)
		out.Set("ToPort", nil)
	}
}

func securityGroup(_ *mapper, in, out *ir.Map) {
	if out.Get("GroupDescription") == nil {
		// The provider's default; CloudFormation requires a description.
		setEntry(out, "GroupDescription", ir.String("Managed by Terraform"), in.Loc)
	}
	for _, dir := range []struct {
		tf, cfn string
		ingress bool
	}{{"ingress", "SecurityGroupIngress", true}, {"egress", "SecurityGroupEgress", false}} {
		e, ok := in.Entry(dir.tf)
		if !ok {
			continue
		}
		list := &ir.List{Loc: e.Loc}
		for _, b := range blockList(e.Value) {
			for _, r := range sgRules(b, dir.ingress, "protocol") {
				list.Items = append(list.Items, r)
			}
		}
		if len(list.Items) > 0 {
			setEntry(out, dir.cfn, list, e.Loc)
		}
	}
}

// sgRules turns one Terraform rule (an inline block or an
// aws_security_group_rule) into CloudFormation rules, one per peer.
func sgRules(b *ir.Map, ingress bool, protoKey string) []*ir.Map {
	base := &ir.Map{Loc: b.Loc}
	at := func(k string) ir.Location { return entryLoc(b, k) }
	proto := b.Get(protoKey)
	all := false
	if s, ok := ir.AsString(proto); ok && (s == "-1" || s == "all") {
		all = true
		proto = ir.String("-1")
	}
	if proto != nil {
		setEntry(base, "IpProtocol", proto, at(protoKey))
	}
	if !all {
		for _, p := range [][2]string{{"from_port", "FromPort"}, {"to_port", "ToPort"}} {
			if v := b.Get(p[0]); !isNull(v) {
				setEntry(base, p[1], v, at(p[0]))
			}
		}
	}
	if v := b.Get("description"); !isNull(v) {
		if s, ok := v.(ir.String); !ok || s != "" {
			setEntry(base, "Description", v, at("description"))
		}
	}
	peerGroup, prefix := "SourceSecurityGroupId", "SourcePrefixListId"
	if !ingress {
		peerGroup, prefix = "DestinationSecurityGroupId", "DestinationPrefixListId"
	}
	var out []*ir.Map
	add := func(key string, v ir.Value, loc ir.Location) {
		r := &ir.Map{Loc: base.Loc, Entries: append([]ir.Entry(nil), base.Entries...)}
		setEntry(r, key, v, loc)
		out = append(out, r)
	}
	for _, p := range [][2]string{
		{"cidr_blocks", "CidrIp"}, {"ipv6_cidr_blocks", "CidrIpv6"},
		{"security_groups", peerGroup}, {"source_security_group_id", peerGroup},
		{"prefix_list_ids", prefix},
	} {
		e, ok := b.Entry(p[0])
		if !ok || isNull(e.Value) {
			continue
		}
		if l, isList := e.Value.(*ir.List); isList {
			for _, it := range l.Items {
				add(p[1], it, e.Loc)
			}
			continue
		}
		add(p[1], e.Value, e.Loc)
	}
	if len(out) == 0 {
		out = append(out, base)
	}
	return out
}
