package expand

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// networkBlueprint builds the VPC when anything runs in one: a /16 over 2 or
// 3 availability zones, a public and a private /20 subnet per zone, an
// internet gateway, NAT gateways (none, one shared, or one per zone), route
// tables, flow logs, and optionally VPC endpoints so private tasks can pull
// images and write logs without NAT.
type networkBlueprint struct{}

func (networkBlueprint) name() string { return "network" }

func needsVPC(s *spec.Spec) bool {
	if len(s.Databases) > 0 || len(s.Caches) > 0 {
		return true
	}
	return len(s.Services) > 0 && s.Target != spec.TargetAppRunner
}

func (networkBlueprint) expand(b *builder) error {
	s := b.spec
	if !needsVPC(s) {
		return nil
	}
	const o = "network"
	azs := s.Network.AZs
	if azs == 0 {
		azs = spec.DefaultAZs
	}
	n := &network{VPC: "Vpc"}
	b.net = n
	vpc := b.add(n.VPC, "AWS::EC2::VPC", o, ir.M(
		"CidrBlock", "10.0.0.0/16",
		"EnableDnsHostnames", true,
		"EnableDnsSupport", true,
		"Tags", nameTag(sub("${AWS::StackName}")),
	))
	vpc.Comment = fmt.Sprintf("A /16 network over %d availability zones.", azs)
	b.add("InternetGateway", "AWS::EC2::InternetGateway", o, ir.M("Tags", nameTag(sub("${AWS::StackName}"))))
	b.add("InternetGatewayAttachment", "AWS::EC2::VPCGatewayAttachment", o, ir.M(
		"VpcId", ref(n.VPC), "InternetGatewayId", ref("InternetGateway")))
	b.add("PublicRouteTable", "AWS::EC2::RouteTable", o, ir.M("VpcId", ref(n.VPC), "Tags", nameTag(sub("${AWS::StackName}-public"))))
	route := b.add("PublicDefaultRoute", "AWS::EC2::Route", o, ir.M(
		"RouteTableId", ref("PublicRouteTable"), "DestinationCidrBlock", "0.0.0.0/0", "GatewayId", ref("InternetGateway")))
	route.DependsOn = []string{"InternetGatewayAttachment"}

	nat := s.Network.NAT
	if nat == "" {
		nat = spec.DefaultNAT
	}
	n.NAT = nat != spec.NATNone
	for i := 0; i < azs; i++ {
		az := ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(i), ir.Call{Fn: "Fn::GetAZs", Args: ir.String("")})}
		pub := fmt.Sprintf("PublicSubnet%d", i+1)
		priv := fmt.Sprintf("PrivateSubnet%d", i+1)
		n.PublicSubnets = append(n.PublicSubnets, pub)
		n.PrivateSubnets = append(n.PrivateSubnets, priv)
		b.add(pub, "AWS::EC2::Subnet", o, ir.M(
			"VpcId", ref(n.VPC),
			"AvailabilityZone", az,
			"CidrBlock", fmt.Sprintf("10.0.%d.0/20", i*16),
			"MapPublicIpOnLaunch", false,
			"Tags", nameTag(sub(fmt.Sprintf("${AWS::StackName}-public-%d", i+1))),
		))
		b.add(pub+"RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation", o, ir.M(
			"SubnetId", ref(pub), "RouteTableId", ref("PublicRouteTable")))
		b.add(priv, "AWS::EC2::Subnet", o, ir.M(
			"VpcId", ref(n.VPC),
			"AvailabilityZone", az,
			"CidrBlock", fmt.Sprintf("10.0.%d.0/20", 128+i*16),
			"MapPublicIpOnLaunch", false,
			"Tags", nameTag(sub(fmt.Sprintf("${AWS::StackName}-private-%d", i+1))),
		))
		rt := fmt.Sprintf("PrivateRouteTable%d", i+1)
		b.add(rt, "AWS::EC2::RouteTable", o, ir.M("VpcId", ref(n.VPC), "Tags", nameTag(sub(fmt.Sprintf("${AWS::StackName}-private-%d", i+1)))))
		b.add(priv+"RouteTableAssociation", "AWS::EC2::SubnetRouteTableAssociation", o, ir.M(
			"SubnetId", ref(priv), "RouteTableId", ref(rt)))
		if nat == spec.NATPerAZ || (nat == spec.NATSingle && i == 0) {
			eip := fmt.Sprintf("NatEip%d", i+1)
			gw := fmt.Sprintf("NatGateway%d", i+1)
			e := b.add(eip, "AWS::EC2::EIP", o, ir.M("Domain", "vpc", "Tags", nameTag(sub(fmt.Sprintf("${AWS::StackName}-nat-%d", i+1)))))
			e.DependsOn = []string{"InternetGatewayAttachment"}
			b.add(gw, "AWS::EC2::NatGateway", o, ir.M(
				"AllocationId", getAtt(eip, "AllocationId"),
				"SubnetId", ref(pub),
				"Tags", nameTag(sub(fmt.Sprintf("${AWS::StackName}-nat-%d", i+1))),
			))
		}
		if n.NAT {
			gw := "NatGateway1"
			if nat == spec.NATPerAZ {
				gw = fmt.Sprintf("NatGateway%d", i+1)
			}
			b.add(fmt.Sprintf("PrivateDefaultRoute%d", i+1), "AWS::EC2::Route", o, ir.M(
				"RouteTableId", ref(rt), "DestinationCidrBlock", "0.0.0.0/0", "NatGatewayId", ref(gw)))
		}
	}

	// Flow logs record accepted and rejected traffic (NIST AU-12, SI-4).
	flowLogs := b.logGroup("VpcFlowLogGroup", o, nil)
	b.add("VpcFlowLogRole", "AWS::IAM::Role", o, ir.M(
		"AssumeRolePolicyDocument", assumeRole("vpc-flow-logs.amazonaws.com"),
		"Policies", ir.Values(ir.M(
			"PolicyName", "flow-logs",
			"PolicyDocument", policyDocument(Statement{
				Actions:   []string{"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
				Resources: []ir.Value{getAtt(flowLogs, "Arn")},
			}),
		)),
	))
	b.add("VpcFlowLog", "AWS::EC2::FlowLog", o, ir.M(
		"ResourceId", ref(n.VPC),
		"ResourceType", "VPC",
		"TrafficType", "ALL",
		"LogDestinationType", "cloud-watch-logs",
		"LogGroupName", ref(flowLogs),
		"DeliverLogsPermissionArn", getAtt("VpcFlowLogRole", "Arn"),
	))

	if s.Network.Endpoints {
		b.endpoints(n, azs)
	}
	return nil
}

