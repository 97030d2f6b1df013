package dockerrules

import (
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func exposeInvalidPort() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-022",
			Title:    "EXPOSE with an invalid port",
			Severity: rule.Low,
			Rationale: "EXPOSE takes a container port from 1 to 65535 and an optional /tcp, /udp or /sctp. Anything " +
				"else (a host:container mapping, port 0, a typo) fails the build or documents a port the service does not use.",
			Remediation:   "Expose the container port only, as a number; publish host ports at run time.",
			FixDockerfile: "EXPOSE 8080",
			NIST:          []string{"CM-7"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					e, ok := c.(*instructions.ExposeCommand)
					if !ok {
						continue
					}
					for _, p := range e.Ports {
						if why := badPort(p); why != "" {
							out = append(out, d.finding(lineOf(e), "EXPOSE %s: %s", p, why))
						}
					}
				}
			}
			return out
		},
	}
}

// badPort says what is wrong with an EXPOSE entry, or returns "".
func badPort(p string) string {
	if strings.Contains(p, "$") {
		return ""
	}
	ports, proto, hasProto := strings.Cut(p, "/")
	if hasProto {
		switch strings.ToLower(proto) {
		case "tcp", "udp", "sctp":
		default:
			return "protocol must be tcp, udp or sctp"
		}
	}
	if strings.Contains(ports, ":") {
		return "host port mappings do not belong in a Dockerfile"
	}
	lo, hi, isRange := strings.Cut(ports, "-")
	for _, n := range []string{lo, hi} {
		if n == "" && !isRange {
			continue
		}
		v, err := strconv.Atoi(n)
		if err != nil {
			return "not a port number"
		}
		if v < 1 || v > 65535 {
			return "port out of range 1-65535"
		}
	}
	if isRange {
		a, _ := strconv.Atoi(lo)
		b, _ := strconv.Atoi(hi)
		if a > b {
			return "range runs backwards"
		}
	}
	return ""
}
