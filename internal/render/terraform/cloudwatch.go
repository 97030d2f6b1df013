package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// cloudwatchFamily maps metric alarms.
type cloudwatchFamily struct{}

func (cloudwatchFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::CloudWatch::Alarm", tf: "aws_cloudwatch_metric_alarm", ref: "alarm_name",
			attrs: map[string]attr{"Arn": a("arn")},
			conv:  alarm},
	}
}

func alarm(c *conv, r *ir.Resource) error {
	p := c.props(r)
	name := c.name(r.ID)
	b := c.resource("aws_cloudwatch_metric_alarm", name)
	if p.r.Properties.Get("AlarmName") != nil {
		p.to(b, "AlarmName", "alarm_name")
	} else {
		// The provider requires a name; CloudFormation makes one from the
		// stack name and the logical ID.
		b.set("alarm_name", tmpl(c.use(localName), eStr("-"+dashed(name))))
	}
	for _, kv := range [][2]string{
		{"AlarmDescription", "alarm_description"},
		{"ActionsEnabled", "actions_enabled"},
		{"Namespace", "namespace"},
		{"MetricName", "metric_name"},
		{"Statistic", "statistic"},
		{"ExtendedStatistic", "extended_statistic"},
		{"Unit", "unit"},
		{"Period", "period"},
		{"EvaluationPeriods", "evaluation_periods"},
		{"DatapointsToAlarm", "datapoints_to_alarm"},
		{"ComparisonOperator", "comparison_operator"},
		{"Threshold", "threshold"},
		{"ThresholdMetricId", "threshold_metric_id"},
		{"TreatMissingData", "treat_missing_data"},
		{"EvaluateLowSampleCountPercentile", "evaluate_low_sample_count_percentiles"},
	} {
		p.num(b, kv[0], kv[1])
	}
	if v := p.raw("Dimensions"); v != nil {
		items, _ := ir.AsList(v)
		dims := eObj{}
		for _, it := range items {
			m, ok := it.(*ir.Map)
			k, kok := ir.AsString(m.Get("Name"))
			if !ok || !kok || m.Get("Value") == nil {
				p.fail("Dimensions", "want {Name: literal, Value: ...}")
				continue
			}
			e, err := c.value(m.Get("Value"))
			if err != nil {
				p.fail("Dimensions", "%s: %v", k, err)
				continue
			}
			dims = append(dims, eKV{k, e})
		}
		b.set("dimensions", dims)
	}
	p.to(b, "AlarmActions", "alarm_actions")
	p.to(b, "OKActions", "ok_actions")
	p.to(b, "InsufficientDataActions", "insufficient_data_actions")
	p.tags(b, "Tags")
	return p.done()
}
