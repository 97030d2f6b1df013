package expand

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// serviceBlueprint runs the spec's container services on the spec's target:
// ECS Express Mode (service_express.go), a classic ECS Fargate service
// behind its own load balancer (service_fargate.go), or App Runner
// (service_apprunner.go). This file holds what all three share: the image
// reference and its tag parameter, environment variables and secrets, the
// IAM statements a service's depends_on grants, and how one service reaches
// another.
type serviceBlueprint struct{}

func (serviceBlueprint) name() string { return "services" }

// Flavours of service.
const (
	flavourExpress   = "express"
	flavourFargate   = "fargate"
	flavourAppRunner = "apprunner"
)

// flavour says how a service runs. Under target ecs-express, two kinds of
// service run as classic Fargate services instead: a worker (no port),
// because Express Mode services are web services behind a load balancer;
// and an arm64 service, because Express Mode has no CPU architecture
// setting (its tasks run x86_64) and the image is built for arm64.
func flavour(s *spec.Spec, svc spec.Service) string {
	switch {
	case s.Target == spec.TargetAppRunner:
		return flavourAppRunner
	case s.Target == spec.TargetECSExpress && svc.Port != 0 && svc.Architecture != "arm64":
		return flavourExpress
	}
	return flavourFargate
}

// Logical IDs shared with the alarm blueprint.
const clusterID = "Cluster"

func serviceID(svc spec.Service) string      { return ID(svc.Name, "Service") }
func loadBalancerID(svc spec.Service) string { return ID(svc.Name, "LoadBalancer") }
func targetGroupID(svc spec.Service) string  { return ID(svc.Name, "TargetGroup") }
func imageTagParam(svc spec.Service) string  { return ID(svc.Name, "ImageTag") }

// hasLoadBalancer reports whether a Fargate service gets its own ALB.
func hasLoadBalancer(svc spec.Service) bool { return svc.Port != 0 }

// defaultImageTag is the ImageTag parameters' default; the pipeline's first
// build must push it (or the deploy must pass the built tag) before the
// services can start.
const defaultImageTag = "initial"

// cpuScalingTarget is the average CPU utilisation (percent) autoscaling
// keeps services at.
const cpuScalingTarget = 60

// workload is what every flavour of service needs, computed once.
type workload struct {
	svc    spec.Service
	origin string
	// image is the full image reference: repository URI and tag parameter.
	image ir.Value
	// env and secrets are injected into the container, sorted by name.
	env, secrets []NamedValue
	// stmts are the task (instance) role's statements.
	stmts []Statement
	// secretStmts let the role that injects the secrets read them: the
	// execution role on ECS, the instance role on App Runner.
	secretStmts []Statement
	// reach are dependencies guarded by a security group.
	reach []*access
}

func (serviceBlueprint) expand(b *builder) error {
	s := b.spec
	if len(s.Services) == 0 {
		return nil
	}
	if err := checkServiceCycles(s); err != nil {
		return err
	}
	b.registerServices()
	if s.Target != spec.TargetAppRunner {
		if b.net == nil {
			return fmt.Errorf("internal error: ECS services need the network blueprint's VPC")
		}
		c := b.add(clusterID, "AWS::ECS::Cluster", "services", ir.M(
			"ClusterSettings", ir.Values(ir.M("Name", "containerInsights", "Value", "enabled")),
		))
		c.Comment = "ECS cluster of the services, with Container Insights."
	}
	for i, svc := range s.Services {
		w, err := b.workload(i, svc)
		if err != nil {
			return err
		}
		switch flavour(s, svc) {
		case flavourExpress:
			err = b.expressService(w)
		case flavourAppRunner:
			err = b.appRunnerService(w)
		default:
			err = b.fargateService(w)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", w.origin, err)
		}
	}
	return nil
}

// registerServices tells consumers how to reach each web service: its URL
// as <NAME>_URL, and for an internal load balancer, its security group.
func (b *builder) registerServices() {
	for _, svc := range b.spec.Services {
		if svc.Port == 0 {
			continue
		}
		a := &access{}
		name := envVarName(svc.Name) + "_URL"
		switch flavour(b.spec, svc) {
		case flavourExpress:
			a.Env = []NamedValue{{name, getAtt(serviceID(svc), "Endpoint")}}
		case flavourAppRunner:
			a.Env = []NamedValue{{name, sub("https://${" + serviceID(svc) + ".ServiceUrl}")}}
		default:
			if svc.Domain != "" {
				a.Env = []NamedValue{{name, ir.String("https://" + svc.Domain)}}
			} else {
				a.Env = []NamedValue{{name, sub("http://${" + loadBalancerID(svc) + ".DNSName}")}}
			}
			if !svc.Public {
				a.SecurityGroup, a.Port = loadBalancerSGID(svc), listenerPort(svc)
			}
		}
		b.access[svc.Name] = a
	}
}

