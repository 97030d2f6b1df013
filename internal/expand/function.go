package expand

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

// functionBlueprint builds each Lambda function with its own role, log
// group and, for `http: true`, an API Gateway HTTP API in front of it.
//
//   - Code: the zip is not part of the template. The stack takes the
//     parameter FunctionCodeBucket (one bucket for the app's zips) and
//     <Function>CodeKey per function; `hoist deploy` or the pipeline
//     uploads each zip and passes its key, so a new key deploys new code.
//   - Runtime: the newest Lambda runtime Hoist accepts for the language
//     (spec.FunctionRuntimes), or the one matching runtime.version.
//   - Role: writes to its own log group only, X-Ray tracing, decrypts its
//     environment (encrypted with the app key), plus exactly what depends_on
//     and secrets grant.
//   - Environment: what depends_on provides (TABLE, QUEUE_URL, DB_HOST...).
//     Lambda has no secret injection, and values fetched at deploy time would
//     sit in the function's configuration and go stale when RDS rotates a
//     password; so each secret name N becomes N_SECRET_ARN (the secret) and
//     N_SECRET_KEY (its JSON key) for the code to read at run time. Each
//     plain env name becomes a stack parameter <Function>Env<Name>: its value
//     is supplied at deploy time, as hoist.yaml promises.
//   - Network: in the VPC's private subnets, with its own security group,
//     only when it depends on a database or cache; elsewhere Lambda's own
//     network is simpler and has no NAT cost.
//   - Topics that list the function as a subscriber invoke it: a Lambda
//     subscription plus a permission scoped to that topic. Asynchronous
//     invocations that fail three times go to an encrypted dead-letter queue.
type functionBlueprint struct{}

func (functionBlueprint) name() string { return "functions" }

// codeBucketParam is the parameter naming the bucket of function zips.
const codeBucketParam = "FunctionCodeBucket"

func (functionBlueprint) expand(b *builder) error {
	for i, f := range b.spec.Functions {
		if err := b.function(i, f); err != nil {
			return fmt.Errorf("functions[%d] (%s): %w", i, f.Name, err)
		}
	}
	return nil
}

