package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// ec2Types maps instances, EBS volumes, launch templates and Auto Scaling
// groups. An instance's root_block_device and ebs_block_device blocks
// become BlockDeviceMappings (the root device without a DeviceName: it
// depends on the AMI); associate_public_ip_address becomes the primary
// network interface's AssociatePublicIpAddress.
func ec2Types() []typeMap {
	ebs := []field{
		f("volume_size", "Ebs.VolumeSize"),
		f("volume_type", "Ebs.VolumeType"),
		f("encrypted", "Ebs.Encrypted"),
		f("iops", "Ebs.Iops"),
		f("kms_key_id", "Ebs.KmsKeyId"),
		f("snapshot_id", "Ebs.SnapshotId"),
		f("delete_on_termination", "Ebs.DeleteOnTermination"),
	}
	metadata := []field{
		f("http_tokens", "HttpTokens"),
		f("http_endpoint", "HttpEndpoint"),
		f("http_put_response_hop_limit", "HttpPutResponseHopLimit"),
		f("instance_metadata_tags", "InstanceMetadataTags"),
	}
	return []typeMap{
		{tf: "aws_instance", cfn: "AWS::EC2::Instance", ref: []string{"id"},
			attrs: map[string]string{"private_ip": "PrivateIp", "public_ip": "PublicIp", "availability_zone": "AvailabilityZone",
				"private_dns": "PrivateDnsName", "public_dns": "PublicDnsName"},
			fields: []field{
				f("ami", "ImageId"),
				f("instance_type", "InstanceType"),
				f("subnet_id", "SubnetId"),
				fv("vpc_security_group_ids", "SecurityGroupIds", nonEmpty),
				fv("security_groups", "SecurityGroups", nonEmpty),
				f("key_name", "KeyName"),
				f("iam_instance_profile", "IamInstanceProfile"),
				f("user_data", "UserData"),
				f("user_data_base64", "UserData"),
				f("monitoring", "Monitoring"),
				f("ebs_optimized", "EbsOptimized"),
				f("disable_api_termination", "DisableApiTermination"),
				f("availability_zone", "AvailabilityZone"),
				f("private_ip", "PrivateIpAddress"),
				f("tenancy", "Tenancy"),
				f("source_dest_check", "SourceDestCheck"),
				blk("metadata_options", "MetadataOptions", metadata...),
				blks("root_block_device", "BlockDeviceMappings", append([]field{f("device_name", "DeviceName")}, ebs...)...),
				blks("ebs_block_device", "BlockDeviceMappings", append([]field{f("device_name", "DeviceName")}, ebs...)...),
				tags(),
			},
			post: func(_ *mapper, in, out *ir.Map) {
				e, ok := in.Entry("associate_public_ip_address")
				if !ok || isNull(e.Value) {
					return
				}
				nic := &ir.Map{Loc: e.Loc, Entries: []ir.Entry{
					{Key: "DeviceIndex", Value: ir.String("0"), Loc: e.Loc},
					{Key: "AssociatePublicIpAddress", Value: e.Value, Loc: e.Loc},
				}}
				setEntry(out, "NetworkInterfaces", &ir.List{Loc: e.Loc, Items: []ir.Value{nic}}, e.Loc)
			}},
		{tf: "aws_ebs_volume", cfn: "AWS::EC2::Volume", ref: []string{"id"},
			fields: []field{
				f("availability_zone", "AvailabilityZone"),
				f("size", "Size"),
				f("type", "VolumeType"),
				f("iops", "Iops"),
				f("throughput", "Throughput"),
				f("encrypted", "Encrypted"),
				f("kms_key_id", "KmsKeyId"),
				f("snapshot_id", "SnapshotId"),
				f("multi_attach_enabled", "MultiAttachEnabled"),
				tags(),
			}},
		{tf: "aws_launch_template", cfn: "AWS::EC2::LaunchTemplate", ref: []string{"id"},
			attrs: map[string]string{"latest_version": "LatestVersionNumber", "default_version": "DefaultVersionNumber"},
			fields: []field{
				f("name", "LaunchTemplateName"),
				f("image_id", "LaunchTemplateData.ImageId"),
				f("instance_type", "LaunchTemplateData.InstanceType"),
				f("key_name", "LaunchTemplateData.KeyName"),
				f("user_data", "LaunchTemplateData.UserData"),
				fv("vpc_security_group_ids", "LaunchTemplateData.SecurityGroupIds", nonEmpty),
				f("ebs_optimized", "LaunchTemplateData.EbsOptimized"),
				blk("iam_instance_profile", "LaunchTemplateData.IamInstanceProfile", f("arn", "Arn"), f("name", "Name")),
				blk("metadata_options", "LaunchTemplateData.MetadataOptions", metadata...),
				blk("monitoring", "LaunchTemplateData.Monitoring", f("enabled", "Enabled")),
				blks("block_device_mappings", "LaunchTemplateData.BlockDeviceMappings",
					f("device_name", "DeviceName"),
					blk("ebs", "Ebs",
						f("volume_size", "VolumeSize"),
						f("volume_type", "VolumeType"),
						f("encrypted", "Encrypted"),
						f("iops", "Iops"),
						f("throughput", "Throughput"),
						f("kms_key_id", "KmsKeyId"),
						f("delete_on_termination", "DeleteOnTermination"))),
				blks("network_interfaces", "LaunchTemplateData.NetworkInterfaces",
					f("associate_public_ip_address", "AssociatePublicIpAddress"),
					f("device_index", "DeviceIndex"),
					f("subnet_id", "SubnetId"),
					f("security_groups", "Groups")),
			}},
		{tf: "aws_autoscaling_group", cfn: "AWS::AutoScaling::AutoScalingGroup", ref: []string{"name", "id"},
			fields: []field{
				f("name", "AutoScalingGroupName"),
				f("min_size", "MinSize"),
				f("max_size", "MaxSize"),
				f("desired_capacity", "DesiredCapacity"),
				fv("vpc_zone_identifier", "VPCZoneIdentifier", nonEmpty),
				fv("availability_zones", "AvailabilityZones", nonEmpty),
				blk("launch_template", "LaunchTemplate",
					f("id", "LaunchTemplateId"), f("name", "LaunchTemplateName"), f("version", "Version")),
				f("health_check_type", "HealthCheckType"),
				f("health_check_grace_period", "HealthCheckGracePeriod"),
				fv("target_group_arns", "TargetGroupARNs", nonEmpty),
				f("capacity_rebalance", "CapacityRebalance"),
				f("default_cooldown", "Cooldown"),
				f("max_instance_lifetime", "MaxInstanceLifetime"),
				blks("tag", "Tags", f("key", "Key"), f("value", "Value"), f("propagate_at_launch", "PropagateAtLaunch")),
			}},
	}
}