// checkServiceCycles rejects services that depend on each other in a
// circle: each would need the other's address first.
func checkServiceCycles(s *spec.Spec) error {
	deps := map[string][]string{}
	for _, svc := range s.Services {
		deps[svc.Name] = svc.DependsOn
	}
	const (
		visiting = 1
		done     = 2
	)
	state := map[string]int{}
	var visit func(name string, path []string) error
	visit = func(name string, path []string) error {
		switch state[name] {
		case visiting:
			return fmt.Errorf("services depend on each other in a circle: %s; each needs the other's address first, so remove one depends_on", strings.Join(append(path, name), " -> "))
		case done:
			return nil
		}
		state[name] = visiting
		for _, d := range deps[name] {
			if _, isService := deps[d]; isService {
				if err := visit(d, append(path, name)); err != nil {
					return err
				}
			}
		}
		state[name] = done
		return nil
	}
	for _, svc := range s.Services {
		if err := visit(svc.Name, nil); err != nil {
			return err
		}
	}
	return nil
}

// workload gathers a service's image, parameters, environment, secrets and
// grants.
func (b *builder) workload(i int, svc spec.Service) (*workload, error) {
	w := &workload{svc: svc, origin: origin("services", i, svc.Name)}

	tag := imageTagParam(svc)
	b.g.Parameters = append(b.g.Parameters, ir.Parameter{
		Name:        tag,
		Type:        "String",
		Default:     ir.String(defaultImageTag),
		Description: fmt.Sprintf("Image tag of service %s in ECR repository %s. The build pipeline pushes each build under a new tag and the deploy sets this parameter to it; %q is only a placeholder until the first build.", svc.Name, repositoryName(b.spec, svc), defaultImageTag),
	})
	w.image = sub("${" + repositoryID(svc) + ".RepositoryUri}:${" + tag + "}")

	stmts, env, secrets, reach := b.grantsFor(svc.DependsOn)
	if len(svc.Secrets) > 0 {
		// The secrets blueprint registers the service's own secrets, read
		// from the app secret; a name a dependency already provides (the
		// database's DB_PASSWORD) comes from the dependency instead.
		provided := map[string]bool{}
		for _, nv := range append(slices.Clone(env), secrets...) {
			provided[nv.Name] = true
		}
		own, _, ownSecrets, _ := b.grantsFor([]string{secretsAccessKey(svc.Name)})
		stmts = append(stmts, own...)
		for _, nv := range ownSecrets {
			if !provided[nv.Name] {
				secrets = append(secrets, nv)
			}
		}
	}
	w.reach = reach
	for _, st := range withoutRepeats(stmts) {
		if readsSecrets(st) {
			w.secretStmts = append(w.secretStmts, st)
		} else {
			w.stmts = append(w.stmts, st)
		}
	}

	// The user's own variables: values are supplied at deploy time as
	// stack parameters, except names a dependency already provides (the
	// code reads DB_HOST and depends_on a database: Hoist wires it).
	provided := map[string]bool{}
	for _, nv := range append(slices.Clone(env), secrets...) {
		provided[nv.Name] = true
	}
	for _, name := range svc.Env {
		if provided[name] {
			continue
		}
		p := ID(svc.Name, "Env", strings.ToLower(name))
		if b.g.Parameter(p) != nil {
			return nil, fmt.Errorf("%s: env %q: its parameter name %s is taken by another env name that differs only in case or underscores; rename one", w.origin, name, p)
		}
		b.g.Parameters = append(b.g.Parameters, ir.Parameter{
			Name:        p,
			Type:        "String",
			Description: fmt.Sprintf("Value of environment variable %s of service %s, supplied at deploy time.", name, svc.Name),
		})
		env = append(env, NamedValue{name, ref(p)})
	}
	var err error
	if w.env, err = sortedUnique(env, w.origin, "environment variable"); err != nil {
		return nil, err
	}
	if w.secrets, err = sortedUnique(secrets, w.origin, "secret"); err != nil {
		return nil, err
	}
	return w, nil
}

