package artifact

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/spec"
	"go.yaml.in/yaml/v3"
)

// specCases are the hoist.yaml inputs for compose, buildspec and workflow.
var specCases = []struct {
	name string
	sp   *spec.Spec
}{
	{"single", &spec.Spec{
		Version: 1, Name: "hello", Region: "us-west-2",
		Services: []spec.Service{{Name: "web", Path: ".", Port: 8080, Env: []string{"LOG_LEVEL"}, Public: true}},
	}},
	{"postgres-redis", &spec.Spec{
		Version: 1, Name: "shop", Environment: "staging",
		Services: []spec.Service{{
			Name: "api", Path: ".", Port: 3000, Architecture: "arm64",
			Env: []string{"STRIPE_PUBLISHABLE_KEY", "DATABASE_URL", "LOG_LEVEL"}, Secrets: []string{"STRIPE_SECRET_KEY"},
			DependsOn: []string{"main", "sessions"},
		}},
		Databases: []spec.Database{{Name: "main", Engine: "postgres", Version: "16.4"}},
		Caches:    []spec.Cache{{Name: "sessions", Engine: "redis", Version: "7.1"}},
	}},
	{"monorepo", &spec.Spec{
		Version: 1, Name: "acme", Region: "us-gov-west-1",
		Services: []spec.Service{
			{Name: "api", Path: "apps/api", Build: spec.Build{Context: ".", Dockerfile: "apps/api/Dockerfile"}, Port: 3000,
				Env: []string{"JWT_ISSUER"}, DependsOn: []string{"db", "jobs", "uploads"}},
			{Name: "worker", Path: "apps/worker", Build: spec.Build{Context: ".", Dockerfile: "apps/worker/Dockerfile"},
				DependsOn: []string{"db", "jobs", "events", "api"}},
			{Name: "web", Path: "apps/web", Build: spec.Build{Context: ".", Dockerfile: "apps/web/Dockerfile"}, Port: 3000,
				Env: []string{"NEXT_PUBLIC_API_URL"}, DependsOn: []string{"api"}},
		},
		Databases: []spec.Database{{Name: "db", Engine: "aurora-postgres", Version: "15.4", Size: "serverless"}},
		Queues:    []spec.Queue{{Name: "jobs"}, {Name: "events", FIFO: true}},
		Buckets:   []spec.Bucket{{Name: "uploads", Versioning: true}},
	}},
	{"mysql-valkey", &spec.Spec{
		Version: 1, Name: "legacy",
		Services: []spec.Service{{Name: "app", Path: "app", Port: 8000, DependsOn: []string{"primary", "reports", "cache"}}},
		Databases: []spec.Database{
			{Name: "primary", Engine: "aurora-mysql", Version: "8.0.mysql_aurora.3.05.2"},
			{Name: "reports", Engine: "postgres", Version: "18"},
		},
		Caches: []spec.Cache{{Name: "cache", Engine: "valkey"}},
	}},
}

type renderer struct {
	name string
	file string
	fn   func(*spec.Spec) ([]byte, error)
}

var renderers = []renderer{
	{"compose", "compose.yaml", Compose},
	{"buildspec", "buildspec.yml", Buildspec},
	{"workflow", "deploy.yml", Workflow},
}

func TestPipelineGolden(t *testing.T) {
	for _, tc := range specCases {
		for _, r := range renderers {
			t.Run(tc.name+"/"+r.name, func(t *testing.T) {
				got, err := r.fn(tc.sp)
				if err != nil {
					t.Fatalf("%s(%s): %v", r.name, tc.name, err)
				}
				golden.Assert(t, "testdata/"+tc.name+"/"+r.file, got)
				again, _ := r.fn(tc.sp)
				if !bytes.Equal(got, again) {
					t.Errorf("%s(%s): two renders differ", r.name, tc.name)
				}
			})
		}
	}
}

// parseYAML decodes generated YAML, failing the test on invalid syntax.
func parseYAML(t *testing.T, what string, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := yaml.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: invalid YAML: %v\n%s", what, err, b)
	}
	return m
}

func mapAt(t *testing.T, what string, m map[string]any, keys ...string) map[string]any {
	t.Helper()
	cur := m
	for _, k := range keys {
		next, ok := cur[k].(map[string]any)
		if !ok {
			t.Fatalf("%s: got %T at %q, want a mapping (path %v)", what, cur[k], k, keys)
		}
		cur = next
	}
	return cur
}

