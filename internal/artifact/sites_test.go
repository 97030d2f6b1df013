package artifact

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/golden"
	"github.com/hoist-dev/hoist/internal/spec"
)

// siteCases are hoist.yaml inputs with static sites, alone or beside
// services.
var siteCases = []struct {
	name string
	sp   *spec.Spec
}{
	{"site-vite", &spec.Spec{
		Version: 1, Name: "admin", Region: "us-west-2",
		StaticSites: []spec.StaticSite{{Name: "admin-ui", Path: ".", BuildCommand: "npm run build", OutputDir: "dist"}},
	}},
	{"site-hugo", &spec.Spec{
		Version: 1, Name: "blog",
		StaticSites: []spec.StaticSite{{Name: "blog", Path: ".", BuildCommand: "hugo --minify", OutputDir: "public"}},
	}},
	{"service-and-site", &spec.Spec{
		Version: 1, Name: "fleet", Environment: "staging",
		Services: []spec.Service{{Name: "api", Path: "apps/api", Build: spec.Build{Context: ".", Dockerfile: "apps/api/Dockerfile"},
			Port: 8080, Env: []string{"LOG_LEVEL"}, DependsOn: []string{"db"}}},
		Databases:   []spec.Database{{Name: "db", Engine: "postgres"}},
		StaticSites: []spec.StaticSite{{Name: "web", Path: "apps/web", BuildCommand: "npx nx run web:build", OutputDir: "../../dist/apps/web"}},
	}},
	{"sites-mixed", &spec.Spec{
		Version: 1, Name: "docs",
		Queues: []spec.Queue{{Name: "jobs"}},
		StaticSites: []spec.StaticSite{
			{Name: "handbook", Path: "handbook", BuildCommand: "mkdocs build", OutputDir: "site"},
			{Name: "kiosk", Path: "kiosk", BuildCommand: "yarn build", OutputDir: "www"},
			{Name: "landing", Path: "landing"},
			{Name: "news", Path: "news", BuildCommand: "bundle exec jekyll build", OutputDir: "_site"},
		},
	}},
}

func TestSitesGolden(t *testing.T) {
	for _, tc := range siteCases {
		for _, r := range renderers {
			t.Run(tc.name+"/"+r.name, func(t *testing.T) {
				got, err := r.fn(tc.sp)
				if err != nil {
					t.Fatalf("%s(%s): %v", r.name, tc.name, err)
				}
				golden.Assert(t, "testdata/"+tc.name+"/"+r.file, got)
				if again, _ := r.fn(tc.sp); !bytes.Equal(got, again) {
					t.Errorf("%s(%s): two renders differ", r.name, tc.name)
				}
			})
		}
	}
}

func TestSiteTool(t *testing.T) {
	tests := []struct{ cmd, want string }{
		{"", toolNone},
		{"npm run build", toolNPM},
		{"npx nx run web:build", toolNPM},
		{"NODE_ENV=production npm run build", toolNPM},
		{"pnpm --filter web build", toolPNPM},
		{"yarn build", toolYarn},
		{"bun run build", toolBun},
		{"hugo --minify", toolHugo},
		{"mkdocs build", toolMkDocs},
		{"python -m mkdocs build", toolMkDocs},
		{"bundle exec jekyll build", toolJekyll},
		{"jekyll build", toolJekyll},
		{"bundle exec middleman build", toolOther},
		{"zola build", toolOther},
	}
	for _, tc := range tests {
		if got := siteTool(tc.cmd); got != tc.want {
			t.Errorf("siteTool(%q): got %s, want %s", tc.cmd, got, tc.want)
		}
	}
}

func TestSiteContext(t *testing.T) {
	tests := []struct {
		site spec.StaticSite
		want string
	}{
		{spec.StaticSite{Path: ".", OutputDir: "dist"}, "."},
		{spec.StaticSite{Path: "site", BuildCommand: "npm run build", OutputDir: "dist"}, "site"},
		{spec.StaticSite{Path: "apps/web", BuildCommand: "npx nx run web:build", OutputDir: "../../dist/apps/web"}, "."},
		{spec.StaticSite{Path: "packages/web", BuildCommand: "npm run build --workspace packages/web", OutputDir: "dist"}, "."},
		{spec.StaticSite{Path: "apps/docs", BuildCommand: "pnpm --filter=docs build", OutputDir: "dist"}, "."},
		{spec.StaticSite{Path: "apps/docs", BuildCommand: "turbo run build", OutputDir: "dist"}, "."},
		{spec.StaticSite{Path: "docs"}, "docs"},
	}
	for _, tc := range tests {
		if got := siteContext(tc.site); got != tc.want {
			t.Errorf("siteContext(%+v): got %s, want %s", tc.site, got, tc.want)
		}
	}
}

