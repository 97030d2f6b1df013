package terraform

// ecrTypes maps ECR repositories. The lifecycle and repository policy
// resources merge into the repository, as CloudFormation holds them.
func ecrTypes() []typeMap {
	intoRepo := func(key string) *mergeSpec {
		return &mergeSpec{attr: "repository", targets: []string{"aws_ecr_repository"}, drop: []string{key}}
	}
	return []typeMap{
		{tf: "aws_ecr_repository", cfn: "AWS::ECR::Repository", ref: []string{"name", "id"},
			attrs: map[string]string{"arn": "Arn", "repository_url": "RepositoryUri"},
			fields: []field{
				f("name", "RepositoryName"),
				f("image_tag_mutability", "ImageTagMutability"),
				f("force_delete", "EmptyOnDelete"),
				blks("image_tag_mutability_exclusion_filter", "ImageTagMutabilityExclusionFilters",
					f("filter", "ImageTagMutabilityExclusionFilterValue"),
					f("filter_type", "ImageTagMutabilityExclusionFilterType")),
				blk("image_scanning_configuration", "ImageScanningConfiguration", f("scan_on_push", "ScanOnPush")),
				blk("encryption_configuration", "EncryptionConfiguration",
					f("encryption_type", "EncryptionType"), f("kms_key", "KmsKey")),
				tags(),
			}},
		{tf: "aws_ecr_lifecycle_policy", merge: intoRepo("Repository"),
			fields: []field{f("repository", "Repository"), f("policy", "LifecyclePolicy.LifecyclePolicyText")}},
		{tf: "aws_ecr_repository_policy", merge: intoRepo("Repository"),
			fields: []field{f("repository", "Repository"), js("policy", "RepositoryPolicyText")}},
	}
}

// codebuildTypes maps CodeBuild projects.
func codebuildTypes() []typeMap {
	return []typeMap{
		{tf: "aws_codebuild_project", cfn: "AWS::CodeBuild::Project", ref: []string{"name"},
			attrs: map[string]string{"arn": "Arn", "id": "Arn"},
			fields: []field{
				f("name", "Name"),
				f("description", "Description"),
				f("service_role", "ServiceRole"),
				f("encryption_key", "EncryptionKey"),
				f("build_timeout", "TimeoutInMinutes"),
				f("queued_timeout", "QueuedTimeoutInMinutes"),
				f("concurrent_build_limit", "ConcurrentBuildLimit"),
				blk("source", "Source",
					f("type", "Type"),
					f("location", "Location"),
					f("buildspec", "BuildSpec"),
					f("git_clone_depth", "GitCloneDepth"),
					f("insecure_ssl", "InsecureSsl"),
					f("report_build_status", "ReportBuildStatus")),
				blk("environment", "Environment",
					f("compute_type", "ComputeType"),
					f("image", "Image"),
					f("type", "Type"),
					f("image_pull_credentials_type", "ImagePullCredentialsType"),
					f("privileged_mode", "PrivilegedMode"),
					f("certificate", "Certificate"),
					blks("environment_variable", "EnvironmentVariables",
						f("name", "Name"), f("value", "Value"), f("type", "Type"))),
				blk("artifacts", "Artifacts",
					f("type", "Type"),
					f("location", "Location"),
					f("name", "Name"),
					f("path", "Path"),
					f("packaging", "Packaging"),
					f("encryption_disabled", "EncryptionDisabled")),
				blk("logs_config", "LogsConfig",
					blk("cloudwatch_logs", "CloudWatchLogs",
						f("status", "Status"), f("group_name", "GroupName"), f("stream_name", "StreamName")),
					blk("s3_logs", "S3Logs",
						f("status", "Status"), f("location", "Location"), f("encryption_disabled", "EncryptionDisabled"))),
				blk("vpc_config", "VpcConfig",
					f("vpc_id", "VpcId"), f("subnets", "Subnets"), f("security_group_ids", "SecurityGroupIds")),
				tags(),
			}},
	}
}

// kmsTypes maps KMS keys and aliases.
func kmsTypes() []typeMap {
	return []typeMap{
		{tf: "aws_kms_key", cfn: "AWS::KMS::Key", ref: []string{"key_id", "id"},
			attrs: map[string]string{"arn": "Arn"},
			fields: []field{
				f("description", "Description"),
				f("key_usage", "KeyUsage"),
				f("customer_master_key_spec", "KeySpec"),
				f("is_enabled", "Enabled"),
				f("enable_key_rotation", "EnableKeyRotation"),
				f("rotation_period_in_days", "RotationPeriodInDays"),
				f("deletion_window_in_days", "PendingWindowInDays"),
				f("multi_region", "MultiRegion"),
				f("bypass_policy_lockout_safety_check", "BypassPolicyLockoutSafetyCheck"),
				js("policy", "KeyPolicy"),
				tags(),
			}},
		{tf: "aws_kms_alias", cfn: "AWS::KMS::Alias", ref: []string{"name", "id"},
			fields: []field{f("name", "AliasName"), f("target_key_id", "TargetKeyId")}},
	}
}
