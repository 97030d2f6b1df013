package expand

import (
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

func TestLambdaRuntime(t *testing.T) {
	for _, tc := range []struct {
		lang, version, want, err string
	}{
		{"node", "", "nodejs24.x", ""},
		{"node", "22", "nodejs22.x", ""},
		{"node", "v22.11.0", "nodejs22.x", ""},
		{"python", "3.12", "python3.12", ""},
		{"python", "3.11.9", "python3.11", ""},
		{"python", "3", "python3.13", ""},
		{"java", "17", "java17", ""},
		{"ruby", "3.3", "ruby3.3", ""},
		{"dotnet", "8", "dotnet8", ""},
		{"go", "1.24", "provided.al2023", ""},
		{"rust", "", "provided.al2023", ""},
		{"node", "18", "", `runtime.version "18" of node has no Lambda runtime Hoist supports; use one of nodejs24.x, nodejs22.x`},
		{"python", "3.1", "", `runtime.version "3.1" of python`},
		{"", "", "", "runtime.language is required"},
		{"cobol", "", "", `runtime.language "cobol" has no Lambda runtime`},
	} {
		got, err := lambdaRuntime(spec.Runtime{Language: tc.lang, Version: tc.version})
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("lambdaRuntime(%q, %q): got error %v, want one containing %q", tc.lang, tc.version, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.want):
			t.Errorf("lambdaRuntime(%q, %q): got %q, %v, want %q", tc.lang, tc.version, got, err, tc.want)
		}
	}
}