func TestComposeStructure(t *testing.T) {
	for _, tc := range specCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Compose(tc.sp)
			if err != nil {
				t.Fatal(err)
			}
			m := parseYAML(t, "compose "+tc.name, b)
			if _, ok := m["version"]; ok {
				t.Errorf("compose %s: has a version key; the Compose Specification has none", tc.name)
			}
			services := mapAt(t, tc.name, m, "services")
			for _, s := range tc.sp.Services {
				svc := mapAt(t, tc.name, services, s.Name)
				build := mapAt(t, tc.name, svc, "build")
				if got, want := build["context"], serviceContext(s); got != want {
					t.Errorf("compose %s: service %s build.context = %v, want %v", tc.name, s.Name, got, want)
				}
				if s.Port > 0 {
					ports, _ := svc["ports"].([]any)
					if len(ports) != 1 || !strings.HasSuffix(fmt.Sprint(ports[0]), fmt.Sprintf(":%d", s.Port)) {
						t.Errorf("compose %s: service %s ports = %v, want one mapping to %d", tc.name, s.Name, ports, s.Port)
					}
				}
				env, _ := svc["environment"].([]any)
				for _, name := range append(append([]string(nil), s.Env...), s.Secrets...) {
					found := false
					for _, e := range env {
						es := fmt.Sprint(e)
						if es == name || strings.HasPrefix(es, name+"=") {
							found = true
						}
					}
					if !found {
						t.Errorf("compose %s: service %s environment lacks %s (got %v)", tc.name, s.Name, name, env)
					}
				}
				for _, e := range env {
					es := fmt.Sprint(e)
					if strings.Contains(es, "PASSWORD") && !strings.Contains(es, "${") {
						t.Errorf("compose %s: service %s has a literal password entry %q", tc.name, s.Name, es)
					}
				}
				for _, d := range s.DependsOn {
					if isService(tc.sp, d) {
						continue
					}
					deps, _ := svc["depends_on"].(map[string]any)
					found := false
					for _, db := range tc.sp.Databases {
						if db.Name == d {
							found = true
							cond := mapAt(t, tc.name, deps, d)["condition"]
							if cond != "service_healthy" {
								t.Errorf("compose %s: %s depends on %s with condition %v, want service_healthy", tc.name, s.Name, d, cond)
							}
						}
					}
					_ = found
				}
			}
			for _, db := range tc.sp.Databases {
				svc := mapAt(t, tc.name, services, db.Name)
				if _, ok := svc["healthcheck"]; !ok {
					t.Errorf("compose %s: database %s has no healthcheck", tc.name, db.Name)
				}
				if vols, _ := svc["volumes"].([]any); len(vols) != 1 {
					t.Errorf("compose %s: database %s volumes = %v, want one named volume", tc.name, db.Name, vols)
				}
				img := fmt.Sprint(svc["image"])
				if strings.HasSuffix(db.Engine, "postgres") && !strings.HasPrefix(img, "postgres:") || strings.HasSuffix(db.Engine, "mysql") && !strings.HasPrefix(img, "mysql:") {
					t.Errorf("compose %s: database %s (%s) image = %s", tc.name, db.Name, db.Engine, img)
				}
			}
			if len(tc.sp.Queues) > 0 {
				if _, ok := services["sqs"]; !ok {
					t.Errorf("compose %s: no sqs emulator service", tc.name)
				}
				mapAt(t, tc.name, m, "configs", "sqs")
			}
		})
	}
}

func TestComposeExactValues(t *testing.T) {
	b, err := Compose(specCases[1].sp)
	if err != nil {
		t.Fatal(err)
	}
	m := parseYAML(t, "compose postgres-redis", b)
	env := mapAt(t, "compose", m, "services", "api")["environment"].([]any)
	want := []string{
		"DATABASE_URL=postgres://app:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}@main:5432/main",
		"REDIS_URL=redis://sessions:6379",
		"LOG_LEVEL", "STRIPE_PUBLISHABLE_KEY", "STRIPE_SECRET_KEY",
	}
	if len(env) != len(want) {
		t.Fatalf("compose postgres-redis: api environment = %v, want %v", env, want)
	}
	for i := range want {
		if env[i] != want[i] {
			t.Errorf("compose postgres-redis: api environment[%d] = %v, want %v", i, env[i], want[i])
		}
	}
	pg := mapAt(t, "compose", m, "services", "main")
	if got := pg["image"]; got != "postgres:16-alpine" {
		t.Errorf("compose postgres-redis: main image = %v, want postgres:16-alpine", got)
	}
	if got := mapAt(t, "compose", pg, "environment")["POSTGRES_PASSWORD"]; got != "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}" {
		t.Errorf("compose postgres-redis: POSTGRES_PASSWORD = %v, want the required interpolation", got)
	}
	if got := mapAt(t, "compose", m, "services", "sessions")["image"]; got != "redis:7-alpine" {
		t.Errorf("compose postgres-redis: sessions image = %v, want redis:7-alpine", got)
	}
}