func (b *builder) function(i int, f spec.Function) error {
	runtime, err := lambdaRuntime(f.Runtime)
	if err != nil {
		return err
	}
	if f.Handler == "" {
		return fmt.Errorf("handler is required for %s functions (Hoist has no conventional entry point for it), e.g. handler: com.example.Handler::handleRequest", f.Runtime.Language)
	}
	o := origin("functions", i, f.Name)
	id := ID(f.Name, "Function")

	if b.g.Parameter(codeBucketParam) == nil {
		b.g.Parameters = append(b.g.Parameters, ir.Parameter{
			Name:        codeBucketParam,
			Type:        "String",
			Description: "S3 bucket holding the functions' code zips; hoist deploy or the pipeline uploads them",
		})
	}
	codeKey := ID(f.Name, "CodeKey")
	b.g.Parameters = append(b.g.Parameters, ir.Parameter{
		Name:        codeKey,
		Type:        "String",
		Description: fmt.Sprintf("S3 key of the %s function's code zip in %s, uploaded by hoist deploy or the pipeline", f.Name, codeBucketParam),
	})

	deps := slices.Clone(f.DependsOn)
	if len(f.Secrets) > 0 {
		deps = append(deps, secretsAccessKey(f.Name))
	}
	grants, env, secrets, guarded := b.grantsFor(deps)

	vars := &envVars{}
	for _, e := range env {
		if err := vars.set(e.Name, e.Value); err != nil {
			return err
		}
	}
	for _, s := range secrets {
		arn, key, ok := splitSecretKey(s.Value)
		if !ok {
			arn, key = s.Value, ""
		}
		if err := vars.set(s.Name+"_SECRET_ARN", arn); err != nil {
			return err
		}
		if key != "" {
			if err := vars.set(s.Name+"_SECRET_KEY", ir.String(key)); err != nil {
				return err
			}
		}
	}
	for _, e := range f.Env {
		p := ID(f.Name, "Env", strings.ToLower(e))
		if b.g.Parameter(p) != nil {
			return fmt.Errorf("env %q: its parameter name %s is taken by another env name that differs only in case or underscores; rename one", e, p)
		}
		b.g.Parameters = append(b.g.Parameters, ir.Parameter{
			Name:        p,
			Type:        "String",
			Description: fmt.Sprintf("Value of %s for the %s function", e, f.Name),
		})
		if err := vars.set(e, ref(p)); err != nil {
			return err
		}
	}

	logs := b.logGroup(ID(f.Name, "LogGroup"), o, nil)
	stmts := []Statement{
		{Actions: []string{"logs:CreateLogStream", "logs:PutLogEvents"}, Resources: []ir.Value{getAtt(logs, "Arn")}},
		// X-Ray has no resource-level permissions.
		{Actions: []string{"xray:PutTraceSegments", "xray:PutTelemetryRecords"}, Resources: []ir.Value{ir.String("*")}},
		{Actions: []string{"kms:Decrypt"}, Resources: []ir.Value{getAtt(b.key, "Arn")}},
	}
	stmts = append(stmts, grants...)

	props := ir.M(
		"Description", fmt.Sprintf("%s: %s function", b.spec.Name, f.Name),
		"Runtime", runtime,
		"Handler", f.Handler,
		"Code", ir.M("S3Bucket", ref(codeBucketParam), "S3Key", ref(codeKey)),
		"MemorySize", f.Memory,
		"Timeout", f.Timeout,
		"Architectures", ir.Strings(f.Architecture),
		"TracingConfig", ir.M("Mode", "Active"),
		"LoggingConfig", ir.M("LogGroup", ref(logs)),
		"KmsKeyArn", getAtt(b.key, "Arn"),
	)
	if vars.m.Len() > 0 {
		props.Set("Environment", ir.M("Variables", vars.sorted()))
	}

	where := "outside the VPC"
	if len(guarded) > 0 {
		if b.net == nil {
			return fmt.Errorf("depends on a database or cache, but no network was built")
		}
		sg := b.securityGroup(ID(f.Name, "SecurityGroup"), o, fmt.Sprintf("%s function", f.Name), nil)
		for _, d := range f.DependsOn {
			a := b.access[d]
			if a == nil || a.SecurityGroup == "" {
				continue
			}
			b.admit(sg, a.SecurityGroup, a.Port, o, fmt.Sprintf("%s function to %s", f.Name, d))
		}
		props.Set("VpcConfig", ir.M("SubnetIds", refs(b.net.PrivateSubnets...), "SecurityGroupIds", refs(sg)))
		// The network interfaces Lambda creates for the function; Describe
		// has no resource-level permissions.
		stmts = append(stmts,
			Statement{Actions: []string{"ec2:DescribeNetworkInterfaces"}, Resources: []ir.Value{ir.String("*")}},
			Statement{
				Actions:   []string{"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"},
				Resources: []ir.Value{sub("arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:*")},
			},
		)
		where = "in the VPC's private subnets"
	}

	topics := subscribedTopics(b.spec, f.Name)
	if len(topics) > 0 {
		dlq := ID(f.Name, "DeadLetterQueue")
		d := b.add(dlq, "AWS::SQS::Queue", o, b.queueProps(false, dlqRetentionSeconds))
		d.Comment = fmt.Sprintf("%s: events the function failed to process after Lambda's retries, kept 14 days.", f.Name)
		d.DeletionPolicy, d.UpdateReplacePolicy = "Delete", "Delete"
		props.Set("DeadLetterConfig", ir.M("TargetArn", getAtt(dlq, "Arn")))
		stmts = append(stmts, Statement{Actions: []string{"sqs:SendMessage"}, Resources: []ir.Value{getAtt(dlq, "Arn")}}, b.keyUse())
	}

	role := ID(f.Name, "Role")
	b.add(role, "AWS::IAM::Role", o, ir.M(
		"Description", fmt.Sprintf("%s function: its logs, tracing and what it depends on", f.Name),
		"AssumeRolePolicyDocument", assumeRole("lambda.amazonaws.com"),
		"Policies", ir.Values(ir.M("PolicyName", "function", "PolicyDocument", policyDocument(distinctStatements(stmts)...))),
	))
	props.Set("Role", getAtt(role, "Arn"))
	fn := b.add(id, "AWS::Lambda::Function", o, props)
	fn.Comment = fmt.Sprintf("%s: %s on %s, %d MB, %ds timeout, %s.", f.Name, runtime, f.Architecture, f.Memory, f.Timeout, where)

	for _, t := range topics {
		topic := ID(t, "Topic")
		b.add(ID(f.Name, "From", t, "Permission"), "AWS::Lambda::Permission", o, ir.M(
			"Action", "lambda:InvokeFunction",
			"FunctionName", getAtt(id, "Arn"),
			"Principal", "sns.amazonaws.com",
			"SourceArn", ref(topic),
		))
		b.add(ID(t, "To", f.Name, "Subscription"), "AWS::SNS::Subscription", o, ir.M(
			"TopicArn", ref(topic),
			"Protocol", "lambda",
			"Endpoint", getAtt(id, "Arn"),
		))
	}
	if f.HTTP {
		b.httpAPI(f, id, o)
	}
	return nil
}

