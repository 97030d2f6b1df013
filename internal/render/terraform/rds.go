package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// rdsFamily maps RDS database instances and subnet groups.
type rdsFamily struct{}

func (rdsFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::RDS::DBInstance", tf: "aws_db_instance", ref: "identifier",
			attrs: map[string]attr{"Endpoint.Address": a("address"), "Endpoint.Port": a("port"), "DBInstanceArn": a("arn"),
				"DbiResourceId": a("resource_id"), "MasterUserSecret.SecretArn": a("master_user_secret.0.secret_arn")},
			conv: dbInstance},
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