func FuzzLambdaRuntime(f *testing.F) {
	for _, s := range []string{"22", "3.12", "v", "", "3.", ".x", "1.2.3.4"} {
		f.Add("python", s)
		f.Add("node", s)
	}
	f.Fuzz(func(t *testing.T, lang, version string) {
		got, err := lambdaRuntime(spec.Runtime{Language: lang, Version: version})
		if err == nil && !contains(spec.FunctionRuntimes[lang], got) {
			t.Errorf("lambdaRuntime(%q, %q): got %q, not one of %v", lang, version, got, spec.FunctionRuntimes[lang])
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDistinctStatements(t *testing.T) {
	key := []Statement{
		{Actions: []string{"kms:Decrypt"}, Resources: refsOf("Key")},
		{Actions: []string{"sqs:SendMessage"}, Resources: refsOf("Queue")},
		{Actions: []string{"kms:Decrypt", "kms:GenerateDataKey"}, Resources: refsOf("Key")},
		{Actions: []string{"kms:Decrypt", "kms:GenerateDataKey"}, Resources: refsOf("Key")},
		{Actions: []string{"s3:GetObject"}, Resources: refsOf("Key", "Queue")},
	}
	var got []string
	for _, s := range distinctStatements(key) {
		got = append(got, strings.Join(s.Actions, ","))
	}
	want := "kms:Decrypt,kms:GenerateDataKey | sqs:SendMessage | s3:GetObject"
	if strings.Join(got, " | ") != want {
		t.Errorf("distinctStatements: got %q, want %q", strings.Join(got, " | "), want)
	}
	if len(key[0].Actions) != 1 {
		t.Errorf("distinctStatements changed its input: got %v", key[0].Actions)
	}
}

func refsOf(ids ...string) []ir.Value {
	var out []ir.Value
	for _, id := range ids {
		out = append(out, ref(id))
	}
	return out
}

func TestFunctionWiring(t *testing.T) {
	res := mustExpand(t, `version: 1
name: app
databases:
  - name: db
    engine: postgres
queues:
  - name: jobs
topics:
  - name: events
    subscribers: [worker]
functions:
  - name: worker
    runtime:
      language: node
    env: [MODE]
    secrets: [TOKEN]
    depends_on: [db, jobs]
  - name: web
    runtime:
      language: python
    http: true
`)
	for _, tc := range []struct{ id, path, want string }{
		{"WorkerFunction", "Environment.Variables.MODE", `{"Ref":"WorkerEnvMode"}`},
		{"WorkerFunction", "Environment.Variables.TOKEN_SECRET_ARN", `{"Ref":"AppSecrets"}`},
		{"WorkerFunction", "Environment.Variables.TOKEN_SECRET_KEY", `"TOKEN"`},
		{"WorkerFunction", "Environment.Variables.DB_PASSWORD_SECRET_KEY", `"password"`},
		{"WorkerFunction", "Environment.Variables.JOBS_QUEUE_URL", `{"Ref":"JobsQueue"}`},
		{"WorkerFunction", "VpcConfig.SecurityGroupIds", `[{"Ref":"WorkerSecurityGroup"}]`},
		{"WorkerFunction", "DeadLetterConfig.TargetArn", `{"Fn::GetAtt":["WorkerDeadLetterQueue","Arn"]}`},
		{"WorkerFunction", "TracingConfig.Mode", `"Active"`},
		{"WorkerFunction", "Code.S3Key", `{"Ref":"WorkerCodeKey"}`},
		{"WorkerFromEventsPermission", "SourceArn", `{"Ref":"EventsTopic"}`},
		{"EventsToWorkerSubscription", "Protocol", `"lambda"`},
		{"WorkerSecurityGroupToDbSecurityGroupIngress", "FromPort", `5432`},
		{"WebFunction", "VpcConfig", `null`},
		{"WebFunction", "DeadLetterConfig", `null`},
		{"WebFunction", "Environment", `null`},
		{"WebApiRoute", "RouteKey", `"$default"`},
		{"WebApiStage", "AutoDeploy", `true`},
		{"WebApiPermission", "Principal", `"apigateway.amazonaws.com"`},
	} {
		if got := prop(t, res, tc.id, tc.path); got != tc.want {
			t.Errorf("%s.%s: got %s, want %s", tc.id, tc.path, got, tc.want)
		}
	}
	for _, p := range []string{"FunctionCodeBucket", "WorkerCodeKey", "WebCodeKey", "WorkerEnvMode"} {
		if res.Graph.Parameter(p) == nil {
			t.Errorf("parameter %s: got none, want one", p)
		}
	}
	found := false
	for _, o := range res.Graph.Outputs {
		found = found || o.Name == "WebUrl"
	}
	if !found {
		t.Error("output WebUrl: got none, want the HTTP API's endpoint")
	}
}

func TestFunctionErrors(t *testing.T) {
	for _, tc := range []struct{ what, src, want string }{
		{"no language", "functions:\n  - name: f\n", "functions[0] (f): runtime.language is required"},
		{"java without handler", "functions:\n  - name: f\n    runtime:\n      language: java\n", "handler is required for java functions"},
		{"env names that share a parameter", "functions:\n  - name: f\n    runtime:\n      language: node\n    env: [log_level, LOG_LEVEL]\n", `env "LOG_LEVEL": its parameter name FEnvLogLevel is taken`},
		{"env name set by depends_on", "queues:\n  - name: jobs\nfunctions:\n  - name: f\n    runtime:\n      language: node\n    env: [JOBS_QUEUE_URL]\n    depends_on: [jobs]\n", "environment variable JOBS_QUEUE_URL would be set twice"},
		{"standard topic to FIFO queue", "queues:\n  - name: q\n    fifo: true\ntopics:\n  - name: t\n    subscribers: [q]\n", `topics[0] (t): queue "q" is FIFO`},
		{"FIFO topic to function", "topics:\n  - name: t\n    fifo: true\n    subscribers: [f]\nfunctions:\n  - name: f\n    runtime:\n      language: node\n", `topics[0] (t): function "f" cannot subscribe`},
	} {
		_, err := expandYAML(t, "version: 1\nname: app\n"+tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.what, err, tc.want)
		}
	}
}
