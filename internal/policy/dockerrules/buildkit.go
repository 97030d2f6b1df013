package dockerrules

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/hoist-dev/hoist/internal/dockerlint"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// coveredByHoist lists BuildKit lint rules that a Hoist rule already
// reports (with more context); HOIST-DF-BUILDKIT leaves them out so a
// problem is reported once.
var coveredByHoist = []struct{ buildKit, hoist string }{
	{"JSONArgsRecommended", "HOIST-DF-008"},
	{"MaintainerDeprecated", "HOIST-DF-025"},
	{"MultipleInstructionsDisallowed", "HOIST-DF-009"},
	{"SecretsUsedInArgOrEnv", "HOIST-DF-005"},
	{"WorkdirRelativePath", "HOIST-DF-020"},
}

func buildKitRule() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-BUILDKIT",
			Title:    "BuildKit's own Dockerfile checks",
			Severity: rule.Low,
			Rationale: "BuildKit, the engine behind docker build, checks Dockerfiles for mistakes it can see while " +
				"converting them (undefined variables, inconsistent casing, stage name clashes, invalid base platforms). " +
				"Hoist runs the same checks offline so they show up before the build does.",
			Remediation:   "Follow the message; each names the BuildKit rule, documented at https://docs.docker.com/reference/build-checks/.",
			FixDockerfile: "FROM node:22-bookworm-slim AS build\nENV APP_HOME=/app\nWORKDIR $APP_HOME",
			NIST:          []string{"CM-6"},
		},
		Check: func(d *Dockerfile) []Finding {
			fs, err := BuildKitLint(d)
			if err != nil {
				line := 1
				if m := errLine.FindStringSubmatch(err.Error()); m != nil {
					line, _ = strconv.Atoi(m[1])
				}
				return []Finding{d.finding(line, "BuildKit cannot convert the Dockerfile: %v", err)}
			}
			var out []Finding
			for _, f := range fs {
				if !covered(f.Message) {
					out = append(out, f)
				}
			}
			return out
		},
	}
}

var errLine = regexp.MustCompile(`:(\d+): `)

func covered(msg string) bool {
	for _, c := range coveredByHoist {
		if len(msg) > len(c.buildKit) && msg[:len(c.buildKit)+1] == c.buildKit+":" {
			return true
		}
	}
	return false
}

// BuildKitLint runs BuildKit's own linter (through internal/dockerlint,
// offline) over d and returns every warning as a finding whose message
// starts with the BuildKit rule name ("JSONArgsRecommended: ..."). The
// HOIST-DF-BUILDKIT rule reports these minus the ones a Hoist rule
// already covers. A Dockerfile BuildKit cannot convert is an error.
func BuildKitLint(d *Dockerfile) ([]Finding, error) {
	ws, err := dockerlint.Lint(d.File, d.Source)
	if err != nil {
		return nil, err
	}
	out := make([]Finding, 0, len(ws))
	for _, w := range ws {
		line := w.Line
		if line < 1 {
			line = 1
		}
		out = append(out, d.finding(line, "%s", fmt.Sprintf("%s: %s", w.Rule, w.Message)))
	}
	return out, nil
}
