package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// ec2NetworkFamily maps the VPC and what hangs off it: subnets, gateways,
// route tables and routes, Elastic IPs, NAT gateways, flow logs and VPC
// endpoints.
type ec2NetworkFamily struct{}

func (ec2NetworkFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::EC2::VPC", tf: "aws_vpc", ref: "id",
			attrs: map[string]attr{"VpcId": a("id"), "CidrBlock": a("cidr_block"), "DefaultSecurityGroup": a("default_security_group_id"),
				"DefaultNetworkAcl": a("default_network_acl_id")},
			conv: vpc},
		{cfn: "AWS::EC2::InternetGateway", tf: "aws_internet_gateway", ref: "id",
			attrs: map[string]attr{"InternetGatewayId": a("id")},
			conv:  simple("aws_internet_gateway", nil)},
		{cfn: "AWS::EC2::VPCGatewayAttachment", tf: "aws_internet_gateway_attachment", ref: "id",
			conv: simple("aws_internet_gateway_attachment", [][2]string{{"VpcId", "vpc_id"}, {"InternetGatewayId", "internet_gateway_id"}})},
		{cfn: "AWS::EC2::RouteTable", tf: "aws_route_table", ref: "id",
			attrs: map[string]attr{"RouteTableId": a("id")},
			conv:  simple("aws_route_table", [][2]string{{"VpcId", "vpc_id"}})},
		{cfn: "AWS::EC2::Route", tf: "aws_route", ref: "id",
			conv: simple("aws_route", [][2]string{
				{"RouteTableId", "route_table_id"},
				{"DestinationCidrBlock", "destination_cidr_block"},
				{"DestinationIpv6CidrBlock", "destination_ipv6_cidr_block"},
				{"DestinationPrefixListId", "destination_prefix_list_id"},
				{"GatewayId", "gateway_id"},
				{"NatGatewayId", "nat_gateway_id"},
				{"EgressOnlyInternetGatewayId", "egress_only_gateway_id"},
				{"NetworkInterfaceId", "network_interface_id"},
				{"TransitGatewayId", "transit_gateway_id"},
				{"VpcEndpointId", "vpc_endpoint_id"},
				{"VpcPeeringConnectionId", "vpc_peering_connection_id"},
			})},
		{cfn: "AWS::EC2::Subnet", tf: "aws_subnet", ref: "id",
			attrs: map[string]attr{"SubnetId": a("id"), "AvailabilityZone": a("availability_zone"), "CidrBlock": a("cidr_block"), "VpcId": a("vpc_id")},
			conv: simple("aws_subnet", [][2]string{
				{"VpcId", "vpc_id"},
				{"AvailabilityZone", "availability_zone"},
				{"AvailabilityZoneId", "availability_zone_id"},
				{"CidrBlock", "cidr_block"},
				{"MapPublicIpOnLaunch", "map_public_ip_on_launch"},
			})},
		{cfn: "AWS::EC2::SubnetRouteTableAssociation", tf: "aws_route_table_association", ref: "id",
			conv: simple("aws_route_table_association", [][2]string{{"SubnetId", "subnet_id"}, {"RouteTableId", "route_table_id"}})},
		// CloudFormation's Ref of an EIP is its public address.
		{cfn: "AWS::EC2::EIP", tf: "aws_eip", ref: "public_ip",
			attrs: map[string]attr{"AllocationId": a("allocation_id"), "PublicIp": a("public_ip")},
			conv:  simple("aws_eip", [][2]string{{"Domain", "domain"}, {"NetworkBorderGroup", "network_border_group"}, {"PublicIpv4Pool", "public_ipv4_pool"}})},
		{cfn: "AWS::EC2::NatGateway", tf: "aws_nat_gateway", ref: "id",
			attrs: map[string]attr{"NatGatewayId": a("id")},
			conv: simple("aws_nat_gateway", [][2]string{
				{"AllocationId", "allocation_id"},
				{"SubnetId", "subnet_id"},
				{"ConnectivityType", "connectivity_type"},
				{"PrivateIpAddress", "private_ip"},
			})},
		{cfn: "AWS::EC2::FlowLog", tf: "aws_flow_log", ref: "id",
			conv: flowLog},
		{cfn: "AWS::EC2::VPCEndpoint", tf: "aws_vpc_endpoint", ref: "id",
			attrs: map[string]attr{"Id": a("id"), "DnsEntries": a("dns_entry"), "NetworkInterfaceIds": a("network_interface_ids")},
			conv:  vpcEndpoint},
	}
}

