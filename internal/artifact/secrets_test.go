package artifact

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/detect"
	"github.com/hoist-dev/hoist/internal/spec"
)

// Fake secrets planted in inputs where a careless generator could copy them.
const (
	fakeKeyID    = "AKIAIOSFODNN7EXAMPLE"
	fakePassword = "correct-horse-battery-staple"
)

// secretLooking matches a key id, or a secret-named key given a literal
// value of 8+ characters (an interpolation like ${X:?...} is not literal).
var secretLooking = regexp.MustCompile(`(AKIA|ASIA)[0-9A-Z]{16}|(?i)(password|secret|token|api_?key)["']?\s*[:=]\s*["']?[A-Za-z0-9+/_-]{8,}`)

// TestNoSecretsInArtifacts renders every artifact from inputs that carry
// secret-looking material in the fields a generator reads, and checks that
// none of it, nor anything shaped like a secret assignment, comes out.
func TestNoSecretsInArtifacts(t *testing.T) {
	svc := with(web("api", "node", "22", "npm", 3000, "package.json", "package-lock.json"), func(s *detect.Service) {
		s.Env = []string{"AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "STRIPE_API_KEY", "GITHUB_TOKEN"}
		s.Evidence = []detect.Evidence{{Field: "env", File: ".env", Reason: "DB_PASSWORD=" + fakePassword + " AWS_ACCESS_KEY_ID=" + fakeKeyID}}
		s.BackingServices = []detect.Backing{{Kind: "postgres", Evidence: "DATABASE_URL=postgres://u:" + fakePassword + "@h/db"}}
	})
	var outputs = map[string][]byte{}
	for _, tc := range append(dockerfileCases, struct {
		name string
		svc  detect.Service
	}{"planted", svc}) {
		s := tc.svc
		s.Env = append(append([]string(nil), s.Env...), svc.Env...)
		s.Evidence = svc.Evidence
		b, err := Dockerfile(s)
		if err != nil {
			t.Fatalf("Dockerfile(%s): %v", tc.name, err)
		}
		outputs[tc.name+".Dockerfile"] = b
		outputs[tc.name+".dockerignore"] = Dockerignore(s)
		for _, name := range s.Env {
			if regexp.MustCompile(`\b` + name + `\s*=`).Match(b) {
				t.Errorf("Dockerfile(%s): sets %s, an env var from the service's list", tc.name, name)
			}
		}
	}
	cases := append(append([]struct {
		name string
		sp   *spec.Spec
	}(nil), specCases...), siteCases...)
	for _, tc := range cases {
		sp := *tc.sp
		sp.Services = append([]spec.Service(nil), sp.Services...)
		var planted []string
		if len(sp.Services) > 0 {
			sp.Services[0].Env = append(append([]string(nil), sp.Services[0].Env...), "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY")
			sp.Services[0].Secrets = append(append([]string(nil), sp.Services[0].Secrets...), "JWT_SIGNING_KEY")
			planted = sp.Services[0].Env
		}
		// A site's build command may read a secret-named variable from the
		// environment; it must come out as a reference, never a value.
		sp.StaticSites = append([]spec.StaticSite(nil), sp.StaticSites...)
		for i := range sp.StaticSites {
			if sp.StaticSites[i].BuildCommand != "" {
				sp.StaticSites[i].BuildCommand = "SENTRY_AUTH_TOKEN=$SENTRY_AUTH_TOKEN " + sp.StaticSites[i].BuildCommand
			}
		}
		for _, r := range renderers {
			b, err := r.fn(&sp)
			if err != nil {
				t.Fatalf("%s(%s): %v", r.name, tc.name, err)
			}
			outputs[tc.name+"/"+r.file] = b
			for _, name := range planted {
				if strings.HasSuffix(name, "_URL") {
					continue // compose sets connection URLs to local containers, built from ${...:?} interpolation
				}
				if strings.Contains(string(b), name+"=") || strings.Contains(string(b), name+": ") {
					t.Errorf("%s(%s): gives %s a value", r.name, tc.name, name)
				}
			}
		}
	}
	for name, b := range outputs {
		text := string(b)
		for _, v := range []string{fakeKeyID, fakePassword} {
			if strings.Contains(text, v) {
				t.Errorf("%s: contains the planted secret %q", name, v)
			}
		}
		for _, m := range secretLooking.FindAllString(text, -1) {
			t.Errorf("%s: contains a secret-looking assignment %q", name, m)
		}
	}
}