// httpAPI puts an API Gateway HTTP API in front of a function: every route
// ($default) goes to it through a Lambda proxy integration; the $default
// stage deploys itself and logs every request as JSON.
func (b *builder) httpAPI(f spec.Function, fn, o string) {
	api := ID(f.Name, "Api")
	a := b.add(api, "AWS::ApiGatewayV2::Api", o, ir.M(
		"Name", sub("${AWS::StackName}-"+f.Name),
		"Description", fmt.Sprintf("%s: HTTP API of the %s function", b.spec.Name, f.Name),
		"ProtocolType", "HTTP",
	))
	a.Comment = fmt.Sprintf("%s: public HTTPS endpoint, every path and method sent to the function.", f.Name)
	logs := b.logGroup(ID(f.Name, "ApiLogGroup"), o, nil)
	b.add(ID(f.Name, "ApiStage"), "AWS::ApiGatewayV2::Stage", o, ir.M(
		"ApiId", ref(api),
		"StageName", "$default",
		"AutoDeploy", true,
		"AccessLogSettings", ir.M("DestinationArn", getAtt(logs, "Arn"), "Format", apiAccessLogFormat),
	))
	integration := ID(f.Name, "ApiIntegration")
	b.add(integration, "AWS::ApiGatewayV2::Integration", o, ir.M(
		"ApiId", ref(api),
		"IntegrationType", "AWS_PROXY",
		"IntegrationUri", getAtt(fn, "Arn"),
		"PayloadFormatVersion", "2.0",
	))
	b.add(ID(f.Name, "ApiRoute"), "AWS::ApiGatewayV2::Route", o, ir.M(
		"ApiId", ref(api),
		"RouteKey", "$default",
		"Target", sub("integrations/${"+integration+"}"),
	))
	b.add(ID(f.Name, "ApiPermission"), "AWS::Lambda::Permission", o, ir.M(
		"Action", "lambda:InvokeFunction",
		"FunctionName", getAtt(fn, "Arn"),
		"Principal", "apigateway.amazonaws.com",
		"SourceArn", sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${"+api+"}/*"),
	))
	b.output(ID(f.Name, "Url"), fmt.Sprintf("HTTPS endpoint of the %s function", f.Name), getAtt(api, "ApiEndpoint"))
}

// apiAccessLogFormat is one JSON line per request.
var apiAccessLogFormat = func() string {
	fields := [][2]string{
		{"requestId", "$context.requestId"},
		{"ip", "$context.identity.sourceIp"},
		{"requestTime", "$context.requestTime"},
		{"httpMethod", "$context.httpMethod"},
		{"path", "$context.path"},
		{"routeKey", "$context.routeKey"},
		{"status", "$context.status"},
		{"protocol", "$context.protocol"},
		{"responseLength", "$context.responseLength"},
		{"integrationLatency", "$context.integrationLatency"},
		{"integrationError", "$context.integrationErrorMessage"},
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = fmt.Sprintf("%q:%q", f[0], f[1])
	}
	return "{" + strings.Join(parts, ",") + "}"
}()

// lambdaRuntime picks the Lambda runtime for a function: the one whose
// version matches runtime.version ("22" or "22.11.0" is nodejs22.x, "3.12"
// is python3.12, "3" the newest python3.x), or the newest when no version
// is given. Go and Rust build a bootstrap binary for the OS-only runtime,
// whatever their version.
func lambdaRuntime(r spec.Runtime) (string, error) {
	if r.Language == "" {
		return "", fmt.Errorf("runtime.language is required for a function; one of %s", strings.Join(sortedRuntimeLanguages(), ", "))
	}
	candidates, ok := spec.FunctionRuntimes[r.Language]
	if !ok || len(candidates) == 0 {
		return "", fmt.Errorf("runtime.language %q has no Lambda runtime; use one of %s", r.Language, strings.Join(sortedRuntimeLanguages(), ", "))
	}
	v := strings.TrimPrefix(r.Version, "v")
	if v == "" || strings.HasPrefix(candidates[0], "provided.") {
		return candidates[0], nil
	}
	for _, c := range candidates {
		cv := runtimeVersion(c)
		if cv == v || strings.HasPrefix(v, cv+".") || strings.HasPrefix(cv, v+".") {
			return c, nil
		}
	}
	return "", fmt.Errorf("runtime.version %q of %s has no Lambda runtime Hoist supports; use one of %s", r.Version, r.Language, strings.Join(candidates, ", "))
}

// runtimeVersion is the version inside a runtime name: nodejs22.x is "22",
// python3.12 "3.12", java21 "21".
func runtimeVersion(runtime string) string {
	v := strings.TrimSuffix(runtime, ".x")
	return strings.TrimLeft(v, "abcdefghijklmnopqrstuvwxyz")
}

func sortedRuntimeLanguages() []string {
	var out []string
	for l := range spec.FunctionRuntimes {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// subscribedTopics lists the topics that name a function as a subscriber,
// in spec order.
func subscribedTopics(s *spec.Spec, fn string) []string {
	var out []string
	for _, t := range s.Topics {
		if slices.Contains(t.Subscribers, fn) {
			out = append(out, t.Name)
		}
	}
	return out
}

// envVars collects a function's environment, refusing two different
// values for one name.
type envVars struct{ m ir.Map }

func (e *envVars) set(name string, v ir.Value) error {
	if old := e.m.Get(name); old != nil {
		if plainJSON(old) == plainJSON(v) {
			return nil
		}
		return fmt.Errorf("environment variable %s would be set twice (by depends_on, secrets or env); rename one", name)
	}
	e.m.Set(name, v)
	return nil
}

// sorted returns the variables ordered by name.
func (e *envVars) sorted() *ir.Map {
	out := &ir.Map{Entries: slices.Clone(e.m.Entries)}
	sort.SliceStable(out.Entries, func(i, j int) bool { return out.Entries[i].Key < out.Entries[j].Key })
	return out
}

// distinctStatements merges statements on the same resources into one,
// keeping the first appearance's place and each action once: two encrypted
// queues both ask for the app key, and the environment's kms:Decrypt joins
// their kms:GenerateDataKey.
func distinctStatements(stmts []Statement) []Statement {
	at := map[string]int{}
	var out []Statement
	for _, s := range stmts {
		k := plainJSON(ir.Values(s.Resources...))
		i, seen := at[k]
		if !seen {
			at[k] = len(out)
			out = append(out, Statement{Actions: slices.Clone(s.Actions), Resources: s.Resources})
			continue
		}
		for _, a := range s.Actions {
			if !slices.Contains(out[i].Actions, a) {
				out[i].Actions = append(out[i].Actions, a)
			}
		}
	}
	return out
}

// plainJSON is a value's canonical JSON, for comparisons.
func plainJSON(v ir.Value) string {
	data, err := json.Marshal(ir.Plain(v))
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	return string(data)
}