// simple maps a type whose properties translate one to one, plus Tags.
func simple(tfType string, args [][2]string) func(*conv, *ir.Resource) error {
	return func(c *conv, r *ir.Resource) error {
		p := c.props(r)
		b := c.resource(tfType, c.name(r.ID))
		for _, kv := range args {
			p.to(b, kv[0], kv[1])
		}
		p.tags(b, "Tags")
		return p.done()
	}
}

func vpc(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_vpc", c.name(r.ID))
	p.to(b, "CidrBlock", "cidr_block")
	p.to(b, "EnableDnsHostnames", "enable_dns_hostnames")
	p.to(b, "EnableDnsSupport", "enable_dns_support")
	p.to(b, "InstanceTenancy", "instance_tenancy")
	p.to(b, "Ipv4IpamPoolId", "ipv4_ipam_pool_id")
	p.to(b, "Ipv4NetmaskLength", "ipv4_netmask_length")
	p.tags(b, "Tags")
	return p.done()
}

// flowLogTargets maps a flow log's ResourceType to the argument that
// names what it watches.
var flowLogTargets = map[string]string{
	"VPC":                      "vpc_id",
	"Subnet":                   "subnet_id",
	"NetworkInterface":         "eni_id",
	"TransitGateway":           "transit_gateway_id",
	"TransitGatewayAttachment": "transit_gateway_attachment_id",
	"RegionalNatGateway":       "regional_nat_gateway_id",
}

func flowLog(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_flow_log", c.name(r.ID))
	if kind, ok := p.str("ResourceType"); ok {
		arg, known := flowLogTargets[kind]
		if !known {
			p.fail("ResourceType", "unknown resource type %q", kind)
		} else {
			p.to(b, "ResourceId", arg)
		}
	}
	p.to(b, "TrafficType", "traffic_type")
	p.to(b, "LogDestinationType", "log_destination_type")
	p.to(b, "LogDestination", "log_destination")
	// Terraform names the log group by ARN: use the group's arn when the
	// name is a Ref to a group in this graph, or build the ARN.
	if v := p.raw("LogGroupName"); v != nil {
		if ref, ok := v.(ir.Ref); ok && c.g.Resource(ref.Target) != nil && c.g.Resource(ref.Target).Type == "AWS::Logs::LogGroup" {
			b.set("log_destination", trav("aws_cloudwatch_log_group", c.name(ref.Target), "arn"))
		} else if e, err := c.value(v); err != nil {
			p.fail("LogGroupName", "%v", err)
		} else {
			b.set("log_destination", tmpl(eStr("arn:"), c.use(dataPartition, "partition"), eStr(":logs:"), c.use(dataRegion, "region"),
				eStr(":"), c.use(dataCaller, "account_id"), eStr(":log-group:"), e))
		}
	}
	p.to(b, "DeliverLogsPermissionArn", "iam_role_arn")
	p.to(b, "DeliverCrossAccountRole", "deliver_cross_account_role")
	p.to(b, "LogFormat", "log_format")
	p.to(b, "MaxAggregationInterval", "max_aggregation_interval")
	d := p.sub("DestinationOptions")
	if d != nil {
		db := b.block("destination_options")
		d.to(db, "FileFormat", "file_format")
		d.to(db, "HiveCompatiblePartitions", "hive_compatible_partitions")
		d.to(db, "PerHourPartition", "per_hour_partition")
	}
	p.tags(b, "Tags")
	return p.done(d)
}

func vpcEndpoint(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_vpc_endpoint", c.name(r.ID))
	p.to(b, "VpcId", "vpc_id")
	p.to(b, "ServiceName", "service_name")
	p.to(b, "VpcEndpointType", "vpc_endpoint_type")
	p.to(b, "PrivateDnsEnabled", "private_dns_enabled")
	p.to(b, "IpAddressType", "ip_address_type")
	p.to(b, "RouteTableIds", "route_table_ids")
	p.to(b, "SubnetIds", "subnet_ids")
	p.to(b, "SecurityGroupIds", "security_group_ids")
	p.json(b, "PolicyDocument", "policy")
	p.tags(b, "Tags")
	return p.done()
}
