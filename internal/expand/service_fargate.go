package expand

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// Load balancer settings.
const (
	// deregistrationDelaySeconds lets in-flight requests finish on a task
	// being replaced, without slowing deployments much.
	deregistrationDelaySeconds = 30
	// healthCheckGraceSeconds gives a new task time to start before the
	// load balancer's health checks count.
	healthCheckGraceSeconds = 60
	// tlsPolicy is the listener policy: TLS 1.3 and 1.2 with forward
	// secrecy only.
	tlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
)

// writableRootRuntimes are runtimes whose usual servers write outside /tmp
// at run time (PHP and its web server, Rails' tmp/, Elixir releases'
// tmp/, Deno's module cache): their root filesystem stays writable.
var writableRootRuntimes = []string{"php", "ruby", "elixir", "deno"}

// readOnlyRoot reports whether a service's root filesystem can be
// read-only. An unknown runtime (a Dockerfile Hoist did not write) keeps a
// writable root: Hoist cannot know what the image writes.
func readOnlyRoot(svc spec.Service) bool {
	lang := strings.ToLower(svc.Runtime.Language)
	return lang != "" && !slices.Contains(writableRootRuntimes, lang)
}

// listenerPort is the port a service's load balancer listens on for
// clients: 443 with a domain (HTTPS), else 80.
func listenerPort(svc spec.Service) int {
	if svc.Domain != "" {
		return 443
	}
	return 80
}

func loadBalancerSGID(svc spec.Service) string { return ID(svc.Name, "LoadBalancerSecurityGroup") }

// fargateService runs a service as a classic ECS service on Fargate: a
// task definition with awslogs to an encrypted log group, a read-only root
// filesystem where the runtime allows it (with a writable /tmp), private
// subnets without public IPs, a deployment circuit breaker that rolls
// back, CPU target-tracking autoscaling, and for a web service an
// Application Load Balancer: internet-facing in the public subnets when
// the service is public, internal otherwise.
func (b *builder) fargateService(w *workload) error {
	svc := w.svc
	n := b.net
	exec := b.ecsExecutionRole(w)
	task := b.taskRole(w, ID(svc.Name, "TaskRole"), "ecs-tasks.amazonaws.com")
	logs := b.logGroup(ID(svc.Name, "LogGroup"), w.origin, nil)

	arch := "X86_64"
	if svc.Architecture == "arm64" {
		arch = "ARM64"
	}
	roRoot := readOnlyRoot(svc)
	container := ir.M(
		"Name", svc.Name,
		"Image", w.image,
		"Essential", true,
		"ReadonlyRootFilesystem", roRoot,
		"Privileged", false,
		"MountPoints", ir.Values(ir.M("SourceVolume", "tmp", "ContainerPath", "/tmp", "ReadOnly", false)),
		"LogConfiguration", ir.M(
			"LogDriver", "awslogs",
			"Options", ir.M(
				"awslogs-group", ref(logs),
				"awslogs-region", ref("AWS::Region"),
				"awslogs-stream-prefix", svc.Name,
			),
		),
	)
	if svc.Command != "" {
		container.Set("Command", ir.Strings(splitCommand(svc.Command)...))
	}
	if svc.Port != 0 {
		container.Set("PortMappings", ir.Values(ir.M("ContainerPort", svc.Port, "Protocol", "tcp")))
	}
	container.Set("Environment", keyValues(w.env))
	container.Set("Secrets", ecsSecrets(w.secrets))

	td := b.add(ID(svc.Name, "TaskDefinition"), "AWS::ECS::TaskDefinition", w.origin, ir.M(
		"RequiresCompatibilities", ir.Strings("FARGATE"),
		"NetworkMode", "awsvpc",
		"Cpu", fmt.Sprint(svc.CPU),
		"Memory", fmt.Sprint(svc.Memory),
		"RuntimePlatform", ir.M("CpuArchitecture", arch, "OperatingSystemFamily", "LINUX"),
		"ExecutionRoleArn", getAtt(exec, "Arn"),
		"TaskRoleArn", getAtt(task, "Arn"),
		"Volumes", ir.Values(ir.M("Name", "tmp")),
		"ContainerDefinitions", ir.Values(container),
	))
	if roRoot {
		td.Comment = fmt.Sprintf("Task of %s: %d CPU units, %d MiB, %s, read-only root with a writable /tmp.", svc.Name, svc.CPU, svc.Memory, svc.Architecture)
	} else {
		td.Comment = fmt.Sprintf("Task of %s: %d CPU units, %d MiB, %s; root stays writable (runtime %q may write outside /tmp).", svc.Name, svc.CPU, svc.Memory, svc.Architecture, svc.Runtime.Language)
	}

	sgDesc := svc.Name + ": no inbound traffic (a worker); outbound HTTPS"
	if hasLoadBalancer(svc) {
		sgDesc = svc.Name + ": inbound only from its load balancer"
	}
	sg := b.serviceSecurityGroup(w, sgDesc)

	service := ir.M(
		"Cluster", ref(clusterID),
		"TaskDefinition", ref(td.ID),
		"LaunchType", "FARGATE",
		"PlatformVersion", "LATEST",
		"DesiredCount", svc.MinCount,
		"DeploymentConfiguration", ir.M(
			"DeploymentCircuitBreaker", ir.M("Enable", true, "Rollback", true),
			"MinimumHealthyPercent", 100,
			"MaximumPercent", 200,
		),
		"NetworkConfiguration", ir.M("AwsvpcConfiguration", ir.M(
			"AssignPublicIp", "DISABLED",
			"Subnets", refs(n.PrivateSubnets...),
			"SecurityGroups", refs(sg),
		)),
		"PropagateTags", "SERVICE",
		"EnableECSManagedTags", true,
	)
	var dependsOn []string
	if hasLoadBalancer(svc) {
		listeners := b.loadBalancer(w, sg)
		service.Set("LoadBalancers", ir.Values(ir.M(
			"ContainerName", svc.Name,
			"ContainerPort", svc.Port,
			"TargetGroupArn", ref(targetGroupID(svc)),
		)))
		service.Set("HealthCheckGracePeriodSeconds", ir.Int(healthCheckGraceSeconds))
		// The target group must be attached to a listener before the
		// service registers tasks with it.
		dependsOn = listeners
	}
	r := b.add(serviceID(svc), "AWS::ECS::Service", w.origin, service)
	r.DependsOn = dependsOn
	if hasLoadBalancer(svc) {
		url := ir.Value(sub("http://${" + loadBalancerID(svc) + ".DNSName}"))
		if svc.Domain != "" {
			url = ir.String("https://" + svc.Domain)
		}
		b.output(ID(svc.Name, "Url"), "URL of service "+svc.Name, url)
		if svc.Domain != "" {
			b.output(ID(svc.Name, "LoadBalancerDnsName"), "Point "+svc.Domain+" (CNAME or alias) at this load balancer", getAtt(loadBalancerID(svc), "DNSName"))
		}
	}
	if hasLoadBalancer(svc) {
		r.Comment = fmt.Sprintf("Service %s on Fargate behind its load balancer, %d to %d tasks.", svc.Name, svc.MinCount, svc.MaxCount)
	} else {
		r.Comment = fmt.Sprintf("Worker %s on Fargate, %d to %d tasks, no load balancer.", svc.Name, svc.MinCount, svc.MaxCount)
	}
	b.ecsAutoscaling(w)
	return nil
}

