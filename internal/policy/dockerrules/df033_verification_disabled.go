package dockerrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
)

func verificationDisabled() Rule {
	return Rule{
		Meta: rule.Meta{
			ID:       "HOIST-DF-033",
			Title:    "TLS or package signature verification turned off",
			Severity: rule.High,
			Rationale: "curl -k, wget --no-check-certificate, apt --allow-unauthenticated, apk --allow-untrusted, pip " +
				"--trusted-host, dnf --nogpgcheck and NODE_TLS_REJECT_UNAUTHORIZED=0 accept whatever a network attacker or " +
				"compromised mirror serves; the result is built into the image.",
			Remediation:   "Remove the flag or variable and fix the trust problem instead: install ca-certificates, add the repository's signing key, or use an internal mirror with a valid certificate.",
			FixDockerfile: "RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz",
			NIST:          []string{"SI-7", "SC-8", "SR-11"},
			CIS:           []string{"4.11"},
		},
		Check: func(d *Dockerfile) []Finding {
			var out []Finding
			for _, s := range d.Stages {
				for _, c := range s.Commands {
					e, ok := c.(*instructions.EnvCommand)
					if !ok {
						continue
					}
					for _, kv := range e.Env {
						if why := insecureEnv(kv.Key, kv.Value); why != "" {
							out = append(out, d.finding(lineOf(e), "ENV %s=%s %s", kv.Key, kv.Value, why))
						}
					}
				}
			}
			for _, r := range d.runs {
				if why := insecureRun(r); why != "" {
					out = append(out, d.finding(r.line, "%s", why))
				}
			}
			sortFindings(out)
			return out
		},
	}
}

// insecureEnv says how a variable turns verification off, or returns "".
func insecureEnv(k, v string) string {
	switch strings.ToUpper(k) {
	case "NODE_TLS_REJECT_UNAUTHORIZED":
		if v == "0" {
			return "turns off TLS certificate checks in Node.js"
		}
	case "GIT_SSL_NO_VERIFY":
		if v != "" && v != "0" && !strings.EqualFold(v, "false") {
			return "turns off TLS certificate checks in git"
		}
	case "PYTHONHTTPSVERIFY":
		if v == "0" {
			return "turns off TLS certificate checks in Python"
		}
	case "NPM_CONFIG_STRICT_SSL", "YARN_STRICT_SSL":
		if strings.EqualFold(v, "false") || v == "0" {
			return "turns off TLS certificate checks in the package manager"
		}
	}
	return ""
}

// insecureRun describes the first verification bypass in r, or "".
func insecureRun(r *run) string {
	for _, c := range r.cmds {
		for k, v := range c.env {
			if why := insecureEnv(k, v); why != "" {
				return k + "=" + v + " " + why
			}
		}
		args := c.args()
		joined := strings.Join(args, " ")
		switch n := c.name(); n {
		case "curl":
			if hasFlag(args, "-k", "--insecure") {
				return "curl -k accepts any TLS certificate"
			}
		case "wget":
			if hasFlag(args, "--no-check-certificate") {
				return "wget --no-check-certificate accepts any TLS certificate"
			}
		case "apt-get", "apt":
			if hasFlag(args, "--allow-unauthenticated", "--force-yes", "--allow-insecure-repositories") || strings.Contains(joined, "AllowUnauthenticated") || strings.Contains(joined, "AllowInsecureRepositories") {
				return n + " installs unauthenticated packages"
			}
		case "apk":
			if hasFlag(args, "--allow-untrusted") {
				return "apk --allow-untrusted installs unsigned packages"
			}
		case "dnf", "yum", "microdnf", "rpm", "tdnf":
			if hasFlag(args, "--nogpgcheck", "--nosignature", "--nodigest") || strings.Contains(strings.ToLower(joined), "sslverify=false") || strings.Contains(strings.ToLower(joined), "gpgcheck=0") {
				return n + " skips package signature checks"
			}
		case "git":
			if strings.Contains(strings.ToLower(joined), "sslverify=false") || strings.Contains(strings.ToLower(joined), "http.sslverify false") {
				return "git turns off TLS certificate checks"
			}
		case "npm", "yarn", "pnpm":
			if strings.Contains(joined, "strict-ssl false") || strings.Contains(joined, "strict-ssl=false") || strings.Contains(joined, "strictSsl false") {
				return n + " turns off TLS certificate checks"
			}
		case "echo", "printf", "tee":
			if strings.Contains(joined, "trusted=yes") {
				return "an apt source marked [trusted=yes] skips signature checks"
			}
		}
		if a, ok := pipWords(c); ok && hasFlag(a, "--trusted-host") {
			return "pip --trusted-host accepts any TLS certificate from that host"
		}
	}
	return ""
}
