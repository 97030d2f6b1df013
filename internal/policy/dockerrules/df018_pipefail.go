package dockerrules

import (
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

func pipeWithoutPipefail() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-018",
			Title:    "Pipe in RUN without pipefail",
			Severity: rule.Low,
			Rationale: "A shell pipeline's status is that of its last command: in curl https://x | tar -x a failed " +
				"download still lets the step succeed, and the image is built with a missing or truncated file.",
			Remediation:   "Set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before the RUN (images with bash), or start the script with set -o pipefail where the shell supports it.",
			FixDockerfile: "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin",
			NIST:          []string{"SI-7"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, r := range d.runs {
				if f, ok := unsafePipe(d, r); ok {
					out = append(out, f)
				}
			}
			return out
		},
	}
}

// harmlessProducers cannot fail in a way that matters at the head of a pipe.
var harmlessProducers = map[string]bool{"echo": true, "printf": true, "yes": true, "true": true}

func unsafePipe(d *Dockerfile, r *run) (Finding, bool) {
	for _, c := range r.cmds {
		if !c.pipeOut || harmlessProducers[c.name()] {
			continue
		}
		if c.pipefail || (r.shellPipefail && r.shellForm) {
			continue
		}
		return d.finding(r.line, "the pipe after %s hides its failure; set -o pipefail (SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"])", c.name()), true
	}
	return Finding{}, false
}