func TestSiteBuildDir(t *testing.T) {
	tests := []struct {
		site spec.StaticSite
		want string
	}{
		{spec.StaticSite{Path: "site", BuildCommand: "npm run build"}, "site"},
		{spec.StaticSite{Path: "apps/web", BuildCommand: "vite build", OutputDir: "../../dist/apps/web"}, "apps/web"},
		{spec.StaticSite{Path: "apps/web", BuildCommand: "npx nx run web:build", OutputDir: "../../dist/apps/web"}, "."},
		{spec.StaticSite{Path: "packages/web", BuildCommand: "npm run build --workspace packages/web"}, "."},
	}
	for _, tc := range tests {
		if got := siteBuildDir(tc.site); got != tc.want {
			t.Errorf("siteBuildDir(%+v): got %s, want %s", tc.site, got, tc.want)
		}
	}
}

func TestComposeSites(t *testing.T) {
	for _, tc := range siteCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Compose(tc.sp)
			if err != nil {
				t.Fatal(err)
			}
			m := parseYAML(t, "compose "+tc.name, b)
			services := mapAt(t, tc.name, m, "services")
			hosts := map[string]string{}
			for _, s := range tc.sp.Services {
				if s.Port > 0 {
					ports, _ := mapAt(t, tc.name, services, s.Name)["ports"].([]any)
					hosts[strings.Split(fmt.Sprint(ports[0]), ":")[0]] = s.Name
				}
			}
			for _, st := range tc.sp.StaticSites {
				svc := mapAt(t, tc.name, services, st.Name)
				build := mapAt(t, tc.name, svc, "build")
				ctx := siteContext(st)
				if build["context"] != ctx {
					t.Errorf("compose %s: site %s build.context = %v, want %s", tc.name, st.Name, build["context"], ctx)
				}
				if got, want := build["dockerfile"], relTo(ctx, siteDockerfile(st)); got != want {
					t.Errorf("compose %s: site %s dockerfile = %v, want %s", tc.name, st.Name, got, want)
				}
				ports, _ := svc["ports"].([]any)
				if len(ports) != 1 || !strings.HasSuffix(fmt.Sprint(ports[0]), ":8080") {
					t.Fatalf("compose %s: site %s ports = %v, want one mapping to 8080", tc.name, st.Name, ports)
				}
				host := strings.Split(fmt.Sprint(ports[0]), ":")[0]
				if other, ok := hosts[host]; ok {
					t.Errorf("compose %s: site %s host port %s is also used by %s", tc.name, st.Name, host, other)
				}
				hosts[host] = st.Name
			}
		})
	}
}

// TestComposeSitePortClash: a service on 8080 pushes the site to 8081.
func TestComposeSitePortClash(t *testing.T) {
	b, err := Compose(siteCases[2].sp)
	if err != nil {
		t.Fatal(err)
	}
	m := parseYAML(t, "compose service-and-site", b)
	ports := mapAt(t, "compose", m, "services", "web")["ports"].([]any)
	if got := fmt.Sprint(ports[0]); got != "8081:8080" {
		t.Errorf("compose service-and-site: site web ports = %s, want 8081:8080 (api has 8080)", got)
	}
}

func phaseCommands(t *testing.T, what string, m map[string]any, phase string) string {
	t.Helper()
	phases := mapAt(t, what, m, "phases")
	p, ok := phases[phase].(map[string]any)
	if !ok {
		return ""
	}
	cmds, _ := p["commands"].([]any)
	var b strings.Builder
	for _, c := range cmds {
		b.WriteString(fmt.Sprint(c) + "\n")
	}
	return b.String()
}

