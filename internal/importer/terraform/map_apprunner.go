package terraform

// appRunnerTypes maps App Runner services, VPC connectors and auto
// scaling configurations. Environment maps become {Name, Value} lists.
func appRunnerTypes() []typeMap {
	envs := func() []field {
		return []field{
			kv("runtime_environment_variables", "RuntimeEnvironmentVariables", "Name", "Value"),
			kv("runtime_environment_secrets", "RuntimeEnvironmentSecrets", "Name", "Value"),
		}
	}
	return []typeMap{
		{tf: "aws_apprunner_auto_scaling_configuration_version", cfn: "AWS::AppRunner::AutoScalingConfiguration", ref: []string{"arn", "id"},
			attrs: map[string]string{"auto_scaling_configuration_revision": "AutoScalingConfigurationRevision", "latest": "Latest"},
			fields: []field{
				f("auto_scaling_configuration_name", "AutoScalingConfigurationName"),
				f("max_concurrency", "MaxConcurrency"),
				f("max_size", "MaxSize"),
				f("min_size", "MinSize"),
				tags(),
			}},
		{tf: "aws_apprunner_vpc_connector", cfn: "AWS::AppRunner::VpcConnector", ref: []string{"arn", "id"},
			attrs: map[string]string{"vpc_connector_revision": "VpcConnectorRevision"},
			fields: []field{
				f("vpc_connector_name", "VpcConnectorName"),
				f("subnets", "Subnets"),
				f("security_groups", "SecurityGroups"),
				tags(),
			}},
		{tf: "aws_apprunner_service", cfn: "AWS::AppRunner::Service", ref: []string{"arn", "id"},
			attrs: map[string]string{"service_id": "ServiceId", "service_url": "ServiceUrl", "status": "Status"},
			fields: []field{
				f("service_name", "ServiceName"),
				f("auto_scaling_configuration_arn", "AutoScalingConfigurationArn"),
				blk("source_configuration", "SourceConfiguration",
					f("auto_deployments_enabled", "AutoDeploymentsEnabled"),
					blk("authentication_configuration", "AuthenticationConfiguration",
						f("access_role_arn", "AccessRoleArn"), f("connection_arn", "ConnectionArn")),
					blk("image_repository", "ImageRepository",
						f("image_identifier", "ImageIdentifier"),
						f("image_repository_type", "ImageRepositoryType"),
						blk("image_configuration", "ImageConfiguration",
							append([]field{fv("port", "Port", str), f("start_command", "StartCommand")}, envs()...)...)),
					blk("code_repository", "CodeRepository",
						f("repository_url", "RepositoryUrl"),
						f("source_directory", "SourceDirectory"),
						blk("source_code_version", "SourceCodeVersion", f("type", "Type"), f("value", "Value")),
						blk("code_configuration", "CodeConfiguration",
							f("configuration_source", "ConfigurationSource"),
							blk("code_configuration_values", "CodeConfigurationValues",
								append([]field{f("runtime", "Runtime"), f("build_command", "BuildCommand"),
									f("start_command", "StartCommand"), fv("port", "Port", str)}, envs()...)...)))),
				blk("instance_configuration", "InstanceConfiguration",
					f("cpu", "Cpu"), f("memory", "Memory"), f("instance_role_arn", "InstanceRoleArn")),
				blk("health_check_configuration", "HealthCheckConfiguration",
					f("protocol", "Protocol"),
					f("path", "Path"),
					f("interval", "Interval"),
					f("timeout", "Timeout"),
					f("healthy_threshold", "HealthyThreshold"),
					f("unhealthy_threshold", "UnhealthyThreshold")),
				blk("network_configuration", "NetworkConfiguration",
					f("ip_address_type", "IpAddressType"),
					blk("egress_configuration", "EgressConfiguration",
						f("egress_type", "EgressType"), f("vpc_connector_arn", "VpcConnectorArn")),
					blk("ingress_configuration", "IngressConfiguration",
						f("is_publicly_accessible", "IsPubliclyAccessible"))),
				blk("encryption_configuration", "EncryptionConfiguration", f("kms_key", "KmsKey")),
				blk("observability_configuration", "ObservabilityConfiguration",
					f("observability_enabled", "ObservabilityEnabled"),
					f("observability_configuration_arn", "ObservabilityConfigurationArn")),
				tags(),
			}},
	}
}
