package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func shellFormCmd() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-008",
			Title:    "CMD or ENTRYPOINT in shell form",
			Severity: rule.Low,
			Rationale: "The shell form runs the command under /bin/sh -c, so the shell is PID 1 and does not pass on " +
				"SIGTERM: ECS stops the task, the application never hears it, and it is killed 30 seconds later without a clean shutdown.",
			Remediation:   "Write CMD and ENTRYPOINT as JSON arrays (exec form); if you need the shell, end the script with exec.",
			FixDockerfile: `CMD ["node", "server.js"]`,
			NIST:          []string{"CP-10"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					switch c := c.(type) {
					case *instructions.CmdCommand:
						if c.PrependShell && len(c.CmdLine) > 0 {
							out = append(out, d.finding(lineOf(c), "CMD is in shell form, so signals go to /bin/sh instead of the process"))
						}
					case *instructions.EntrypointCommand:
						if c.PrependShell && len(c.CmdLine) > 0 {
							out = append(out, d.finding(lineOf(c), "ENTRYPOINT is in shell form, so signals go to /bin/sh instead of the process"))
						}
					}
				}
			}
			return out
		},
	}
}