// readsSecrets reports whether a statement exists to read injected
// secrets: Secrets Manager reads, and a bare kms:Decrypt (of the key a
// secret is encrypted with). ECS reads secrets with the execution role, so
// these statements belong there, not in the application's task role.
func readsSecrets(st Statement) bool {
	for _, a := range st.Actions {
		if a != "secretsmanager:GetSecretValue" && a != "kms:Decrypt" {
			return false
		}
	}
	return len(st.Actions) > 0
}

// withoutRepeats drops statements identical to an earlier one (two
// encrypted queues both ask for the app key).
func withoutRepeats(in []Statement) []Statement {
	seen := map[string]bool{}
	var out []Statement
	for _, st := range in {
		k := fmt.Sprint(ir.Plain(policyDocument(st)))
		if !seen[k] {
			seen[k] = true
			out = append(out, st)
		}
	}
	return out
}

// sortedUnique sorts named values by name and rejects a name given twice.
func sortedUnique(in []NamedValue, where, what string) ([]NamedValue, error) {
	out := slices.Clone(in)
	slices.SortStableFunc(out, func(a, b NamedValue) int { return strings.Compare(a.Name, b.Name) })
	for i := 1; i < len(out); i++ {
		if out[i].Name == out[i-1].Name {
			return nil, fmt.Errorf("%s: %s %s is set twice (by two depends_on entries, or by depends_on and the service's own list); rename one", where, what, out[i].Name)
		}
	}
	return out, nil
}

// envVarName upper-cases a spec name with dashes as underscores.
func envVarName(name string) string {
	return strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// keyValues renders named values as [{Name, Value}] (ECS and App Runner
// environment variables).
func keyValues(nvs []NamedValue) ir.Value {
	if len(nvs) == 0 {
		return nil
	}
	l := &ir.List{}
	for _, nv := range nvs {
		l.Items = append(l.Items, ir.M("Name", nv.Name, "Value", nv.Value))
	}
	return l
}

// ecsSecrets renders secrets as ECS expects: [{Name, ValueFrom}].
func ecsSecrets(nvs []NamedValue) ir.Value {
	if len(nvs) == 0 {
		return nil
	}
	l := &ir.List{}
	for _, nv := range nvs {
		l.Items = append(l.Items, ir.M("Name", nv.Name, "ValueFrom", nv.Value))
	}
	return l
}

// ecsExecutionRole adds the role ECS uses to pull the image, write logs and
// read exactly the secrets the service injects.
func (b *builder) ecsExecutionRole(w *workload) string {
	id := ID(w.svc.Name, "ExecutionRole")
	props := ir.M(
		"AssumeRolePolicyDocument", assumeRole("ecs-tasks.amazonaws.com"),
		"ManagedPolicyArns", ir.Values(sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")),
	)
	if p := b.secretsPolicy(w); p != nil {
		props.Set("Policies", ir.Values(ir.M("PolicyName", "secrets", "PolicyDocument", p)))
	}
	b.add(id, "AWS::IAM::Role", w.origin, props)
	return id
}

// secretsPolicy lets a role read the secrets the service injects; nil
// when there are none.
func (b *builder) secretsPolicy(w *workload) *ir.Map {
	if len(w.secretStmts) == 0 {
		return nil
	}
	return policyDocument(w.secretStmts...)
}

// taskRole adds the role the application runs as, with exactly the
// statements its depends_on grants.
func (b *builder) taskRole(w *workload, id, principal string) string {
	props := ir.M("AssumeRolePolicyDocument", assumeRole(principal))
	if len(w.stmts) > 0 {
		props.Set("Policies", ir.Values(ir.M("PolicyName", "depends-on", "PolicyDocument", policyDocument(w.stmts...))))
	}
	b.add(id, "AWS::IAM::Role", w.origin, props)
	return id
}

// serviceSecurityGroup adds the service's security group (HTTPS out) and
// lets it reach every dependency guarded by a security group.
func (b *builder) serviceSecurityGroup(w *workload, desc string) string {
	sg := b.securityGroup(ID(w.svc.Name, "SecurityGroup"), w.origin, desc, nil)
	for _, a := range w.reach {
		b.admit(sg, a.SecurityGroup, a.Port, w.origin, fmt.Sprintf("%s to a dependency on port %d", w.svc.Name, a.Port))
	}
	return sg
}

// splitCommand splits a start command into words, honouring single and double
// quotes, so that it runs without a shell (many images have none).
func splitCommand(s string) []string {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}
