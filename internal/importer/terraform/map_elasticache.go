package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// elasticacheTypes maps ElastiCache replication groups, clusters,
// serverless caches and subnet groups.
func elasticacheTypes() []typeMap {
	return []typeMap{
		{tf: "aws_elasticache_subnet_group", cfn: "AWS::ElastiCache::SubnetGroup", ref: []string{"name", "id"},
			fields: []field{
				f("name", "CacheSubnetGroupName"),
				f("description", "Description"),
				f("subnet_ids", "SubnetIds"),
				tags(),
			},
			post: defaultDescription("Description")},
		{tf: "aws_elasticache_replication_group", cfn: "AWS::ElastiCache::ReplicationGroup", ref: []string{"id", "replication_group_id"},
			attrs: map[string]string{"primary_endpoint_address": "PrimaryEndPoint.Address", "port": "PrimaryEndPoint.Port",
				"reader_endpoint_address": "ReaderEndPoint.Address", "configuration_endpoint_address": "ConfigurationEndPoint.Address"},
			fields: []field{
				f("replication_group_id", "ReplicationGroupId"),
				f("description", "ReplicationGroupDescription"),
				f("replication_group_description", "ReplicationGroupDescription"),
				f("engine", "Engine"),
				f("engine_version", "EngineVersion"),
				f("node_type", "CacheNodeType"),
				f("num_cache_clusters", "NumCacheClusters"),
				f("num_node_groups", "NumNodeGroups"),
				f("replicas_per_node_group", "ReplicasPerNodeGroup"),
				f("port", "Port"),
				f("subnet_group_name", "CacheSubnetGroupName"),
				fv("security_group_ids", "SecurityGroupIds", nonEmpty),
				f("parameter_group_name", "CacheParameterGroupName"),
				f("automatic_failover_enabled", "AutomaticFailoverEnabled"),
				f("multi_az_enabled", "MultiAZEnabled"),
				f("at_rest_encryption_enabled", "AtRestEncryptionEnabled"),
				f("transit_encryption_enabled", "TransitEncryptionEnabled"),
				f("transit_encryption_mode", "TransitEncryptionMode"),
				f("kms_key_id", "KmsKeyId"),
				f("auth_token", "AuthToken"),
				f("auto_minor_version_upgrade", "AutoMinorVersionUpgrade"),
				f("snapshot_retention_limit", "SnapshotRetentionLimit"),
				f("snapshot_window", "SnapshotWindow"),
				f("maintenance_window", "PreferredMaintenanceWindow"),
				f("notification_topic_arn", "NotificationTopicArn"),
				f("cluster_mode", "ClusterMode"),
				f("data_tiering_enabled", "DataTieringEnabled"),
				f("ip_discovery", "IpDiscovery"),
				f("network_type", "NetworkType"),
				fv("user_group_ids", "UserGroupIds", nonEmpty),
				tags(),
			},
			post: logDelivery},
		{tf: "aws_elasticache_cluster", cfn: "AWS::ElastiCache::CacheCluster", ref: []string{"cluster_id", "id"},
			fields: []field{
				f("cluster_id", "ClusterName"),
				f("engine", "Engine"),
				f("engine_version", "EngineVersion"),
				f("node_type", "CacheNodeType"),
				f("num_cache_nodes", "NumCacheNodes"),
				f("port", "Port"),
				f("subnet_group_name", "CacheSubnetGroupName"),
				fv("security_group_ids", "VpcSecurityGroupIds", nonEmpty),
				f("parameter_group_name", "CacheParameterGroupName"),
				f("az_mode", "AZMode"),
				f("snapshot_retention_limit", "SnapshotRetentionLimit"),
				f("transit_encryption_enabled", "TransitEncryptionEnabled"),
				tags(),
			}},
		{tf: "aws_elasticache_serverless_cache", cfn: "AWS::ElastiCache::ServerlessCache", ref: []string{"name", "id"},
			attrs: map[string]string{"arn": "ARN"},
			fields: []field{
				f("name", "ServerlessCacheName"),
				f("engine", "Engine"),
				f("major_engine_version", "MajorEngineVersion"),
				f("description", "Description"),
				f("kms_key_id", "KmsKeyId"),
				fv("security_group_ids", "SecurityGroupIds", nonEmpty),
				fv("subnet_ids", "SubnetIds", nonEmpty),
				f("snapshot_retention_limit", "SnapshotRetentionLimit"),
				f("daily_snapshot_time", "DailySnapshotTime"),
				f("user_group_id", "UserGroupId"),
				blk("cache_usage_limits", "CacheUsageLimits",
					blk("data_storage", "DataStorage", f("maximum", "Maximum"), f("minimum", "Minimum"), f("unit", "Unit")),
					blk("ecpu_per_second", "ECPUPerSecond", f("maximum", "Maximum"), f("minimum", "Minimum"))),
				tags(),
			}},
	}
}

// logDelivery maps log_delivery_configuration blocks: the destination
// goes under CloudWatch Logs or Firehose details by its type.
func logDelivery(_ *mapper, in, out *ir.Map) {
	e, ok := in.Entry("log_delivery_configuration")
	if !ok {
		return
	}
	list := &ir.List{Loc: e.Loc}
	for _, b := range blockList(e.Value) {
		c := &ir.Map{Loc: b.Loc}
		dt, _ := ir.AsString(b.Get("destination_type"))
		if d := b.Get("destination"); !isNull(d) {
			switch dt {
			case "kinesis-firehose":
				setPath(c, "DestinationDetails.KinesisFirehoseDetails.DeliveryStream", d, b.Loc)
			default:
				setPath(c, "DestinationDetails.CloudWatchLogsDetails.LogGroup", d, b.Loc)
			}
		}
		for _, k := range [][2]string{{"destination_type", "DestinationType"}, {"log_format", "LogFormat"}, {"log_type", "LogType"}} {
			if v := b.Get(k[0]); !isNull(v) {
				setEntry(c, k[1], v, entryLoc(b, k[0]))
			}
		}
		list.Items = append(list.Items, c)
	}
	if len(list.Items) > 0 {
		setEntry(out, "LogDeliveryConfigurations", list, e.Loc)
	}
}