func TestBuildspecStructure(t *testing.T) {
	for _, tc := range specCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Buildspec(tc.sp)
			if err != nil {
				t.Fatal(err)
			}
			m := parseYAML(t, "buildspec "+tc.name, b)
			if v := fmt.Sprint(m["version"]); v != "0.2" {
				t.Errorf("buildspec %s: version = %s, want 0.2", tc.name, v)
			}
			vars := mapAt(t, tc.name, m, "env", "variables")
			exported, _ := mapAt(t, tc.name, m, "env")["exported-variables"].([]any)
			for _, s := range tc.sp.Services {
				key := "REPO_" + envName(s.Name)
				if got, want := vars[key], tc.sp.Name+"-"+s.Name; got != want {
					t.Errorf("buildspec %s: %s = %v, want %v", tc.name, key, got, want)
				}
				if !containsAny(exported, "IMAGE_URI_"+envName(s.Name)) {
					t.Errorf("buildspec %s: exported-variables %v lacks IMAGE_URI_%s", tc.name, exported, envName(s.Name))
				}
			}
			phases := mapAt(t, tc.name, m, "phases")
			text := map[string]string{}
			for _, p := range []string{"pre_build", "build", "post_build"} {
				cmds, _ := mapAt(t, tc.name, phases, p)["commands"].([]any)
				if len(cmds) == 0 {
					t.Fatalf("buildspec %s: phase %s has no commands", tc.name, p)
				}
				for _, c := range cmds {
					text[p] += fmt.Sprint(c) + "\n"
				}
			}
			for phase, want := range map[string][]string{
				"pre_build":  {"get-login-password", "--password-stdin", "CODEBUILD_RESOLVED_SOURCE_VERSION", "$AWS_DEFAULT_REGION"},
				"build":      {"docker buildx create --use", "--cache-to \"type=registry,ref=", "mode=max,image-manifest=true,oci-mediatypes=true", "--push"},
				"post_build": {"imagedefinitions.json", "containerimage.digest"},
			} {
				for _, w := range want {
					if !strings.Contains(text[phase], w) {
						t.Errorf("buildspec %s: phase %s lacks %q", tc.name, phase, w)
					}
				}
			}
			if got := strings.Count(text["build"], "docker buildx build"); got != len(tc.sp.Services) {
				t.Errorf("buildspec %s: %d buildx builds, want %d", tc.name, got, len(tc.sp.Services))
			}
			files, _ := mapAt(t, tc.name, m, "artifacts")["files"].([]any)
			if !containsAny(files, "imagedefinitions.json") {
				t.Errorf("buildspec %s: artifacts %v lack imagedefinitions.json", tc.name, files)
			}
		})
	}
}

