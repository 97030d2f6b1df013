package expand

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// appRunnerSize is one CPU/memory pair App Runner offers.
type appRunnerSize struct{ cpu, memory int }

// appRunnerSizes are App Runner's CPU (units) and memory (MiB) pairs,
// smallest first.
var appRunnerSizes = []appRunnerSize{
	{256, 512}, {256, 1024}, {512, 1024},
	{1024, 2048}, {1024, 3072}, {1024, 4096},
	{2048, 4096}, {2048, 6144},
	{4096, 8192}, {4096, 10240}, {4096, 12288},
}

// appRunnerSizeFor returns the smallest App Runner size with at least the
// CPU and memory asked for (Fargate allows pairs App Runner does not).
func appRunnerSizeFor(cpu, memory int) (appRunnerSize, error) {
	for _, s := range appRunnerSizes {
		if s.cpu >= cpu && s.memory >= memory {
			return s, nil
		}
	}
	return appRunnerSize{}, fmt.Errorf("cpu %d with memory %d MiB is more than App Runner offers (at most cpu 4096 with 12288 MiB); lower them or use target ecs-fargate", cpu, memory)
}

// App Runner autoscaling limits.
const (
	appRunnerMaxSize = 25
	// appRunnerConcurrency is the requests one instance serves at once
	// before App Runner adds another (App Runner's default).
	appRunnerConcurrency = 100
)

// appRunnerService runs a web service on App Runner (x86_64 only): an
// access role that lets App Runner pull from the service's ECR
// repository, an instance role with the depends_on grants and the
// secrets, an HTTP health check on the spec's path, an autoscaling
// configuration for min_count..max_count, and, when the service depends on
// something in the VPC (a database or cache), a VPC connector in the
// private subnets with a security group those resources admit.
//
// App Runner services are always reachable from the internet: private
// ingress needs an interface endpoint and a VPC ingress connection, which
// Hoist does not create.
func (b *builder) appRunnerService(w *workload) error {
	svc := w.svc
	if svc.Architecture == "arm64" {
		return fmt.Errorf("architecture arm64: App Runner runs x86_64 only; set architecture: x86_64 or use target ecs-fargate")
	}
	size, err := appRunnerSizeFor(svc.CPU, svc.Memory)
	if err != nil {
		return err
	}
	accessRole := ID(svc.Name, "AccessRole")
	b.add(accessRole, "AWS::IAM::Role", w.origin, ir.M(
		"AssumeRolePolicyDocument", assumeRole("build.apprunner.amazonaws.com"),
		"ManagedPolicyArns", ir.Values(sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSAppRunnerServicePolicyForECRAccess")),
	))
	instanceRole := ID(svc.Name, "InstanceRole")
	props := ir.M("AssumeRolePolicyDocument", assumeRole("tasks.apprunner.amazonaws.com"))
	var policies []ir.Value
	if len(w.stmts) > 0 {
		policies = append(policies, ir.M("PolicyName", "depends-on", "PolicyDocument", policyDocument(w.stmts...)))
	}
	if p := b.secretsPolicy(w); p != nil {
		policies = append(policies, ir.M("PolicyName", "secrets", "PolicyDocument", p))
	}
	if len(policies) > 0 {
		props.Set("Policies", ir.Values(policies...))
	}
	b.add(instanceRole, "AWS::IAM::Role", w.origin, props)

	scaling := ID(svc.Name, "AutoScaling")
	b.add(scaling, "AWS::AppRunner::AutoScalingConfiguration", w.origin, ir.M(
		"MinSize", svc.MinCount,
		"MaxSize", min(svc.MaxCount, appRunnerMaxSize),
		"MaxConcurrency", appRunnerConcurrency,
	))

	image := ir.M("Port", fmt.Sprint(svc.Port))
	image.Set("RuntimeEnvironmentVariables", keyValues(w.env))
	image.Set("RuntimeEnvironmentSecrets", keyValues(w.secrets))
	if svc.Command != "" {
		image.Set("StartCommand", ir.String(svc.Command))
	}
	network := ir.M("IngressConfiguration", ir.M("IsPubliclyAccessible", true))
	if len(w.reach) > 0 {
		if b.net == nil {
			return fmt.Errorf("internal error: a VPC connector needs the network blueprint's VPC")
		}
		sg := b.serviceSecurityGroup(w, svc.Name+": App Runner VPC connector; out to its dependencies and HTTPS")
		connector := ID(svc.Name, "VpcConnector")
		b.add(connector, "AWS::AppRunner::VpcConnector", w.origin, ir.M(
			"Subnets", refs(b.net.PrivateSubnets...),
			"SecurityGroups", refs(sg),
		))
		network.Set("EgressConfiguration", ir.M("EgressType", "VPC", "VpcConnectorArn", getAtt(connector, "VpcConnectorArn")))
	}
	r := b.add(serviceID(svc), "AWS::AppRunner::Service", w.origin, ir.M(
		"SourceConfiguration", ir.M(
			"AuthenticationConfiguration", ir.M("AccessRoleArn", getAtt(accessRole, "Arn")),
			"AutoDeploymentsEnabled", false,
			"ImageRepository", ir.M(
				"ImageIdentifier", w.image,
				"ImageRepositoryType", "ECR",
				"ImageConfiguration", image,
			),
		),
		"InstanceConfiguration", ir.M(
			"Cpu", fmt.Sprint(size.cpu),
			"Memory", fmt.Sprint(size.memory),
			"InstanceRoleArn", getAtt(instanceRole, "Arn"),
		),
		"HealthCheckConfiguration", ir.M(
			"Protocol", "HTTP",
			"Path", svc.HealthCheck.Path,
			"Interval", 10,
			"Timeout", 5,
			"HealthyThreshold", 1,
			"UnhealthyThreshold", 5,
		),
		"AutoScalingConfigurationArn", getAtt(scaling, "AutoScalingConfigurationArn"),
		"NetworkConfiguration", network,
	))
	r.Comment = fmt.Sprintf("Service %s on App Runner (x86_64, %d CPU units, %d MiB), %d to %d instances.", svc.Name, size.cpu, size.memory, svc.MinCount, min(svc.MaxCount, appRunnerMaxSize))
	b.output(ID(svc.Name, "Url"), "URL of service "+svc.Name+" (App Runner)", sub("https://${"+serviceID(svc)+".ServiceUrl}"))
	return nil
}
