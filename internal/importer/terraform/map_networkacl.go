package terraform

import (
	"strconv"

	"github.com/hoist-dev/hoist/internal/ir"
)

// networkACLTypes maps network ACLs and their rules. CloudFormation has no
// inline rules: a network ACL's ingress and egress blocks become
// AWS::EC2::NetworkAclEntry resources, and its subnet_ids
// AWS::EC2::SubnetNetworkAclAssociation resources, each with the ACL's
// logical ID and a suffix (Ingress1, Egress1, Subnet1). Protocols become
// the numbers CloudFormation takes (tcp is 6, all is -1). The default
// network ACL (aws_default_network_acl) is adopted, not created, and is
// kept as Terraform's.
func networkACLTypes() []typeMap {
	return []typeMap{
		{tf: "aws_network_acl", cfn: "AWS::EC2::NetworkAcl", ref: []string{"id"},
			fields: []field{f("vpc_id", "VpcId"), tags()},
			spawn:  networkACLRules},
		{tf: "aws_network_acl_rule", cfn: "AWS::EC2::NetworkAclEntry", ref: []string{"id"},
			fields: []field{f("network_acl_id", "NetworkAclId"), f("egress", "Egress")},
			post: func(_ *mapper, in, out *ir.Map) {
				aclEntry(in, "rule_number", "rule_action", out)
			}},
		{tf: "aws_network_acl_association", cfn: "AWS::EC2::SubnetNetworkAclAssociation", ref: []string{"id"},
			fields: []field{f("network_acl_id", "NetworkAclId"), f("subnet_id", "SubnetId")}},
	}
}

// networkACLRules makes the entries and subnet associations of an
// aws_network_acl.
func networkACLRules(_ *mapper, id string, in *ir.Map) []spawned {
	var out []spawned
	for _, dir := range []struct {
		tf, suffix string
		egress     bool
	}{{"ingress", "Ingress", false}, {"egress", "Egress", true}} {
		for i, b := range blockList(in.Get(dir.tf)) {
			e := &ir.Map{Loc: b.Loc}
			setEntry(e, "NetworkAclId", ir.Ref{Target: id}, b.Loc)
			setEntry(e, "Egress", ir.Bool(dir.egress), b.Loc)
			aclEntry(b, "rule_no", "action", e)
			out = append(out, spawned{suffix: dir.suffix + strconv.Itoa(i+1), typ: "AWS::EC2::NetworkAclEntry", props: e})
		}
	}
	if e, ok := in.Entry("subnet_ids"); ok {
		if l, isList := e.Value.(*ir.List); isList {
			for i, s := range l.Items {
				a := &ir.Map{Loc: e.Loc}
				setEntry(a, "NetworkAclId", ir.Ref{Target: id}, e.Loc)
				setEntry(a, "SubnetId", s, e.Loc)
				out = append(out, spawned{suffix: "Subnet" + strconv.Itoa(i+1), typ: "AWS::EC2::SubnetNetworkAclAssociation", props: a})
			}
		}
	}
	return out
}

// aclEntry writes the rule number, action, protocol, peer and ports of a
// network ACL rule (an inline block or an aws_network_acl_rule).
func aclEntry(b *ir.Map, number, action string, out *ir.Map) {
	at := func(k string) ir.Location { return entryLoc(b, k) }
	if v := b.Get(number); !isNull(v) {
		setEntry(out, "RuleNumber", v, at(number))
	}
	if v := b.Get(action); !isNull(v) {
		setEntry(out, "RuleAction", v, at(action))
	}
	proto := aclProtocol(b.Get("protocol"))
	if proto != nil {
		setEntry(out, "Protocol", proto, at("protocol"))
	}
	for _, k := range [][2]string{{"cidr_block", "CidrBlock"}, {"ipv6_cidr_block", "Ipv6CidrBlock"}} {
		if v := nonEmpty(b.Get(k[0])); !isNull(v) {
			setEntry(out, k[1], v, at(k[0]))
		}
	}
	n, known := ir.AsInt(proto)
	if !known || n == 6 || n == 17 {
		pr := &ir.Map{Loc: at("from_port")}
		for _, k := range [][2]string{{"from_port", "From"}, {"to_port", "To"}} {
			if v := b.Get(k[0]); !isNull(v) {
				setEntry(pr, k[1], v, at(k[0]))
			}
		}
		if pr.Len() > 0 {
			setEntry(out, "PortRange", pr, pr.Loc)
		}
	}
	if known && (n == 1 || n == 58) {
		ic := &ir.Map{Loc: at("icmp_type")}
		for _, k := range [][2]string{{"icmp_type", "Type"}, {"icmp_code", "Code"}} {
			if v := b.Get(k[0]); !isNull(v) {
				setEntry(ic, k[1], v, at(k[0]))
			}
		}
		if ic.Len() > 0 {
			setEntry(out, "Icmp", ic, ic.Loc)
		}
	}
}

// aclProtocols are the protocol names the provider accepts, as numbers.
var aclProtocols = map[string]int{"all": -1, "-1": -1, "tcp": 6, "udp": 17, "icmp": 1, "icmpv6": 58}

// aclProtocol turns a protocol name or number into CloudFormation's
// number; anything else is kept.
func aclProtocol(v ir.Value) ir.Value {
	s, ok := ir.AsString(v)
	if !ok {
		return v
	}
	if n, known := aclProtocols[s]; known {
		return ir.Int(n)
	}
	if _, err := strconv.Atoi(s); err == nil {
		return ir.Number(s)
	}
	return v
}
