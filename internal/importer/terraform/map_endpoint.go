package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// endpointTypes maps VPC endpoints and flow logs.
func endpointTypes() []typeMap {
	return []typeMap{
		{tf: "aws_vpc_endpoint", cfn: "AWS::EC2::VPCEndpoint", ref: []string{"id"},
			attrs: map[string]string{"dns_entry": "DnsEntries", "network_interface_ids": "NetworkInterfaceIds"},
			fields: []field{
				f("vpc_id", "VpcId"),
				f("service_name", "ServiceName"),
				f("vpc_endpoint_type", "VpcEndpointType"),
				f("private_dns_enabled", "PrivateDnsEnabled"),
				f("ip_address_type", "IpAddressType"),
				fv("route_table_ids", "RouteTableIds", nonEmpty),
				fv("subnet_ids", "SubnetIds", nonEmpty),
				fv("security_group_ids", "SecurityGroupIds", nonEmpty),
				js("policy", "PolicyDocument"),
				tags(),
			}},
		{tf: "aws_flow_log", cfn: "AWS::EC2::FlowLog", ref: []string{"id"},
			fields: []field{
				f("traffic_type", "TrafficType"),
				f("log_destination_type", "LogDestinationType"),
				f("iam_role_arn", "DeliverLogsPermissionArn"),
				f("deliver_cross_account_role", "DeliverCrossAccountRole"),
				f("log_format", "LogFormat"),
				f("max_aggregation_interval", "MaxAggregationInterval"),
				blk("destination_options", "DestinationOptions",
					f("file_format", "FileFormat"),
					f("hive_compatible_partitions", "HiveCompatiblePartitions"),
					f("per_hour_partition", "PerHourPartition")),
				tags(),
			},
			post: flowLog},
	}
}

// flowLogTargets maps the argument naming what a flow log watches to
// CloudFormation's ResourceType.
var flowLogTargets = [][2]string{
	{"vpc_id", "VPC"},
	{"subnet_id", "Subnet"},
	{"eni_id", "NetworkInterface"},
	{"transit_gateway_id", "TransitGateway"},
	{"transit_gateway_attachment_id", "TransitGatewayAttachment"},
	{"regional_nat_gateway_id", "RegionalNatGateway"},
}

// flowLog sets ResourceId and ResourceType from whichever target
// argument is set, and sends a CloudWatch Logs destination that is a log
// group of the import to LogGroupName, as CloudFormation names it.
func flowLog(m *mapper, in, out *ir.Map) {
	for _, t := range flowLogTargets {
		if e, ok := in.Entry(t[0]); ok && !isNull(e.Value) {
			setEntry(out, "ResourceId", e.Value, e.Loc)
			setEntry(out, "ResourceType", ir.String(t[1]), e.Loc)
			break
		}
	}
	e, ok := in.Entry("log_destination")
	if !ok || isNull(e.Value) {
		return
	}
	dt, _ := ir.AsString(in.Get("log_destination_type"))
	if ga, isGA := e.Value.(ir.GetAtt); isGA && ga.Attr == "Arn" && (dt == "" || dt == "cloud-watch-logs") {
		if t := m.b.byID[ga.Target]; t != nil && t.inst.Type == "aws_cloudwatch_log_group" {
			setEntry(out, "LogGroupName", ir.Ref{Target: ga.Target}, e.Loc)
			return
		}
	}
	setEntry(out, "LogDestination", e.Value, e.Loc)
}
