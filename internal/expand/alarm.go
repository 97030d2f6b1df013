package expand

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// alarmBlueprint watches the services' health with CloudWatch alarms that
// notify an SNS topic encrypted with the app key:
//   - every ECS service (Fargate or Express Mode): average CPU and memory
//     above alarmUtilization percent;
//   - a Fargate web service: 5xx responses from its targets and unhealthy
//     targets in its target group;
//   - an Express Mode service: 5xx responses from the targets of its
//     ECS-managed load balancer (which the Express services of the VPC
//     share; per-target-group alarms are left out because Express Mode's
//     canary deployments move traffic between target groups);
//   - an App Runner service: 5xx responses, CPU and memory.
type alarmBlueprint struct{}

func (alarmBlueprint) name() string { return "alarms" }

// Alarm thresholds.
const (
	alarmUtilization = 85 // percent, CPU and memory
	alarm5xxCount    = 10 // 5xx responses in five minutes
	alarmPeriod      = 300
)

const alarmTopicID = "AlarmTopic"

func (alarmBlueprint) expand(b *builder) error {
	s := b.spec
	if len(s.Services) == 0 {
		return nil
	}
	t := b.add(alarmTopicID, "AWS::SNS::Topic", "services (alarms)", ir.M(
		"DisplayName", sub("${AWS::StackName} alarms"),
		"KmsMasterKeyId", getAtt(b.key, "Arn"),
	))
	t.Comment = "Alarm notifications; subscribe an email address or a chat webhook."
	b.output("AlarmTopicArn", "SNS topic the alarms notify", ref(alarmTopicID))

	for i, svc := range s.Services {
		a := alarms{b: b, svc: svc, origin: origin("services", i, svc.Name)}
		switch flavour(s, svc) {
		case flavourAppRunner:
			dims := ir.Values(
				// The ARN ends in service/<name>/<id>.
				dimension("ServiceName", arnPart(getAtt(serviceID(svc), "ServiceArn"), "/", 1)),
				dimension("ServiceID", getAtt(serviceID(svc), "ServiceId")),
			)
			a.utilization("AWS/AppRunner", dims)
			a.count("5xx", "AWS/AppRunner", "5xxStatusResponses", dims, alarm5xxCount, "5xx responses")
		case flavourExpress:
			// The ARN ends in service/<cluster>/<name>.
			name := arnPart(getAtt(serviceID(svc), "ServiceArn"), "/", 2)
			a.utilization("AWS/ECS", ir.Values(dimension("ClusterName", ref(clusterID)), dimension("ServiceName", name)))
			// Express Mode manages its load balancer, and only CloudFormation
			// can read that balancer's ARN (Terraform's resource does not
			// export it): alarm on tasks falling below the minimum instead,
			// from Container Insights, which every format can express.
			a.alarm("RunningTasks", ir.M(
				"AlarmDescription", fmt.Sprintf("%s: fewer than %d running tasks for 5 minutes", svc.Name, max(svc.MinCount, 1)),
				"Namespace", "ECS/ContainerInsights",
				"MetricName", "RunningTaskCount",
				"Dimensions", ir.Values(dimension("ClusterName", ref(clusterID)), dimension("ServiceName", name)),
				"Statistic", "Minimum",
				"Period", 60,
				"EvaluationPeriods", 5,
				"Threshold", max(svc.MinCount, 1),
				"ComparisonOperator", "LessThanThreshold",
				"TreatMissingData", "breaching",
			))
		default:
			a.utilization("AWS/ECS", ir.Values(dimension("ClusterName", ref(clusterID)), dimension("ServiceName", getAtt(serviceID(svc), "Name"))))
			if hasLoadBalancer(svc) {
				lb := getAtt(loadBalancerID(svc), "LoadBalancerFullName")
				a.count("Target5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", ir.Values(dimension("LoadBalancer", lb)), alarm5xxCount, "5xx responses from its targets")
				a.alarm("UnhealthyHosts", ir.M(
					"AlarmDescription", fmt.Sprintf("%s: a target failed the load balancer's health check for 5 minutes", svc.Name),
					"Namespace", "AWS/ApplicationELB",
					"MetricName", "UnHealthyHostCount",
					"Dimensions", ir.Values(
						dimension("LoadBalancer", lb),
						dimension("TargetGroup", getAtt(targetGroupID(svc), "TargetGroupFullName")),
					),
					"Statistic", "Maximum",
					"Period", 60,
					"EvaluationPeriods", 5,
					"Threshold", 0,
					"ComparisonOperator", "GreaterThanThreshold",
					"TreatMissingData", "notBreaching",
				))
			}
		}
	}
	return nil
}

// alarms adds the alarms of one service.
type alarms struct {
	b      *builder
	svc    spec.Service
	origin string
}

// alarm adds one alarm that notifies the topic when it fires and when it
// clears.
func (a alarms) alarm(suffix string, props *ir.Map) *ir.Resource {
	props.Set("AlarmActions", refs(alarmTopicID))
	props.Set("OKActions", refs(alarmTopicID))
	return a.b.add(ID(a.svc.Name, suffix, "Alarm"), "AWS::CloudWatch::Alarm", a.origin, props)
}

// utilization adds the CPU and memory alarms.
func (a alarms) utilization(namespace string, dims *ir.List) {
	for _, m := range []struct{ suffix, metric, what string }{
		{"Cpu", "CPUUtilization", "CPU"},
		{"Memory", "MemoryUtilization", "memory"},
	} {
		a.alarm(m.suffix, ir.M(
			"AlarmDescription", fmt.Sprintf("%s: average %s above %d%% for 15 minutes", a.svc.Name, m.what, alarmUtilization),
			"Namespace", namespace,
			"MetricName", m.metric,
			"Dimensions", dims,
			"Statistic", "Average",
			"Period", alarmPeriod,
			"EvaluationPeriods", 3,
			"Threshold", alarmUtilization,
			"ComparisonOperator", "GreaterThanThreshold",
			"TreatMissingData", "missing",
		))
	}
}

// count adds an alarm on a sum over five minutes.
func (a alarms) count(suffix, namespace, metric string, dims *ir.List, threshold int, what string) {
	a.alarm(suffix, ir.M(
		"AlarmDescription", fmt.Sprintf("%s: more than %d %s in 5 minutes", a.svc.Name, threshold, what),
		"Namespace", namespace,
		"MetricName", metric,
		"Dimensions", dims,
		"Statistic", "Sum",
		"Period", alarmPeriod,
		"EvaluationPeriods", 1,
		"Threshold", threshold,
		"ComparisonOperator", "GreaterThanThreshold",
		"TreatMissingData", "notBreaching",
	))
}

// dimension is one CloudWatch metric dimension.
func dimension(name string, v ir.Value) *ir.Map { return ir.M("Name", name, "Value", v) }

// arnPart is !Select [i, !Split [sep, arn]].
func arnPart(arn ir.Value, sep string, i int) ir.Value {
	return ir.Call{Fn: "Fn::Select", Args: ir.Values(ir.Int(i), ir.Call{Fn: "Fn::Split", Args: ir.Values(ir.String(sep), arn)})}
}