func TestBuildspecSites(t *testing.T) {
	for _, tc := range siteCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Buildspec(tc.sp)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			m := parseYAML(t, "buildspec "+tc.name, b)
			install := phaseCommands(t, tc.name, m, "install")
			build := phaseCommands(t, tc.name, m, "build")
			post := phaseCommands(t, tc.name, m, "post_build")
			for _, st := range tc.sp.StaticSites {
				bv, dv := siteBucketVar(st), siteDistributionVar(st)
				for _, v := range []string{bv, dv} {
					if !strings.Contains(install, `test -n "$`+v+`" ||`) {
						t.Errorf("buildspec %s: install phase does not require %s", tc.name, v)
					}
				}
				out := siteOutput(st)
				if got := strings.Count(post, "aws s3 sync "+shellQuote(out)+` "s3://$`+bv+`"`); got < 3 {
					t.Errorf("buildspec %s: site %s: %d syncs of %s, want at least 3", tc.name, st.Name, got, out)
				}
				if !strings.Contains(post, `--include "*.html" --cache-control "no-cache"`) && !strings.Contains(post, `--include "*.html" --exclude`) {
					t.Errorf("buildspec %s: no HTML pass with no-cache", tc.name)
				}
				if !strings.Contains(post, `"s3://$`+bv+`" --no-progress --delete`) {
					t.Errorf("buildspec %s: site %s is never synced with --delete", tc.name, st.Name)
				}
				if !strings.Contains(post, invalidateCommand(dv)) {
					t.Errorf("buildspec %s: site %s: no CloudFront invalidation", tc.name, st.Name)
				}
				if st.BuildCommand != "" && !strings.Contains(build, "(cd "+siteBuildDir(st)+" && "+st.BuildCommand+")") && !strings.Contains("\n"+build, "\n"+st.BuildCommand+"\n") {
					t.Errorf("buildspec %s: build phase does not run %q", tc.name, st.BuildCommand)
				}
				if isNodeTool(siteTool(st.BuildCommand)) && !strings.Contains(post, cacheImmutable) {
					t.Errorf("buildspec %s: site %s: no long cache for fingerprinted assets", tc.name, st.Name)
				}
			}
			runtimes, _ := mapAt(t, tc.name, m, "phases", "install")["runtime-versions"].(map[string]any)
			tools := siteTools(tc.sp.StaticSites)
			if want := tools[toolNPM] || tools[toolYarn]; (runtimes["nodejs"] != nil) != want {
				t.Errorf("buildspec %s: runtime-versions %v, want nodejs: %v", tc.name, runtimes, want)
			}
			if tools[toolNPM] && fmt.Sprint(runtimes["nodejs"]) != siteNodeVersion {
				t.Errorf("buildspec %s: nodejs = %v, want %s", tc.name, runtimes["nodejs"], siteNodeVersion)
			}
			if tools[toolHugo] && (!strings.Contains(install, "sha256sum -c") || !strings.Contains(text, "HUGO_VERSION: \""+hugoVersion+"\"")) {
				t.Errorf("buildspec %s: Hugo is not installed at a pinned, checked version", tc.name)
			}
			docker := strings.Contains(text, "docker ") || strings.Contains(text, "privileged")
			if docker != (len(tc.sp.Services) > 0) {
				t.Errorf("buildspec %s: mentions docker/privileged = %v, want %v", tc.name, docker, len(tc.sp.Services) > 0)
			}
			if _, ok := m["artifacts"]; ok != (len(tc.sp.Services) > 0) {
				t.Errorf("buildspec %s: artifacts section = %v, want %v", tc.name, ok, len(tc.sp.Services) > 0)
			}
			if len(tc.sp.Services) > 0 && !strings.Contains(build, "docker buildx build --push") {
				t.Errorf("buildspec %s: services are not built", tc.name)
			}
			if !strings.Contains(post, "CODEBUILD_BUILD_SUCCEEDING") {
				t.Errorf("buildspec %s: sites may be published after a failed build", tc.name)
			}
		})
	}
}