// loadBalancer adds a web service's ALB, target group, listeners and, with
// a domain, its certificate; it returns the listeners' logical IDs.
func (b *builder) loadBalancer(w *workload, serviceSG string) []string {
	svc := w.svc
	n := b.net
	lbSG := loadBalancerSGID(svc)
	port := listenerPort(svc)

	// Clients: anyone for a public service, the VPC otherwise.
	from := ir.Value(getAtt(n.VPC, "CidrBlock"))
	fromDesc := "from inside the VPC"
	if svc.Public {
		from, fromDesc = ir.String("0.0.0.0/0"), "from the internet"
	}
	ingress := ir.Values(ir.M("IpProtocol", "tcp", "FromPort", 80, "ToPort", 80, "CidrIp", from, "Description", "HTTP "+fromDesc))
	if port == 443 {
		ingress.Items = append(ingress.Items, ir.M("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443, "CidrIp", from, "Description", "HTTPS "+fromDesc))
	}
	b.add(lbSG, "AWS::EC2::SecurityGroup", w.origin, ir.M(
		"GroupDescription", fmt.Sprintf("%s load balancer: listeners %s; out only to the service", svc.Name, fromDesc),
		"VpcId", ref(n.VPC),
		"SecurityGroupIngress", ingress,
		"SecurityGroupEgress", ir.Values(ir.M(
			"IpProtocol", "tcp", "FromPort", svc.Port, "ToPort", svc.Port,
			"DestinationSecurityGroupId", ref(serviceSG),
			"Description", "To the service's tasks",
		)),
	))
	b.add(lbSG+"To"+serviceSG+"Ingress", "AWS::EC2::SecurityGroupIngress", w.origin, ir.M(
		"GroupId", ref(serviceSG),
		"IpProtocol", "tcp", "FromPort", svc.Port, "ToPort", svc.Port,
		"SourceSecurityGroupId", ref(lbSG),
		"Description", "From the load balancer",
	))

	scheme, subnets := "internal", n.PrivateSubnets
	if svc.Public {
		scheme, subnets = "internet-facing", n.PublicSubnets
	}
	lb := b.add(loadBalancerID(svc), "AWS::ElasticLoadBalancingV2::LoadBalancer", w.origin, ir.M(
		"Type", "application",
		"Scheme", scheme,
		"Subnets", refs(subnets...),
		"SecurityGroups", refs(lbSG),
		"LoadBalancerAttributes", ir.Values(
			ir.M("Key", "deletion_protection.enabled", "Value", "true"),
			ir.M("Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true"),
		),
	))
	lb.Comment = fmt.Sprintf("%s Application Load Balancer of %s.", strings.ToUpper(scheme[:1])+scheme[1:], svc.Name)

	b.add(targetGroupID(svc), "AWS::ElasticLoadBalancingV2::TargetGroup", w.origin, ir.M(
		"VpcId", ref(n.VPC),
		"TargetType", "ip",
		"Protocol", "HTTP",
		"Port", svc.Port,
		"HealthCheckProtocol", "HTTP",
		"HealthCheckPath", svc.HealthCheck.Path,
		"Matcher", ir.M("HttpCode", "200-399"),
		"TargetGroupAttributes", ir.Values(
			ir.M("Key", "deregistration_delay.timeout_seconds", "Value", fmt.Sprint(deregistrationDelaySeconds)),
		),
	))
	forward := ir.Values(ir.M("Type", "forward", "TargetGroupArn", ref(targetGroupID(svc))))

	httpID := ID(svc.Name, "HttpListener")
	if svc.Domain == "" {
		// Without a domain there is no certificate to serve HTTPS with:
		// plain HTTP, which policy may flag.
		l := b.add(httpID, "AWS::ElasticLoadBalancingV2::Listener", w.origin, ir.M(
			"LoadBalancerArn", ref(loadBalancerID(svc)),
			"Protocol", "HTTP",
			"Port", 80,
			"DefaultActions", forward,
		))
		l.Comment = "Plain HTTP: the service has no domain, so there is no certificate for HTTPS; set domain to serve HTTPS."
		return []string{httpID}
	}

	cert := ID(svc.Name, "Certificate")
	c := b.add(cert, "AWS::CertificateManager::Certificate", w.origin, ir.M(
		"DomainName", svc.Domain,
		"ValidationMethod", "DNS",
	))
	c.Comment = "Certificate for " + svc.Domain + ", validated by a DNS record the domain's owner adds."
	b.add(httpID, "AWS::ElasticLoadBalancingV2::Listener", w.origin, ir.M(
		"LoadBalancerArn", ref(loadBalancerID(svc)),
		"Protocol", "HTTP",
		"Port", 80,
		"DefaultActions", ir.Values(ir.M(
			"Type", "redirect",
			"RedirectConfig", ir.M("Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301"),
		)),
	))
	httpsID := ID(svc.Name, "HttpsListener")
	b.add(httpsID, "AWS::ElasticLoadBalancingV2::Listener", w.origin, ir.M(
		"LoadBalancerArn", ref(loadBalancerID(svc)),
		"Protocol", "HTTPS",
		"Port", 443,
		"SslPolicy", tlsPolicy,
		"Certificates", ir.Values(ir.M("CertificateArn", ref(cert))),
		"DefaultActions", forward,
	))
	return []string{httpID, httpsID}
}

// ecsAutoscaling scales an ECS service between min_count and max_count,
// keeping average CPU near cpuScalingTarget.
func (b *builder) ecsAutoscaling(w *workload) {
	svc := w.svc
	target := ID(svc.Name, "ScalableTarget")
	b.add(target, "AWS::ApplicationAutoScaling::ScalableTarget", w.origin, ir.M(
		"ServiceNamespace", "ecs",
		"ScalableDimension", "ecs:service:DesiredCount",
		"ResourceId", sub("service/${"+clusterID+"}/${"+serviceID(svc)+".Name}"),
		"MinCapacity", svc.MinCount,
		"MaxCapacity", svc.MaxCount,
	))
	b.add(ID(svc.Name, "CpuScaling"), "AWS::ApplicationAutoScaling::ScalingPolicy", w.origin, ir.M(
		"PolicyName", "cpu-target-tracking",
		"PolicyType", "TargetTrackingScaling",
		"ScalingTargetId", ref(target),
		"TargetTrackingScalingPolicyConfiguration", ir.M(
			"PredefinedMetricSpecification", ir.M("PredefinedMetricType", "ECSServiceAverageCPUUtilization"),
			"TargetValue", cpuScalingTarget,
			"ScaleInCooldown", 300,
			"ScaleOutCooldown", 60,
		),
	))
}
