package expand

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

func TestBuildImage(t *testing.T) {
	arm := spec.Service{Name: "a", Architecture: "arm64"}
	x86 := spec.Service{Name: "b", Architecture: "x86_64"}
	for _, tc := range []struct {
		name     string
		services []spec.Service
		image    string
		envType  string
	}{
		{"all arm64", []spec.Service{arm, arm}, codeBuildImageARM, "ARM_CONTAINER"},
		{"mixed", []spec.Service{arm, x86}, codeBuildImageX86, "LINUX_CONTAINER"},
		{"all x86_64", []spec.Service{x86}, codeBuildImageX86, "LINUX_CONTAINER"},
		{"no services (sites only)", nil, codeBuildImageX86, "LINUX_CONTAINER"},
	} {
		image, envType := buildImage(tc.services)
		if image != tc.image || envType != tc.envType {
			t.Errorf("buildImage(%s): got %s %s, want %s %s", tc.name, image, envType, tc.image, tc.envType)
		}
	}
}

func TestFlavour(t *testing.T) {
	for _, tc := range []struct {
		target string
		svc    spec.Service
		want   string
	}{
		{spec.TargetECSExpress, spec.Service{Port: 80, Architecture: "x86_64"}, flavourExpress},
		{spec.TargetECSExpress, spec.Service{Port: 80, Architecture: "arm64"}, flavourFargate},
		{spec.TargetECSExpress, spec.Service{Architecture: "x86_64"}, flavourFargate},
		{spec.TargetECSFargate, spec.Service{Port: 80, Architecture: "x86_64"}, flavourFargate},
		{spec.TargetAppRunner, spec.Service{Port: 80, Architecture: "x86_64"}, flavourAppRunner},
	} {
		if got := flavour(&spec.Spec{Target: tc.target}, tc.svc); got != tc.want {
			t.Errorf("flavour(target %s, port %d, %s): got %s, want %s", tc.target, tc.svc.Port, tc.svc.Architecture, got, tc.want)
		}
	}
}

func TestReadsSecrets(t *testing.T) {
	for _, tc := range []struct {
		actions []string
		want    bool
	}{
		{[]string{"secretsmanager:GetSecretValue"}, true},
		{[]string{"kms:Decrypt"}, true},
		{[]string{"kms:Decrypt", "kms:GenerateDataKey"}, false},
		{[]string{"sqs:SendMessage"}, false},
		{nil, false},
	} {
		if got := readsSecrets(Statement{Actions: tc.actions}); got != tc.want {
			t.Errorf("readsSecrets(%v): got %v, want %v", tc.actions, got, tc.want)
		}
	}
}

