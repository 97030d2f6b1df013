package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// rdsFamily maps RDS database instances, Aurora clusters and their
// instances, and subnet groups.
type rdsFamily struct{}

func (rdsFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::RDS::DBInstance", tf: "aws_db_instance", ref: "identifier",
			attrs: map[string]attr{"Endpoint.Address": a("address"), "Endpoint.Port": a("port"), "DBInstanceArn": a("arn"),
				"DbiResourceId": a("resource_id"), "MasterUserSecret.SecretArn": a("master_user_secret.0.secret_arn")},
			conv: dbInstance,
			// An instance of an Aurora cluster is an aws_rds_cluster_instance.
			alt: &typeMap{cfn: "AWS::RDS::DBInstance", tf: "aws_rds_cluster_instance", ref: "identifier",
				attrs: map[string]attr{"Endpoint.Address": a("endpoint"), "Endpoint.Port": a("port"), "DBInstanceArn": a("arn"),
					"DbiResourceId": a("dbi_resource_id")},
				conv: clusterInstance},
			useAlt: func(r *ir.Resource) bool { return r.Properties.Get("DBClusterIdentifier") != nil }},
		{cfn: "AWS::RDS::DBCluster", tf: "aws_rds_cluster", ref: "cluster_identifier",
			attrs: map[string]attr{"Endpoint.Address": a("endpoint"), "Endpoint.Port": a("port"), "ReadEndpoint.Address": a("reader_endpoint"),
				"DBClusterArn": a("arn"), "DBClusterResourceId": a("cluster_resource_id"), "MasterUserSecret.SecretArn": a("master_user_secret.0.secret_arn")},
			conv: dbCluster},
		{cfn: "AWS::RDS::DBSubnetGroup", tf: "aws_db_subnet_group", ref: "name",
			conv: simple("aws_db_subnet_group", [][2]string{
				{"DBSubnetGroupName", "name"},
				{"DBSubnetGroupDescription", "description"},
				{"SubnetIds", "subnet_ids"},
			})},
	}
}

func dbInstance(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_db_instance", c.name(r.ID))
	for _, kv := range [][2]string{
		{"DBInstanceIdentifier", "identifier"},
		{"Engine", "engine"},
		{"EngineVersion", "engine_version"},
		{"DBInstanceClass", "instance_class"},
		{"DBName", "db_name"},
		{"MasterUsername", "username"},
		{"MasterUserPassword", "password"},
		{"ManageMasterUserPassword", "manage_master_user_password"},
		{"StorageType", "storage_type"},
		{"Iops", "iops"},
		{"StorageThroughput", "storage_throughput"},
		{"StorageEncrypted", "storage_encrypted"},
		{"KmsKeyId", "kms_key_id"},
		{"DBSubnetGroupName", "db_subnet_group_name"},
		{"VPCSecurityGroups", "vpc_security_group_ids"},
		{"PubliclyAccessible", "publicly_accessible"},
		{"MultiAZ", "multi_az"},
		{"Port", "port"},
		{"BackupRetentionPeriod", "backup_retention_period"},
		{"PreferredBackupWindow", "backup_window"},
		{"PreferredMaintenanceWindow", "maintenance_window"},
		{"AutoMinorVersionUpgrade", "auto_minor_version_upgrade"},
		{"CopyTagsToSnapshot", "copy_tags_to_snapshot"},
		{"DeletionProtection", "deletion_protection"},
		{"EnableCloudwatchLogsExports", "enabled_cloudwatch_logs_exports"},
		{"EnableIAMDatabaseAuthentication", "iam_database_authentication_enabled"},
		{"EnablePerformanceInsights", "performance_insights_enabled"},
		{"PerformanceInsightsKMSKeyId", "performance_insights_kms_key_id"},
		{"PerformanceInsightsRetentionPeriod", "performance_insights_retention_period"},
		{"MonitoringInterval", "monitoring_interval"},
		{"MonitoringRoleArn", "monitoring_role_arn"},
		{"DBParameterGroupName", "parameter_group_name"},
		{"CACertificateIdentifier", "ca_cert_identifier"},
	} {
		p.to(b, kv[0], kv[1])
	}
	p.num(b, "AllocatedStorage", "allocated_storage")
	p.num(b, "MaxAllocatedStorage", "max_allocated_storage")
	p.tags(b, "Tags")
	return p.done()
}

