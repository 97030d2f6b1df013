package terraform

// route53Types maps hosted zones and record sets.
func route53Types() []typeMap {
	return []typeMap{
		{tf: "aws_route53_zone", cfn: "AWS::Route53::HostedZone", ref: []string{"zone_id", "id"},
			attrs: map[string]string{"name_servers": "NameServers"},
			fields: []field{
				f("name", "Name"),
				f("comment", "HostedZoneConfig.Comment"),
				blks("vpc", "VPCs", f("vpc_id", "VPCId"), f("vpc_region", "VPCRegion")),
				field{tf: "tags", cfn: "HostedZoneTags", kind: fTags},
			}},
		{tf: "aws_route53_record", cfn: "AWS::Route53::RecordSet", ref: []string{"fqdn"},
			fields: []field{
				f("zone_id", "HostedZoneId"),
				f("name", "Name"),
				f("type", "Type"),
				fv("ttl", "TTL", str),
				f("records", "ResourceRecords"),
				f("set_identifier", "SetIdentifier"),
				f("health_check_id", "HealthCheckId"),
				blk("alias", "AliasTarget",
					f("name", "DNSName"),
					f("zone_id", "HostedZoneId"),
					f("evaluate_target_health", "EvaluateTargetHealth")),
				blk("weighted_routing_policy", "", f("weight", "Weight")),
				blk("failover_routing_policy", "", f("type", "Failover")),
			}},
	}
}