func TestSplitCommand(t *testing.T) {
	for in, want := range map[string][]string{
		"php artisan queue:work":      {"php", "artisan", "queue:work"},
		`java -jar "/app/my app.jar"`: {"java", "-jar", "/app/my app.jar"},
		`sh -c 'echo "hi" && run'`:    {"sh", "-c", `echo "hi" && run`},
		"  spaced\tout  ":             {"spaced", "out"},
		`empty "" arg`:                {"empty", "", "arg"},
		"":                            nil,
	} {
		if got := splitCommand(in); !slices.Equal(got, want) {
			t.Errorf("splitCommand(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestAppRunnerSizeFor(t *testing.T) {
	for _, tc := range []struct {
		cpu, memory int
		want        appRunnerSize
		err         bool
	}{
		{256, 512, appRunnerSize{256, 512}, false},
		{256, 2048, appRunnerSize{1024, 2048}, false},
		{512, 4096, appRunnerSize{1024, 4096}, false},
		{2048, 16384, appRunnerSize{}, true},
		{8192, 16384, appRunnerSize{}, true},
	} {
		got, err := appRunnerSizeFor(tc.cpu, tc.memory)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("appRunnerSizeFor(%d, %d): got %v (err %v), want %v (err %v)", tc.cpu, tc.memory, got, err, tc.want, tc.err)
		}
	}
}

func TestReadOnlyRoot(t *testing.T) {
	for lang, want := range map[string]bool{"go": true, "node": true, "Python": true, "php": false, "ruby": false, "elixir": false, "deno": false, "": false} {
		if got := readOnlyRoot(spec.Service{Runtime: spec.Runtime{Language: lang}}); got != want {
			t.Errorf("readOnlyRoot(%q): got %v, want %v", lang, got, want)
		}
	}
}

func TestServiceCycles(t *testing.T) {
	s := &spec.Spec{Services: []spec.Service{
		{Name: "a", DependsOn: []string{"b", "db"}},
		{Name: "b", DependsOn: []string{"c"}},
		{Name: "c", DependsOn: []string{"a"}},
	}}
	err := checkServiceCycles(s)
	if err == nil || !strings.Contains(err.Error(), "a -> b -> c -> a") {
		t.Errorf("checkServiceCycles(a->b->c->a): got %v, want an error naming a -> b -> c -> a", err)
	}
	s.Services[2].DependsOn = nil
	if err := checkServiceCycles(s); err != nil {
		t.Errorf("checkServiceCycles(a->b->c): got %v, want nil", err)
	}
}

func TestECRLifecyclePolicy(t *testing.T) {
	var doc struct {
		Rules []struct {
			RulePriority int `json:"rulePriority"`
			Selection    struct {
				TagStatus   string `json:"tagStatus"`
				CountType   string `json:"countType"`
				CountNumber int    `json:"countNumber"`
			} `json:"selection"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(ecrLifecyclePolicy()), &doc); err != nil {
		t.Fatalf("ecrLifecyclePolicy: not JSON: %v", err)
	}
	if len(doc.Rules) != 2 {
		t.Fatalf("ecrLifecyclePolicy: got %d rules, want 2", len(doc.Rules))
	}
	last := doc.Rules[len(doc.Rules)-1]
	if last.Selection.TagStatus != "any" || last.Selection.CountNumber != keepImages {
		t.Errorf("last rule: got %+v, want tagStatus any keeping %d images (ECR requires the any rule last)", last.Selection, keepImages)
	}
	if u := doc.Rules[0].Selection; u.TagStatus != "untagged" || u.CountNumber != untaggedDaysKept {
		t.Errorf("first rule: got %+v, want untagged after %d days", u, untaggedDaysKept)
	}
}

// TestServiceRoles checks who gets which grant: secret reads go to the ECS
// execution role, data access to the task role, and an App Runner
// instance role gets both.
func TestServiceRoles(t *testing.T) {
	for _, tc := range []struct {
		spec string
		role string
		want []string // actions, in order
		not  []string
	}{
		{"compute-express-with-db", "ApiExecutionRole", []string{"secretsmanager:GetSecretValue", "kms:Decrypt"}, []string{"sqs:SendMessage"}},
		{"compute-express-with-db", "ApiTaskRole", []string{"sqs:SendMessage", "kms:GenerateDataKey"}, []string{"secretsmanager:GetSecretValue"}},
		{"compute-apprunner", "ApiInstanceRole", []string{"secretsmanager:GetSecretValue"}, nil},
		{"compute-fargate-private", "PortalTaskRole", []string{"dynamodb:GetItem"}, []string{"secretsmanager:GetSecretValue"}},
	} {
		res, err := Expand(loadSpec(t, "testdata/specs/"+tc.spec+".yaml"))
		if err != nil {
			t.Fatalf("%s: %v", tc.spec, err)
		}
		r := res.Graph.Resource(tc.role)
		if r == nil {
			t.Fatalf("%s: no resource %s", tc.spec, tc.role)
		}
		data, _ := json.Marshal(ir.Plain(r.Prop("Policies")))
		got := string(data)
		for _, a := range tc.want {
			if !strings.Contains(got, `"`+a+`"`) {
				t.Errorf("%s %s: got policies %s, want action %s", tc.spec, tc.role, got, a)
			}
		}
		for _, a := range tc.not {
			if strings.Contains(got, `"`+a+`"`) {
				t.Errorf("%s %s: got policies %s, want no action %s", tc.spec, tc.role, got, a)
			}
		}
	}
}

func TestServiceErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *spec.Spec
		want string
	}{
		{"apprunner arm64", &spec.Spec{Version: 1, Name: "x", Target: spec.TargetAppRunner, Services: []spec.Service{{Name: "api", Port: 80, Public: true, Architecture: "arm64"}}}, "App Runner runs x86_64 only"},
		{"apprunner too big", &spec.Spec{Version: 1, Name: "x", Target: spec.TargetAppRunner, Services: []spec.Service{{Name: "api", Port: 80, Public: true, CPU: 8192, Memory: 16384}}}, "more than App Runner offers"},
	} {
		_, err := Expand(tc.s)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Expand(%s): got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// TestEnvProvidedByDependency: a variable the code reads that a dependency
// provides (DB_HOST from depends_on a database) is wired from the
// dependency, not turned into a stack parameter the user must fill.
func TestEnvProvidedByDependency(t *testing.T) {
	s := &spec.Spec{Version: 1, Name: "x", Target: spec.TargetECSFargate,
		Services:  []spec.Service{{Name: "api", Port: 80, Env: []string{"DB_HOST", "LOG_LEVEL"}, DependsOn: []string{"db"}}},
		Databases: []spec.Database{{Name: "db", Engine: "postgres"}}}
	res, err := Expand(s)
	if err != nil {
		t.Fatal(err)
	}
	if res.Graph.Parameter("ApiEnvDbHost") != nil {
		t.Error("got a parameter for DB_HOST, want it wired from the database")
	}
	if res.Graph.Parameter("ApiEnvLogLevel") == nil {
		t.Error("got no parameter for LOG_LEVEL, want one")
	}
}
