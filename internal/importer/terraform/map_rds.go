package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// rdsTypes maps RDS instances, Aurora clusters and their instances,
// subnet groups and parameter groups.
func rdsTypes() []typeMap {
	return []typeMap{
		{tf: "aws_db_instance", cfn: "AWS::RDS::DBInstance", ref: []string{"identifier"},
			attrs: map[string]string{"address": "Endpoint.Address", "port": "Endpoint.Port", "arn": "DBInstanceArn",
				"resource_id": "DbiResourceId", "master_user_secret.0.secret_arn": "MasterUserSecret.SecretArn"},
			fields: []field{
				f("identifier", "DBInstanceIdentifier"),
				f("engine", "Engine"),
				f("engine_version", "EngineVersion"),
				f("instance_class", "DBInstanceClass"),
				f("db_name", "DBName"),
				f("name", "DBName"),
				f("username", "MasterUsername"),
				f("password", "MasterUserPassword"),
				f("manage_master_user_password", "ManageMasterUserPassword"),
				f("storage_type", "StorageType"),
				f("iops", "Iops"),
				f("storage_throughput", "StorageThroughput"),
				f("storage_encrypted", "StorageEncrypted"),
				f("kms_key_id", "KmsKeyId"),
				f("db_subnet_group_name", "DBSubnetGroupName"),
				fv("vpc_security_group_ids", "VPCSecurityGroups", nonEmpty),
				f("publicly_accessible", "PubliclyAccessible"),
				f("multi_az", "MultiAZ"),
				f("availability_zone", "AvailabilityZone"),
				f("port", "Port"),
				f("backup_retention_period", "BackupRetentionPeriod"),
				f("backup_window", "PreferredBackupWindow"),
				f("maintenance_window", "PreferredMaintenanceWindow"),
				f("auto_minor_version_upgrade", "AutoMinorVersionUpgrade"),
				f("copy_tags_to_snapshot", "CopyTagsToSnapshot"),
				f("deletion_protection", "DeletionProtection"),
				fv("enabled_cloudwatch_logs_exports", "EnableCloudwatchLogsExports", nonEmpty),
				f("iam_database_authentication_enabled", "EnableIAMDatabaseAuthentication"),
				f("performance_insights_enabled", "EnablePerformanceInsights"),
				f("performance_insights_kms_key_id", "PerformanceInsightsKMSKeyId"),
				f("performance_insights_retention_period", "PerformanceInsightsRetentionPeriod"),
				f("monitoring_interval", "MonitoringInterval"),
				f("monitoring_role_arn", "MonitoringRoleArn"),
				f("parameter_group_name", "DBParameterGroupName"),
				f("option_group_name", "OptionGroupName"),
				f("ca_cert_identifier", "CACertificateIdentifier"),
				f("license_model", "LicenseModel"),
				f("replicate_source_db", "SourceDBInstanceIdentifier"),
				f("snapshot_identifier", "DBSnapshotIdentifier"),
				fv("allocated_storage", "AllocatedStorage", str),
				f("max_allocated_storage", "MaxAllocatedStorage"),
				tags(),
			}},
		{tf: "aws_rds_cluster_instance", cfn: "AWS::RDS::DBInstance", ref: []string{"identifier"},
			attrs: map[string]string{"endpoint": "Endpoint.Address", "port": "Endpoint.Port", "arn": "DBInstanceArn",
				"dbi_resource_id": "DbiResourceId"},
			fields: []field{
				f("identifier", "DBInstanceIdentifier"),
				f("cluster_identifier", "DBClusterIdentifier"),
				f("engine", "Engine"),
				f("engine_version", "EngineVersion"),
				f("instance_class", "DBInstanceClass"),
				f("db_subnet_group_name", "DBSubnetGroupName"),
				f("db_parameter_group_name", "DBParameterGroupName"),
				f("publicly_accessible", "PubliclyAccessible"),
				f("promotion_tier", "PromotionTier"),
				f("availability_zone", "AvailabilityZone"),
				f("auto_minor_version_upgrade", "AutoMinorVersionUpgrade"),
				f("copy_tags_to_snapshot", "CopyTagsToSnapshot"),
				f("performance_insights_enabled", "EnablePerformanceInsights"),
				f("performance_insights_kms_key_id", "PerformanceInsightsKMSKeyId"),
				f("performance_insights_retention_period", "PerformanceInsightsRetentionPeriod"),
				f("monitoring_interval", "MonitoringInterval"),
				f("monitoring_role_arn", "MonitoringRoleArn"),
				f("ca_cert_identifier", "CACertificateIdentifier"),
				f("preferred_maintenance_window", "PreferredMaintenanceWindow"),
				tags(),
			}},
		{tf: "aws_rds_cluster", cfn: "AWS::RDS::DBCluster", ref: []string{"cluster_identifier", "id"},
			attrs: map[string]string{"endpoint": "Endpoint.Address", "port": "Endpoint.Port", "reader_endpoint": "ReadEndpoint.Address",
				"arn": "DBClusterArn", "cluster_resource_id": "DBClusterResourceId", "master_user_secret.0.secret_arn": "MasterUserSecret.SecretArn"},
			fields: []field{
				f("cluster_identifier", "DBClusterIdentifier"),
				f("engine", "Engine"),
				f("engine_version", "EngineVersion"),
				f("engine_mode", "EngineMode"),
				f("database_name", "DatabaseName"),
				f("master_username", "MasterUsername"),
				f("master_password", "MasterUserPassword"),
				f("manage_master_user_password", "ManageMasterUserPassword"),
				f("db_subnet_group_name", "DBSubnetGroupName"),
				fv("vpc_security_group_ids", "VpcSecurityGroupIds", nonEmpty),
				f("port", "Port"),
				f("storage_encrypted", "StorageEncrypted"),
				f("kms_key_id", "KmsKeyId"),
				f("storage_type", "StorageType"),
				f("allocated_storage", "AllocatedStorage"),
				f("iops", "Iops"),
				f("db_cluster_instance_class", "DBClusterInstanceClass"),
				f("backup_retention_period", "BackupRetentionPeriod"),
				f("preferred_backup_window", "PreferredBackupWindow"),
				f("preferred_maintenance_window", "PreferredMaintenanceWindow"),
				f("auto_minor_version_upgrade", "AutoMinorVersionUpgrade"),
				f("copy_tags_to_snapshot", "CopyTagsToSnapshot"),
				f("deletion_protection", "DeletionProtection"),
				fv("enabled_cloudwatch_logs_exports", "EnableCloudwatchLogsExports", nonEmpty),
				f("iam_database_authentication_enabled", "EnableIAMDatabaseAuthentication"),
				f("enable_http_endpoint", "EnableHttpEndpoint"),
				f("db_cluster_parameter_group_name", "DBClusterParameterGroupName"),
				f("backtrack_window", "BacktrackWindow"),
				blk("serverlessv2_scaling_configuration", "ServerlessV2ScalingConfiguration",
					f("min_capacity", "MinCapacity"),
					f("max_capacity", "MaxCapacity"),
					f("seconds_until_auto_pause", "SecondsUntilAutoPause")),
				tags(),
			}},
		{tf: "aws_db_subnet_group", cfn: "AWS::RDS::DBSubnetGroup", ref: []string{"name", "id"},
			fields: []field{
				f("name", "DBSubnetGroupName"),
				f("description", "DBSubnetGroupDescription"),
				f("subnet_ids", "SubnetIds"),
				tags(),
			},
			post: defaultDescription("DBSubnetGroupDescription")},
		{tf: "aws_db_parameter_group", cfn: "AWS::RDS::DBParameterGroup", ref: []string{"name", "id"},
			fields: []field{
				f("name", "DBParameterGroupName"),
				f("family", "Family"),
				f("description", "Description"),
				tags(),
			},
			post: func(m *mapper, in, out *ir.Map) {
				defaultDescription("Description")(m, in, out)
				e, ok := in.Entry("parameter")
				if !ok {
					return
				}
				params := &ir.Map{Loc: e.Loc}
				for _, b := range blockList(e.Value) {
					if name, ok := ir.AsString(b.Get("name")); ok && b.Get("value") != nil {
						setEntry(params, name, str(b.Get("value")), locOr(b.Loc, e.Loc))
					}
				}
				if params.Len() > 0 {
					setEntry(out, "Parameters", params, e.Loc)
				}
			}},
	}
}

// defaultDescription sets the provider's default description where
// CloudFormation requires one and the configuration gives none.
func defaultDescription(key string) func(*mapper, *ir.Map, *ir.Map) {
	return func(_ *mapper, in, out *ir.Map) {
		if out.Get(key) == nil {
			setEntry(out, key, ir.String("Managed by Terraform"), in.Loc)
		}
	}
}