func clusterInstance(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_rds_cluster_instance", c.name(r.ID))
	for _, kv := range [][2]string{
		{"DBInstanceIdentifier", "identifier"},
		{"DBClusterIdentifier", "cluster_identifier"},
		{"Engine", "engine"},
		{"EngineVersion", "engine_version"},
		{"DBInstanceClass", "instance_class"},
		{"DBSubnetGroupName", "db_subnet_group_name"},
		{"DBParameterGroupName", "db_parameter_group_name"},
		{"PubliclyAccessible", "publicly_accessible"},
		{"PromotionTier", "promotion_tier"},
		{"AvailabilityZone", "availability_zone"},
		{"AutoMinorVersionUpgrade", "auto_minor_version_upgrade"},
		{"CopyTagsToSnapshot", "copy_tags_to_snapshot"},
		{"EnablePerformanceInsights", "performance_insights_enabled"},
		{"PerformanceInsightsKMSKeyId", "performance_insights_kms_key_id"},
		{"PerformanceInsightsRetentionPeriod", "performance_insights_retention_period"},
		{"MonitoringInterval", "monitoring_interval"},
		{"MonitoringRoleArn", "monitoring_role_arn"},
		{"CACertificateIdentifier", "ca_cert_identifier"},
		{"PreferredMaintenanceWindow", "preferred_maintenance_window"},
	} {
		p.to(b, kv[0], kv[1])
	}
	p.tags(b, "Tags")
	return p.done()
}

func dbCluster(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_rds_cluster", c.name(r.ID))
	for _, kv := range [][2]string{
		{"DBClusterIdentifier", "cluster_identifier"},
		{"Engine", "engine"},
		{"EngineVersion", "engine_version"},
		{"EngineMode", "engine_mode"},
		{"DatabaseName", "database_name"},
		{"MasterUsername", "master_username"},
		{"MasterUserPassword", "master_password"},
		{"ManageMasterUserPassword", "manage_master_user_password"},
		{"DBSubnetGroupName", "db_subnet_group_name"},
		{"VpcSecurityGroupIds", "vpc_security_group_ids"},
		{"Port", "port"},
		{"StorageEncrypted", "storage_encrypted"},
		{"KmsKeyId", "kms_key_id"},
		{"StorageType", "storage_type"},
		{"BackupRetentionPeriod", "backup_retention_period"},
		{"PreferredBackupWindow", "preferred_backup_window"},
		{"PreferredMaintenanceWindow", "preferred_maintenance_window"},
		{"AutoMinorVersionUpgrade", "auto_minor_version_upgrade"},
		{"CopyTagsToSnapshot", "copy_tags_to_snapshot"},
		{"DeletionProtection", "deletion_protection"},
		{"EnableCloudwatchLogsExports", "enabled_cloudwatch_logs_exports"},
		{"EnableIAMDatabaseAuthentication", "iam_database_authentication_enabled"},
		{"EnableHttpEndpoint", "enable_http_endpoint"},
		{"DBClusterParameterGroupName", "db_cluster_parameter_group_name"},
		{"BacktrackWindow", "backtrack_window"},
	} {
		p.to(b, kv[0], kv[1])
	}
	var nested []*props
	if s := p.sub("ServerlessV2ScalingConfiguration"); s != nil {
		nested = append(nested, s)
		sb := b.block("serverlessv2_scaling_configuration")
		s.to(sb, "MinCapacity", "min_capacity")
		s.to(sb, "MaxCapacity", "max_capacity")
		s.to(sb, "SecondsUntilAutoPause", "seconds_until_auto_pause")
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}
