package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// elasticacheFamily maps ElastiCache (Redis OSS and Valkey) replication
// groups and cache subnet groups.
type elasticacheFamily struct{}

func (elasticacheFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::ElastiCache::SubnetGroup", tf: "aws_elasticache_subnet_group", ref: "name",
			conv: cacheSubnetGroup},
		{cfn: "AWS::ElastiCache::ReplicationGroup", tf: "aws_elasticache_replication_group", ref: "id",
			attrs: map[string]attr{"PrimaryEndPoint.Address": a("primary_endpoint_address"), "PrimaryEndPoint.Port": a("port"),
				"ReaderEndPoint.Address": a("reader_endpoint_address"), "ReaderEndPoint.Port": a("port"),
				"ConfigurationEndPoint.Address": a("configuration_endpoint_address"), "ConfigurationEndPoint.Port": a("port")},
			conv: replicationGroup},
	}
}

func cacheSubnetGroup(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_elasticache_subnet_group", c.name(r.ID))
	nameOr(c, p, b, "CacheSubnetGroupName", "name")
	p.to(b, "Description", "description")
	p.to(b, "SubnetIds", "subnet_ids")
	p.tags(b, "Tags")
	return p.done()
}

func replicationGroup(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_elasticache_replication_group", c.name(r.ID))
	nameOr(c, p, b, "ReplicationGroupId", "replication_group_id")
	for _, kv := range [][2]string{
		{"ReplicationGroupDescription", "description"},
		{"Engine", "engine"},
		{"EngineVersion", "engine_version"},
		{"CacheNodeType", "node_type"},
		{"NumCacheClusters", "num_cache_clusters"},
		{"NumNodeGroups", "num_node_groups"},
		{"ReplicasPerNodeGroup", "replicas_per_node_group"},
		{"Port", "port"},
		{"CacheSubnetGroupName", "subnet_group_name"},
		{"SecurityGroupIds", "security_group_ids"},
		{"CacheParameterGroupName", "parameter_group_name"},
		{"AutomaticFailoverEnabled", "automatic_failover_enabled"},
		{"MultiAZEnabled", "multi_az_enabled"},
		{"AtRestEncryptionEnabled", "at_rest_encryption_enabled"},
		{"TransitEncryptionEnabled", "transit_encryption_enabled"},
		{"TransitEncryptionMode", "transit_encryption_mode"},
		{"KmsKeyId", "kms_key_id"},
		{"AuthToken", "auth_token"},
		{"AutoMinorVersionUpgrade", "auto_minor_version_upgrade"},
		{"SnapshotRetentionLimit", "snapshot_retention_limit"},
		{"SnapshotWindow", "snapshot_window"},
		{"PreferredMaintenanceWindow", "maintenance_window"},
		{"NotificationTopicArn", "notification_topic_arn"},
		{"ClusterMode", "cluster_mode"},
		{"DataTieringEnabled", "data_tiering_enabled"},
		{"IpDiscovery", "ip_discovery"},
		{"NetworkType", "network_type"},
		{"UserGroupIds", "user_group_ids"},
	} {
		p.to(b, kv[0], kv[1])
	}
	var nested []*props
	for _, l := range p.list("LogDeliveryConfigurations") {
		nested = append(nested, l)
		lb := b.block("log_delivery_configuration")
		if d := l.sub("DestinationDetails"); d != nil {
			nested = append(nested, d)
			if cw := d.sub("CloudWatchLogsDetails"); cw != nil {
				nested = append(nested, cw)
				cw.to(lb, "LogGroup", "destination")
			}
			if fh := d.sub("KinesisFirehoseDetails"); fh != nil {
				nested = append(nested, fh)
				fh.to(lb, "DeliveryStream", "destination")
			}
		}
		l.to(lb, "DestinationType", "destination_type")
		l.to(lb, "LogFormat", "log_format")
		l.to(lb, "LogType", "log_type")
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}
