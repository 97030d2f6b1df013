package expand

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// expressService runs a web service on ECS Express Mode: one
// AWS::ECS::ExpressGatewayService, for which ECS creates and manages the
// task definition, service, Application Load Balancer (HTTPS, shared by
// the Express services of the VPC), target groups, autoscaling and a
// deployment alarm. Hoist supplies the execution role, the infrastructure
// role Express Mode acts with, the task role with the depends_on grants,
// an encrypted log group, the cluster, and the network: Express Mode makes
// the load balancer internet-facing when given public subnets and internal
// when given private ones, so a public service's tasks are placed in the
// public subnets and every other service's in the private subnets.
//
// What Express Mode does not expose: a read-only root filesystem, the
// CPU architecture (it runs x86_64 tasks) and the listener's TLS policy.
func (b *builder) expressService(w *workload) error {
	svc := w.svc
	n := b.net
	exec := b.ecsExecutionRole(w)
	task := b.taskRole(w, ID(svc.Name, "TaskRole"), "ecs-tasks.amazonaws.com")
	infra := ID(svc.Name, "InfrastructureRole")
	b.add(infra, "AWS::IAM::Role", w.origin, ir.M(
		"AssumeRolePolicyDocument", assumeRole("ecs.amazonaws.com"),
		"ManagedPolicyArns", ir.Values(sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices")),
	))
	logs := b.logGroup(ID(svc.Name, "LogGroup"), w.origin, nil)
	sg := b.serviceSecurityGroup(w, svc.Name+": Express Mode adds the rule from its load balancer; outbound HTTPS")

	subnets := n.PrivateSubnets
	if svc.Public {
		subnets = n.PublicSubnets
	}
	container := ir.M(
		"Image", w.image,
		"ContainerPort", svc.Port,
		"AwsLogsConfiguration", ir.M("LogGroup", ref(logs), "LogStreamPrefix", svc.Name),
	)
	if svc.Command != "" {
		container.Set("Command", ir.Strings(splitCommand(svc.Command)...))
	}
	container.Set("Environment", keyValues(w.env))
	container.Set("Secrets", ecsSecrets(w.secrets))

	r := b.add(serviceID(svc), "AWS::ECS::ExpressGatewayService", w.origin, ir.M(
		"Cluster", ref(clusterID),
		"InfrastructureRoleArn", getAtt(infra, "Arn"),
		"ExecutionRoleArn", getAtt(exec, "Arn"),
		"TaskRoleArn", getAtt(task, "Arn"),
		"Cpu", fmt.Sprint(svc.CPU),
		"Memory", fmt.Sprint(svc.Memory),
		"HealthCheckPath", svc.HealthCheck.Path,
		"PrimaryContainer", container,
		"NetworkConfiguration", ir.M(
			"Subnets", refs(subnets...),
			"SecurityGroups", refs(sg),
		),
		"ScalingTarget", ir.M(
			"MinTaskCount", svc.MinCount,
			"MaxTaskCount", svc.MaxCount,
			"AutoScalingMetric", "AVERAGE_CPU",
			"AutoScalingTargetValue", cpuScalingTarget,
		),
	))
	access := "internal"
	if svc.Public {
		access = "internet-facing"
	}
	r.Comment = fmt.Sprintf("Service %s on ECS Express Mode (%s HTTPS endpoint), %d to %d tasks.", svc.Name, access, svc.MinCount, svc.MaxCount)
	if svc.Port != 0 {
		b.output(ID(svc.Name, "Url"), "Endpoint of service "+svc.Name+" (ECS Express Mode)", getAtt(serviceID(svc), "Endpoint"))
	}
	return nil
}
