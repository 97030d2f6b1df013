package dockerrules

import (
	"fmt"
	"strings"
	"testing"
)

// benchDockerfile builds a 200-line, multi-stage Dockerfile that touches
// most rules.
func benchDockerfile() []byte {
	var b strings.Builder
	b.WriteString("# syntax=docker/dockerfile:1\nARG BASE=node:22-bookworm-slim\n")
	for i := 0; b.Len() == 0 || strings.Count(b.String(), "\n") < 196; i++ {
		fmt.Fprintf(&b, "FROM ${BASE} AS stage%d\n", i)
		b.WriteString("WORKDIR /app\nENV NODE_ENV=production PORT=8080\n")
		b.WriteString("RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y --no-install-recommends curl ca-certificates\n")
		b.WriteString("COPY package.json package-lock.json ./\n")
		b.WriteString("RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n")
		b.WriteString("RUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt && cd /opt && chmod 755 x\n")
		b.WriteString("COPY . .\n")
		fmt.Fprintf(&b, "COPY --from=stage%d /app /prev\n", max(i-1, 0))
		b.WriteString("RUN pip install -r requirements.txt && apk add git\n")
	}
	b.WriteString("USER node\nEXPOSE 8080\nHEALTHCHECK CMD [\"node\", \"-e\", \"0\"]\nCMD [\"node\", \"server.js\"]\n")
	return []byte(b.String())
}

// BenchmarkRules parses a 200-line Dockerfile and runs every rule but
// BuildKit's (measured on its own below).
func BenchmarkRules(b *testing.B) {
	data := benchDockerfile()
	ignore := []byte(".git\nnode_modules\n")
	rules := Rules()
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse("bench.Dockerfile", data, ignore)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rules {
			if r.ID != "HOIST-DF-BUILDKIT" {
				r.Check(d)
			}
		}
	}
}

// BenchmarkRulesWithBuildKit is BenchmarkRules plus BuildKit's linter.
func BenchmarkRulesWithBuildKit(b *testing.B) {
	data := benchDockerfile()
	ignore := []byte(".git\nnode_modules\n")
	rules := Rules()
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse("bench.Dockerfile", data, ignore)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range rules {
			r.Check(d)
		}
	}
}

func TestBenchDockerfile(t *testing.T) {
	data := benchDockerfile()
	if n := strings.Count(string(data), "\n"); n < 195 || n > 215 {
		t.Errorf("bench Dockerfile: got %d lines, want about 200", n)
	}
	d, err := Parse("bench.Dockerfile", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, r := range Rules() {
		total += len(r.Check(d))
	}
	if total == 0 {
		t.Errorf("bench Dockerfile: got no findings, want the benchmark to exercise rules")
	}
}