// endpoints adds the VPC endpoints private tasks need without NAT: S3 (a
// free gateway endpoint; ECR stores layers there) and interface endpoints
// for ECR, CloudWatch Logs and Secrets Manager.
func (b *builder) endpoints(n *network, azs int) {
	const o = "network.endpoints"
	var rts []ir.Value
	for i := 0; i < azs; i++ {
		rts = append(rts, ref(fmt.Sprintf("PrivateRouteTable%d", i+1)))
	}
	b.add("S3GatewayEndpoint", "AWS::EC2::VPCEndpoint", o, ir.M(
		"VpcId", ref(n.VPC),
		"ServiceName", sub("com.amazonaws.${AWS::Region}.s3"),
		"VpcEndpointType", "Gateway",
		"RouteTableIds", ir.Values(rts...),
	))
	b.add("EndpointSecurityGroup", "AWS::EC2::SecurityGroup", o, ir.M(
		"GroupDescription", "HTTPS from inside the VPC to the interface endpoints",
		"VpcId", ref(n.VPC),
		"SecurityGroupIngress", ir.Values(ir.M(
			"IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
			"CidrIp", getAtt(n.VPC, "CidrBlock"),
			"Description", "HTTPS from the VPC",
		)),
		"SecurityGroupEgress", ir.Values(ir.M(
			"IpProtocol", "tcp", "FromPort", 443, "ToPort", 443,
			"CidrIp", getAtt(n.VPC, "CidrBlock"),
			"Description", "Replies stay inside the VPC",
		)),
	))
	for _, svc := range []struct{ id, name string }{
		{"EcrApiEndpoint", "ecr.api"}, {"EcrDkrEndpoint", "ecr.dkr"},
		{"LogsEndpoint", "logs"}, {"SecretsManagerEndpoint", "secretsmanager"},
	} {
		b.add(svc.id, "AWS::EC2::VPCEndpoint", o, ir.M(
			"VpcId", ref(n.VPC),
			"ServiceName", sub("com.amazonaws.${AWS::Region}."+svc.name),
			"VpcEndpointType", "Interface",
			"PrivateDnsEnabled", true,
			"SubnetIds", refs(n.PrivateSubnets...),
			"SecurityGroupIds", refs("EndpointSecurityGroup"),
		))
	}
}

// nameTag is a Tags list with one Name tag.
func nameTag(v ir.Value) *ir.List {
	return ir.Values(ir.M("Key", "Name", "Value", v))
}

// securityGroup adds a security group with no ingress and HTTPS-only
// egress by default; callers add rules with admit.
func (b *builder) securityGroup(id, origin, desc string, egress *ir.List) string {
	if egress == nil {
		egress = ir.Values(ir.M("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443, "CidrIp", "0.0.0.0/0", "Description", "HTTPS to AWS APIs and the internet"))
	}
	b.add(id, "AWS::EC2::SecurityGroup", origin, ir.M(
		"GroupDescription", desc,
		"VpcId", ref(b.net.VPC),
		"SecurityGroupEgress", egress,
	))
	return id
}

// admit lets traffic from the source security group reach the target's
// security group on its port, as a separate resource so that two groups can
// refer to each other without a cycle; and the matching egress rule on the
// source.
func (b *builder) admit(sourceSG, targetSG string, port int, origin, desc string) {
	b.add(sourceSG+"To"+targetSG+"Ingress", "AWS::EC2::SecurityGroupIngress", origin, ir.M(
		"GroupId", ref(targetSG),
		"IpProtocol", "tcp", "FromPort", port, "ToPort", port,
		"SourceSecurityGroupId", ref(sourceSG),
		"Description", desc,
	))
	b.add(sourceSG+"To"+targetSG+"Egress", "AWS::EC2::SecurityGroupEgress", origin, ir.M(
		"GroupId", ref(sourceSG),
		"IpProtocol", "tcp", "FromPort", port, "ToPort", port,
		"DestinationSecurityGroupId", ref(targetSG),
		"Description", desc,
	))
}
