package terraform

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// ec2SecurityGroupFamily maps security groups and their rules. Every rule,
// inline or standalone, becomes an aws_vpc_security_group_ingress_rule or
// _egress_rule: the provider recommends them over inline rules, and they
// let two groups refer to each other without a cycle.
type ec2SecurityGroupFamily struct{}

func (ec2SecurityGroupFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::EC2::SecurityGroup", tf: "aws_security_group", ref: "id",
			attrs: map[string]attr{"GroupId": a("id"), "VpcId": a("vpc_id")},
			conv:  securityGroup},
		{cfn: "AWS::EC2::SecurityGroupIngress", tf: "aws_vpc_security_group_ingress_rule", ref: "id",
			attrs: map[string]attr{"Id": a("security_group_rule_id")},
			conv:  standaloneRule("aws_vpc_security_group_ingress_rule")},
		{cfn: "AWS::EC2::SecurityGroupEgress", tf: "aws_vpc_security_group_egress_rule", ref: "id",
			attrs: map[string]attr{"Id": a("security_group_rule_id")},
			conv:  standaloneRule("aws_vpc_security_group_egress_rule")},
	}
}

func securityGroup(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_security_group", name)
	p.to(b, "GroupName", "name")
	p.to(b, "GroupDescription", "description")
	p.to(b, "VpcId", "vpc_id")
	p.tags(b, "Tags")
	group := trav("aws_security_group", name, "id")
	var nested []*props
	ingress := p.list("SecurityGroupIngress")
	for i, rule := range ingress {
		nested = append(nested, rule)
		rb := c.resource("aws_vpc_security_group_ingress_rule", ruleName(name, "ingress", i, len(ingress)))
		rb.set("security_group_id", group)
		sgRule(rule, rb, "SourceSecurityGroupId", "SourcePrefixListId")
	}
	egress := p.list("SecurityGroupEgress")
	for i, rule := range egress {
		nested = append(nested, rule)
		rb := c.resource("aws_vpc_security_group_egress_rule", ruleName(name, "egress", i, len(egress)))
		rb.set("security_group_id", group)
		sgRule(rule, rb, "DestinationSecurityGroupId", "DestinationPrefixListId")
	}
	if p.r.Properties.Get("SecurityGroupEgress") == nil {
		// CloudFormation keeps the default allow-all egress rule when a
		// group names none; Terraform deletes it, so write it out.
		rb := c.resource("aws_vpc_security_group_egress_rule", name+"_egress_all")
		rb.set("security_group_id", group)
		rb.set("ip_protocol", eStr("-1"))
		rb.set("cidr_ipv4", eStr("0.0.0.0/0"))
		rb.set("description", eStr("Allow all outbound traffic (the VPC default)"))
	}
	return p.done(nested...)
}

func ruleName(group, dir string, i, n int) string {
	if n == 1 {
		return group + "_" + dir
	}
	return fmt.Sprintf("%s_%s_%d", group, dir, i+1)
}

func standaloneRule(tfType string) func(*conv, *ir.Resource) error {
	return func(c *conv, r *ir.Resource) error {
		p := c.props(r)
		b := c.resource(tfType, c.name(r.ID))
		p.to(b, "GroupId", "security_group_id")
		if tfType == "aws_vpc_security_group_ingress_rule" {
			sgRule(p, b, "SourceSecurityGroupId", "SourcePrefixListId")
		} else {
			sgRule(p, b, "DestinationSecurityGroupId", "DestinationPrefixListId")
		}
		return p.done()
	}
}

// sgRule writes one rule's arguments. Ports are left out for "all
// protocols" (-1), which the provider rejects them with.
func sgRule(p *props, b *body, peerGroup, prefixList string) {
	proto := p.raw("IpProtocol")
	all := false
	if s, ok := ir.AsString(proto); ok && (s == "-1" || s == "all") {
		all = true
		b.set("ip_protocol", eStr("-1"))
	} else {
		p.to(b, "IpProtocol", "ip_protocol")
	}
	for _, port := range [][2]string{{"FromPort", "from_port"}, {"ToPort", "to_port"}} {
		if all {
			if n, ok := ir.AsInt(p.raw(port[0])); ok && n != -1 {
				p.fail(port[0], "a port range with IpProtocol -1 has no terraform equivalent")
			}
			continue
		}
		p.to(b, port[0], port[1])
	}
	p.to(b, "CidrIp", "cidr_ipv4")
	p.to(b, "CidrIpv6", "cidr_ipv6")
	p.to(b, peerGroup, "referenced_security_group_id")
	p.to(b, prefixList, "prefix_list_id")
	p.to(b, "Description", "description")
}