func TestWorkflowSites(t *testing.T) {
	for _, tc := range siteCases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Workflow(tc.sp)
			if err != nil {
				t.Fatal(err)
			}
			m := parseYAML(t, "workflow "+tc.name, b)
			perms := mapAt(t, tc.name, m, "permissions")
			if perms["id-token"] != "write" || perms["contents"] != "read" || len(perms) != 2 {
				t.Errorf("workflow %s: permissions = %v, want id-token: write, contents: read", tc.name, perms)
			}
			if conc := mapAt(t, tc.name, m, "concurrency"); conc["cancel-in-progress"] != false {
				t.Errorf("workflow %s: concurrency = %v, want cancel-in-progress false", tc.name, conc)
			}
			jobs := mapAt(t, tc.name, m, "jobs")
			if _, ok := jobs["build"]; ok != (len(tc.sp.Services) > 0) {
				t.Errorf("workflow %s: image job present = %v, want %v", tc.name, ok, len(tc.sp.Services) > 0)
			}
			job := mapAt(t, tc.name, jobs, "sites")
			if job["environment"] != environmentOf(tc.sp) {
				t.Errorf("workflow %s: sites environment = %v, want %s", tc.name, job["environment"], environmentOf(tc.sp))
			}
			include, _ := mapAt(t, tc.name, job, "strategy", "matrix")["include"].([]any)
			if len(include) != len(tc.sp.StaticSites) {
				t.Fatalf("workflow %s: matrix has %d entries, want %d", tc.name, len(include), len(tc.sp.StaticSites))
			}
			for i, st := range tc.sp.StaticSites {
				e := include[i].(map[string]any)
				for k, want := range map[string]string{
					"site": st.Name, "path": sitePath(st), "output": siteOutput(st), "build": st.BuildCommand,
					"tool":   siteTool(st.BuildCommand),
					"bucket": "${{ vars." + siteBucketVar(st) + " }}", "distribution": "${{ vars." + siteDistributionVar(st) + " }}",
				} {
					if got := fmt.Sprint(e[k]); got != want {
						t.Errorf("workflow %s: matrix[%d].%s = %q, want %q", tc.name, i, k, got, want)
					}
				}
			}
			steps, _ := job["steps"].([]any)
			uses := map[string]map[string]any{}
			var runs strings.Builder
			for _, st := range steps {
				sm := st.(map[string]any)
				if u, ok := sm["uses"].(string); ok {
					with, _ := sm["with"].(map[string]any)
					uses[u] = with
				}
				run := fmt.Sprint(sm["run"])
				runs.WriteString(run)
				if strings.Contains(run, "${{") {
					t.Errorf("workflow %s: step %v pastes an expression into its script", tc.name, sm["name"])
				}
			}
			if got := uses[actionAWSCreds]["role-to-assume"]; got != "${{ vars.AWS_ROLE_ARN }}" {
				t.Errorf("workflow %s: role-to-assume = %v, want ${{ vars.AWS_ROLE_ARN }}", tc.name, got)
			}
			tools := siteTools(tc.sp.StaticSites)
			if node := tools[toolNPM] || tools[toolYarn]; node {
				with := uses[actionSetupNode]
				if with == nil || with["node-version"] != siteNodeVersion || with["cache"] != "${{ steps.deps.outputs.cache }}" {
					t.Errorf("workflow %s: setup-node = %v, want node %s with the lockfile's cache", tc.name, with, siteNodeVersion)
				}
			} else if _, ok := uses[actionSetupNode]; ok {
				t.Errorf("workflow %s: sets up Node for sites that do not need it", tc.name)
			}
			if tools[toolHugo] && !strings.Contains(runs.String(), "sha256sum -c") {
				t.Errorf("workflow %s: Hugo is not installed at a checked version", tc.name)
			}
			for _, want := range []string{"--delete", cacheHTML, "create-invalidation", "GITHUB_STEP_SUMMARY", `"$BUCKET" ||`} {
				if !strings.Contains(runs.String(), want) {
					t.Errorf("workflow %s: sites job scripts lack %q", tc.name, want)
				}
			}
			for _, bad := range []string{"aws-access-key-id", "aws-secret-access-key", "secrets."} {
				if strings.Contains(string(b), bad) {
					t.Errorf("workflow %s: contains %q; access must be OIDC only", tc.name, bad)
				}
			}
		})
	}
}

func TestSiteErrors(t *testing.T) {
	site := func(st spec.StaticSite) *spec.Spec { return &spec.Spec{Name: "x", StaticSites: []spec.StaticSite{st}} }
	tests := []struct {
		name string
		sp   *spec.Spec
		want string
	}{
		{"bad name", site(spec.StaticSite{Name: "Web Site"}), `static site name "Web Site"`},
		{"name clash", &spec.Spec{Name: "x", Services: []spec.Service{{Name: "web"}}, StaticSites: []spec.StaticSite{{Name: "web"}}}, `static site name "web" is also used by a service`},
		{"path escapes", site(spec.StaticSite{Name: "web", Path: "../site"}), "must be relative"},
		{"output escapes", site(spec.StaticSite{Name: "web", Path: "site", BuildCommand: "npm run build", OutputDir: "../../out"}), "must be relative"},
		{"absolute output", site(spec.StaticSite{Name: "web", BuildCommand: "npm run build", OutputDir: "/var/www"}), "must be relative"},
		{"quote in path", site(spec.StaticSite{Name: "web", Path: `a"; rm -rf /`}), "must be relative"},
		{"line break", site(spec.StaticSite{Name: "web", BuildCommand: "npm run build\ncurl evil"}), "line break"},
		{"secret in build", site(spec.StaticSite{Name: "web", BuildCommand: "API_TOKEN=hunter2hunter2 npm run build"}), "sets API_TOKEN inline"},
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
			if strings.Contains(err.Error(), "hunter2hunter2") {
				t.Errorf("%s(%s): error %q repeats a secret value", r.name, tc.name, err)
			}
		}
	}
}
