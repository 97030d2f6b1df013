package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// networkTypes maps the VPC and what hangs off it: subnets, gateways,
// route tables and routes, Elastic IPs and NAT gateways.
func networkTypes() []typeMap {
	return []typeMap{
		{tf: "aws_vpc", cfn: "AWS::EC2::VPC", ref: []string{"id"},
			attrs: map[string]string{"cidr_block": "CidrBlock", "default_security_group_id": "DefaultSecurityGroup",
				"default_network_acl_id": "DefaultNetworkAcl"},
			fields: []field{
				f("cidr_block", "CidrBlock"),
				f("enable_dns_hostnames", "EnableDnsHostnames"),
				f("enable_dns_support", "EnableDnsSupport"),
				f("instance_tenancy", "InstanceTenancy"),
				f("ipv4_ipam_pool_id", "Ipv4IpamPoolId"),
				f("ipv4_netmask_length", "Ipv4NetmaskLength"),
				tags(),
			}},
		{tf: "aws_internet_gateway", cfn: "AWS::EC2::InternetGateway", ref: []string{"id"},
			fields: []field{tags()}},
		{tf: "aws_internet_gateway_attachment", cfn: "AWS::EC2::VPCGatewayAttachment", ref: []string{"id"},
			fields: []field{f("vpc_id", "VpcId"), f("internet_gateway_id", "InternetGatewayId")}},
		{tf: "aws_route_table", cfn: "AWS::EC2::RouteTable", ref: []string{"id"},
			fields: []field{f("vpc_id", "VpcId"), tags()}},
		{tf: "aws_route", cfn: "AWS::EC2::Route", ref: []string{"id"},
			fields: []field{
				f("route_table_id", "RouteTableId"),
				f("destination_cidr_block", "DestinationCidrBlock"),
				f("destination_ipv6_cidr_block", "DestinationIpv6CidrBlock"),
				f("destination_prefix_list_id", "DestinationPrefixListId"),
				f("gateway_id", "GatewayId"),
				f("nat_gateway_id", "NatGatewayId"),
				f("egress_only_gateway_id", "EgressOnlyInternetGatewayId"),
				f("network_interface_id", "NetworkInterfaceId"),
				f("transit_gateway_id", "TransitGatewayId"),
				f("vpc_endpoint_id", "VpcEndpointId"),
				f("vpc_peering_connection_id", "VpcPeeringConnectionId"),
			}},
		{tf: "aws_subnet", cfn: "AWS::EC2::Subnet", ref: []string{"id"},
			attrs: map[string]string{"availability_zone": "AvailabilityZone", "cidr_block": "CidrBlock", "vpc_id": "VpcId"},
			fields: []field{
				f("vpc_id", "VpcId"),
				f("availability_zone", "AvailabilityZone"),
				f("availability_zone_id", "AvailabilityZoneId"),
				f("cidr_block", "CidrBlock"),
				f("ipv6_cidr_block", "Ipv6CidrBlock"),
				f("map_public_ip_on_launch", "MapPublicIpOnLaunch"),
				tags(),
			}},
		{tf: "aws_route_table_association", cfn: "AWS::EC2::SubnetRouteTableAssociation", ref: []string{"id"},
			fields: []field{f("subnet_id", "SubnetId"), f("route_table_id", "RouteTableId")}},
		// CloudFormation's Ref of an EIP is its public address; the
		// provider's id is the allocation ID.
		{tf: "aws_eip", cfn: "AWS::EC2::EIP", ref: []string{"public_ip"},
			attrs: map[string]string{"allocation_id": "AllocationId", "id": "AllocationId"},
			fields: []field{
				f("domain", "Domain"),
				fv("vpc", "Domain", func(v ir.Value) ir.Value {
					if b, ok := ir.AsBool(v); ok && b {
						return ir.String("vpc")
					}
					return nil
				}),
				f("instance", "InstanceId"),
				f("network_border_group", "NetworkBorderGroup"),
				f("public_ipv4_pool", "PublicIpv4Pool"),
				tags(),
			}},
		{tf: "aws_nat_gateway", cfn: "AWS::EC2::NatGateway", ref: []string{"id"},
			fields: []field{
				f("allocation_id", "AllocationId"),
				f("subnet_id", "SubnetId"),
				f("connectivity_type", "ConnectivityType"),
				f("private_ip", "PrivateIpAddress"),
				tags(),
			}},
	}
}
