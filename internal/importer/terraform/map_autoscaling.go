package terraform

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
)

// autoscalingTypes maps Application Auto Scaling targets and policies. A
// policy whose resource_id, scalable_dimension and service_namespace come
// from a target of the import names that target by ScalingTargetId, as
// CloudFormation does.
func autoscalingTypes() []typeMap {
	return []typeMap{
		{tf: "aws_appautoscaling_target", cfn: "AWS::ApplicationAutoScaling::ScalableTarget",
			fields: []field{
				f("service_namespace", "ServiceNamespace"),
				f("resource_id", "ResourceId"),
				f("scalable_dimension", "ScalableDimension"),
				f("min_capacity", "MinCapacity"),
				f("max_capacity", "MaxCapacity"),
				f("role_arn", "RoleARN"),
				blk("suspended_state", "SuspendedState",
					f("dynamic_scaling_in_suspended", "DynamicScalingInSuspended"),
					f("dynamic_scaling_out_suspended", "DynamicScalingOutSuspended"),
					f("scheduled_scaling_suspended", "ScheduledScalingSuspended")),
			}},
		{tf: "aws_appautoscaling_policy", cfn: "AWS::ApplicationAutoScaling::ScalingPolicy", ref: []string{"arn", "id"},
			fields: []field{
				f("name", "PolicyName"),
				f("policy_type", "PolicyType"),
				f("resource_id", "ResourceId"),
				f("scalable_dimension", "ScalableDimension"),
				f("service_namespace", "ServiceNamespace"),
				blk("target_tracking_scaling_policy_configuration", "TargetTrackingScalingPolicyConfiguration",
					f("target_value", "TargetValue"),
					f("scale_in_cooldown", "ScaleInCooldown"),
					f("scale_out_cooldown", "ScaleOutCooldown"),
					f("disable_scale_in", "DisableScaleIn"),
					blk("predefined_metric_specification", "PredefinedMetricSpecification",
						f("predefined_metric_type", "PredefinedMetricType"),
						f("resource_label", "ResourceLabel"))),
				blk("step_scaling_policy_configuration", "StepScalingPolicyConfiguration",
					f("adjustment_type", "AdjustmentType"),
					f("cooldown", "Cooldown"),
					f("metric_aggregation_type", "MetricAggregationType"),
					f("min_adjustment_magnitude", "MinAdjustmentMagnitude"),
					blks("step_adjustment", "StepAdjustments",
						f("metric_interval_lower_bound", "MetricIntervalLowerBound"),
						f("metric_interval_upper_bound", "MetricIntervalUpperBound"),
						f("scaling_adjustment", "ScalingAdjustment"))),
			},
			post: scalingPolicy},
	}
}

func scalingPolicy(m *mapper, in, out *ir.Map) {
	keys := [][2]string{{"resource_id", "ResourceId"}, {"scalable_dimension", "ScalableDimension"}, {"service_namespace", "ServiceNamespace"}}
	target := m.scalingTarget(in, keys)
	if target == nil {
		return
	}
	for _, k := range keys {
		out.Set(k[1], nil)
	}
	setEntry(out, "ScalingTargetId", ir.Ref{Target: target.res.ID}, entryLoc(in, "resource_id"))
}

// scalingTarget finds the scalable target a policy's three target
// attributes came from: references to its attributes
// (aws_appautoscaling_target.x.resource_id) or, in a plan, the same
// literal values.
func (m *mapper) scalingTarget(in *ir.Map, keys [][2]string) *built {
	var target *built
	for _, k := range keys {
		x, ok := in.Get(k[0]).(ir.Call)
		src, isStr := ir.AsString(x.Args)
		if !ok || x.Fn != "Expr" || !isStr || !strings.HasSuffix(src, "."+k[0]) {
			target = nil
			break
		}
		t := m.b.byID[LogicalID(strings.TrimSuffix(src, "."+k[0]))]
		if t == nil || t.inst.Type != "aws_appautoscaling_target" || (target != nil && t != target) {
			target = nil
			break
		}
		target = t
	}
	if target != nil {
		return target
	}
	var found *built
	for _, t := range m.b.order {
		if t.inst.Type != "aws_appautoscaling_target" {
			continue
		}
		same := true
		for _, k := range keys {
			a, aok := ir.AsString(in.Get(k[0]))
			b, bok := ir.AsString(t.inst.Attrs.Get(k[0]))
			if !aok || !bok || a != b {
				same = false
				break
			}
		}
		if same {
			if found != nil {
				return nil
			}
			found = t
		}
	}
	return found
}
