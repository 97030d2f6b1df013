package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// autoscalingFamily maps Application Auto Scaling targets and policies.
// CloudFormation's Ref of a scalable target is an ID that only its
// policies use; Terraform policies name the target by its resource ID,
// dimension and namespace instead, so a policy whose ScalingTargetId
// refers to a target in the graph reads those three from it.
type autoscalingFamily struct{}

func (autoscalingFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::ApplicationAutoScaling::ScalableTarget", tf: "aws_appautoscaling_target",
			conv: scalableTarget},
		{cfn: "AWS::ApplicationAutoScaling::ScalingPolicy", tf: "aws_appautoscaling_policy", ref: "arn",
			attrs: map[string]attr{"Arn": a("arn")},
			conv:  scalingPolicy},
	}
}

func scalableTarget(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_appautoscaling_target", c.name(r.ID))
	p.to(b, "ServiceNamespace", "service_namespace")
	p.to(b, "ResourceId", "resource_id")
	p.to(b, "ScalableDimension", "scalable_dimension")
	p.to(b, "MinCapacity", "min_capacity")
	p.to(b, "MaxCapacity", "max_capacity")
	p.to(b, "RoleARN", "role_arn")
	var nested []*props
	if s := p.sub("SuspendedState"); s != nil {
		nested = append(nested, s)
		sb := b.block("suspended_state")
		s.to(sb, "DynamicScalingInSuspended", "dynamic_scaling_in_suspended")
		s.to(sb, "DynamicScalingOutSuspended", "dynamic_scaling_out_suspended")
		s.to(sb, "ScheduledScalingSuspended", "scheduled_scaling_suspended")
	}
	return p.done(nested...)
}

func scalingPolicy(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_appautoscaling_policy", c.name(r.ID))
	p.to(b, "PolicyName", "name")
	p.to(b, "PolicyType", "policy_type")
	if v := p.raw("ScalingTargetId"); v != nil {
		ref, ok := v.(ir.Ref)
		t := c.g.Resource(ref.Target)
		if !ok || t == nil || t.Type != "AWS::ApplicationAutoScaling::ScalableTarget" {
			p.fail("ScalingTargetId", "want a Ref to a scalable target in the template")
		} else {
			target := c.name(t.ID)
			for _, arg := range []string{"resource_id", "scalable_dimension", "service_namespace"} {
				b.set(arg, trav("aws_appautoscaling_target", target, arg))
			}
		}
	}
	p.to(b, "ResourceId", "resource_id")
	p.to(b, "ScalableDimension", "scalable_dimension")
	p.to(b, "ServiceNamespace", "service_namespace")
	var nested []*props
	if tt := p.sub("TargetTrackingScalingPolicyConfiguration"); tt != nil {
		nested = append(nested, tt)
		tb := b.block("target_tracking_scaling_policy_configuration")
		tt.to(tb, "TargetValue", "target_value")
		tt.to(tb, "ScaleInCooldown", "scale_in_cooldown")
		tt.to(tb, "ScaleOutCooldown", "scale_out_cooldown")
		tt.to(tb, "DisableScaleIn", "disable_scale_in")
		if pm := tt.sub("PredefinedMetricSpecification"); pm != nil {
			nested = append(nested, pm)
			pb := tb.block("predefined_metric_specification")
			pm.to(pb, "PredefinedMetricType", "predefined_metric_type")
			pm.to(pb, "ResourceLabel", "resource_label")
		}
	}
	if st := p.sub("StepScalingPolicyConfiguration"); st != nil {
		nested = append(nested, st)
		sb := b.block("step_scaling_policy_configuration")
		st.to(sb, "AdjustmentType", "adjustment_type")
		st.to(sb, "Cooldown", "cooldown")
		st.to(sb, "MetricAggregationType", "metric_aggregation_type")
		st.to(sb, "MinAdjustmentMagnitude", "min_adjustment_magnitude")
		for _, adj := range st.list("StepAdjustments") {
			nested = append(nested, adj)
			ab := sb.block("step_adjustment")
			adj.to(ab, "MetricIntervalLowerBound", "metric_interval_lower_bound")
			adj.to(ab, "MetricIntervalUpperBound", "metric_interval_upper_bound")
			adj.to(ab, "ScalingAdjustment", "scaling_adjustment")
		}
	}
	return p.done(nested...)
}
