package dockerrules

import (
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func copyFromUndefined() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-024",
			Title:    "COPY --from names no earlier stage",
			Severity: rule.Medium,
			Rationale: "A --from that matches no stage is taken as an image name: a typo in a stage name quietly pulls " +
				"an untagged image of that name from Docker Hub (a typosquatting target), and a stage copying from itself cannot build.",
			Remediation:   "Refer to a stage defined earlier by its AS name, or to an image by a full reference with a tag (composer:2.8).",
			FixDockerfile: "FROM golang:1.24 AS build\n...\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app",
			NIST:          []string{"CM-2", "SR-3"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for i := range d.Stages {
				s := &d.Stages[i]
				for _, c := range s.Commands {
					cp, ok := c.(*instructions.CopyCommand)
					if !ok || cp.From == "" || strings.Contains(cp.From, "$") {
						continue
					}
					if why := badFrom(d, s, cp.From); why != "" {
						out = append(out, d.finding(lineOf(cp), "COPY --from=%s %s", cp.From, why))
					}
				}
			}
			return out
		},
	}
}

// badFrom says what is wrong with a COPY --from in stage s, or returns "".
func badFrom(d *Dockerfile, s *Stage, from string) string {
	if n, err := strconv.Atoi(from); err == nil {
		if n < 0 || n >= s.Index {
			return "refers to a stage number that is not an earlier stage"
		}
		return ""
	}
	if j, ok := d.stageByRef(from); ok {
		if j == s.Index {
			return "refers to its own stage"
		}
		return ""
	}
	if !strings.ContainsAny(from, ":/@.") {
		return "names no stage of this Dockerfile, so it is pulled as an untagged image"
	}
	return ""
}