func TestWorkflowStructure(t *testing.T) {
	for _, tc := range specCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Workflow(tc.sp)
			if err != nil {
				t.Fatal(err)
			}
			m := parseYAML(t, "workflow "+tc.name, b)
			on := mapAt(t, tc.name, m, "on")
			if br := mapAt(t, tc.name, on, "push")["branches"]; fmt.Sprint(br) != "[main]" {
				t.Errorf("workflow %s: push branches = %v, want [main]", tc.name, br)
			}
			if _, ok := on["workflow_dispatch"]; !ok {
				t.Errorf("workflow %s: no workflow_dispatch trigger", tc.name)
			}
			perms := mapAt(t, tc.name, m, "permissions")
			if perms["id-token"] != "write" || perms["contents"] != "read" || len(perms) != 2 {
				t.Errorf("workflow %s: permissions = %v, want id-token: write, contents: read", tc.name, perms)
			}
			conc := mapAt(t, tc.name, m, "concurrency")
			if got, want := conc["group"], "deploy-${{ github.ref }}-"+environmentOf(tc.sp); got != want || conc["cancel-in-progress"] != false {
				t.Errorf("workflow %s: concurrency = %v, want group %s without cancel-in-progress", tc.name, conc, want)
			}
			job := mapAt(t, tc.name, m, "jobs", "build")
			if job["environment"] != environmentOf(tc.sp) {
				t.Errorf("workflow %s: environment = %v, want %s", tc.name, job["environment"], environmentOf(tc.sp))
			}
			include, _ := mapAt(t, tc.name, job, "strategy", "matrix")["include"].([]any)
			if len(include) != len(tc.sp.Services) {
				t.Errorf("workflow %s: matrix has %d entries, want %d", tc.name, len(include), len(tc.sp.Services))
			}
			steps, _ := job["steps"].([]any)
			uses := map[string]map[string]any{}
			for _, st := range steps {
				sm := st.(map[string]any)
				if u, ok := sm["uses"].(string); ok {
					with, _ := sm["with"].(map[string]any)
					uses[u] = with
				}
			}
			for _, a := range []string{actionAWSCreds, actionECRLogin, actionSetupBuildx, actionBuildAndPush} {
				if _, ok := uses[a]; !ok {
					t.Errorf("workflow %s: no step uses %s", tc.name, a)
				}
			}
			if got := uses[actionAWSCreds]["role-to-assume"]; got != "${{ vars.AWS_ROLE_ARN }}" {
				t.Errorf("workflow %s: role-to-assume = %v, want ${{ vars.AWS_ROLE_ARN }}", tc.name, got)
			}
			bp := uses[actionBuildAndPush]
			if !strings.HasPrefix(fmt.Sprint(bp["cache-from"]), "type=registry,") || !strings.Contains(fmt.Sprint(bp["cache-to"]), "mode=max") {
				t.Errorf("workflow %s: build-push cache = %v / %v, want registry cache", tc.name, bp["cache-from"], bp["cache-to"])
			}
			for _, bad := range []string{"aws-access-key-id", "aws-secret-access-key", "secrets."} {
				if strings.Contains(string(b), bad) {
					t.Errorf("workflow %s: contains %q; access must be OIDC only", tc.name, bad)
				}
			}
		})
	}
}

func containsAny(list []any, want string) bool {
	for _, v := range list {
		if fmt.Sprint(v) == want {
			return true
		}
	}
	return false
}

func TestPipelineErrors(t *testing.T) {
	tests := []struct {
		name string
		sp   *spec.Spec
		want string
	}{
		{"nil spec", nil, "no spec"},
		{"no services", &spec.Spec{Name: "x"}, "no "},
		{"bad spec name", &spec.Spec{Name: "My App", Services: []spec.Service{{Name: "web"}}}, `spec name "My App"`},
		{"env value in env list", &spec.Spec{Name: "x", Services: []spec.Service{{Name: "web", Env: []string{"API_KEY=AKIAIOSFODNN7EXAMPLE"}}}}, "API_KEY=<redacted>"},
		{"name clash", &spec.Spec{Name: "x", Services: []spec.Service{{Name: "db"}}, Databases: []spec.Database{{Name: "db", Engine: "postgres"}}}, `database name "db" is also used by a service`},
		{"path escapes", &spec.Spec{Name: "x", Services: []spec.Service{{Name: "web", Path: "../other"}}}, "must be relative"},
		{"secret in command", &spec.Spec{Name: "x", Services: []spec.Service{{Name: "web", Command: "DB_PASSWORD=hunter2hunter2 ./start"}}}, "sets DB_PASSWORD inline"},
		{"bad region", &spec.Spec{Name: "x", Region: "mars; rm -rf /", Services: []spec.Service{{Name: "web"}}}, "not an AWS region"},
	}
	for _, tc := range tests {
		for _, r := range renderers {
			got, err := r.fn(tc.sp)
			if err == nil {
				t.Errorf("%s(%s): got no error and %d bytes, want an error containing %q", r.name, tc.name, len(got), tc.want)
				continue
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s(%s): got error %q, want it to contain %q", r.name, tc.name, err, tc.want)
			}
			for _, secret := range []string{"AKIAIOSFODNN7EXAMPLE", "hunter2hunter2"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("%s(%s): error %q repeats a secret value", r.name, tc.name, err)
				}
			}
		}
	}
}
