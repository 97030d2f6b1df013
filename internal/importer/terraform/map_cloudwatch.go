package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// cloudwatchTypes maps log groups and their resource policies, metric
// alarms, dashboards, EventBridge rules and CloudTrail trails.
func cloudwatchTypes() []typeMap {
	return []typeMap{
		{tf: "aws_cloudwatch_log_resource_policy", cfn: "AWS::Logs::ResourcePolicy", ref: []string{"policy_name", "id"},
			fields: []field{f("policy_name", "PolicyName"), js("policy_document", "PolicyDocument")}},
		{tf: "aws_cloudwatch_log_group", cfn: "AWS::Logs::LogGroup", ref: []string{"name", "id"},
			attrs: map[string]string{"arn": "Arn"},
			fields: []field{
				f("name", "LogGroupName"),
				f("retention_in_days", "RetentionInDays"),
				f("kms_key_id", "KmsKeyId"),
				f("log_group_class", "LogGroupClass"),
				f("deletion_protection_enabled", "DeletionProtectionEnabled"),
				tags(),
			}},
		{tf: "aws_cloudwatch_metric_alarm", cfn: "AWS::CloudWatch::Alarm", ref: []string{"alarm_name", "id"},
			attrs: map[string]string{"arn": "Arn"},
			fields: []field{
				f("alarm_name", "AlarmName"),
				f("alarm_description", "AlarmDescription"),
				f("actions_enabled", "ActionsEnabled"),
				f("namespace", "Namespace"),
				f("metric_name", "MetricName"),
				f("statistic", "Statistic"),
				f("extended_statistic", "ExtendedStatistic"),
				f("unit", "Unit"),
				f("period", "Period"),
				f("evaluation_periods", "EvaluationPeriods"),
				f("datapoints_to_alarm", "DatapointsToAlarm"),
				f("comparison_operator", "ComparisonOperator"),
				f("threshold", "Threshold"),
				f("threshold_metric_id", "ThresholdMetricId"),
				f("treat_missing_data", "TreatMissingData"),
				f("evaluate_low_sample_count_percentiles", "EvaluateLowSampleCountPercentile"),
				kv("dimensions", "Dimensions", "Name", "Value"),
				fv("alarm_actions", "AlarmActions", nonEmpty),
				fv("ok_actions", "OKActions", nonEmpty),
				fv("insufficient_data_actions", "InsufficientDataActions", nonEmpty),
				blks("metric_query", "Metrics",
					f("id", "Id"),
					f("expression", "Expression"),
					f("label", "Label"),
					f("return_data", "ReturnData"),
					f("period", "Period"),
					blk("metric", "MetricStat",
						f("metric_name", "Metric.MetricName"),
						f("namespace", "Metric.Namespace"),
						kv("dimensions", "Metric.Dimensions", "Name", "Value"),
						f("period", "Period"),
						f("stat", "Stat"),
						f("unit", "Unit"))),
				tags(),
			}},
		{tf: "aws_cloudwatch_dashboard", cfn: "AWS::CloudWatch::Dashboard", ref: []string{"dashboard_name", "id"},
			fields: []field{f("dashboard_name", "DashboardName"), f("dashboard_body", "DashboardBody")}},
		{tf: "aws_cloudwatch_event_rule", cfn: "AWS::Events::Rule",
			attrs: map[string]string{"arn": "Arn"},
			fields: []field{
				f("name", "Name"),
				f("description", "Description"),
				f("schedule_expression", "ScheduleExpression"),
				js("event_pattern", "EventPattern"),
				f("state", "State"),
				f("role_arn", "RoleArn"),
				f("event_bus_name", "EventBusName"),
			}},
		{tf: "aws_cloudtrail", cfn: "AWS::CloudTrail::Trail", ref: []string{"name"},
			attrs: map[string]string{"arn": "Arn"},
			fields: []field{
				f("name", "TrailName"),
				f("s3_bucket_name", "S3BucketName"),
				f("s3_key_prefix", "S3KeyPrefix"),
				f("enable_logging", "IsLogging"),
				f("is_multi_region_trail", "IsMultiRegionTrail"),
				f("include_global_service_events", "IncludeGlobalServiceEvents"),
				f("enable_log_file_validation", "EnableLogFileValidation"),
				f("kms_key_id", "KMSKeyId"),
				f("cloud_watch_logs_group_arn", "CloudWatchLogsLogGroupArn"),
				f("cloud_watch_logs_role_arn", "CloudWatchLogsRoleArn"),
				f("is_organization_trail", "IsOrganizationTrail"),
				tags(),
			},
			post: func(_ *mapper, in, out *ir.Map) {
				if out.Get("IsLogging") == nil {
					// The provider logs unless told otherwise; CloudFormation requires the flag.
					setEntry(out, "IsLogging", ir.Bool(true), in.Loc)
				}
			}},
	}
}
