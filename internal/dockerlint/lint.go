// Package dockerlint parses a Dockerfile with BuildKit's own parser and runs
// BuildKit's linter over it in-process, offline: the checks `docker build`
// applies, with line numbers. Base images are never resolved: a stub
// resolver answers for them. It is its own package because BuildKit's
// front end brings a large dependency tree; commands that do not lint do
// not pay for it at start-up.
package dockerlint

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/solver/pb"
	digest "github.com/opencontainers/go-digest"
)

// Warning is one finding of BuildKit's Dockerfile linter.
type Warning struct {
	// Rule is BuildKit's rule name, e.g. "JSONArgsRecommended".
	Rule string `json:"rule"`
	// Message is the rule's detail for this occurrence.
	Message string `json:"message"`
	// URL documents the rule.
	URL string `json:"url,omitempty"`
	// Line is the 1-based line the finding starts on (0 when BuildKit gave
	// no location).
	Line int `json:"line"`
}

func (w Warning) String() string {
	return fmt.Sprintf("%d: %s: %s", w.Line, w.Rule, w.Message)
}

// Lint parses a Dockerfile with BuildKit and returns BuildKit's lint
// warnings, sorted by line then rule. name is used in error messages.
//
// It runs the full check that `docker build --check` runs
// (dockerfile2llb.DockerfileLint), so rules evaluated during conversion
// (UndefinedVar, InvalidDefaultArgInFrom, SecretsUsedInArgOrEnv, ...) apply
// as well as the parse-time ones, plus the experimental rules. Base images
// are "resolved" by a stub that answers from memory, so nothing goes to the
// network; the stub's images carry only PATH in their environment, so a
// Dockerfile that reads another variable defined by its base image (say
// $JAVA_HOME) is reported as UndefinedVar here. A `# check=` directive in
// the file is honoured, as BuildKit does. CopyIgnoredFile needs the build
// context's .dockerignore and is not evaluated.
//
// A Dockerfile BuildKit cannot parse or convert is an error naming the line.
func Lint(name string, dockerfile []byte) (warnings []Warning, err error) {
	defer func() {
		// BuildKit is third-party code fed untrusted input: a panic in it is
		// reported as a lint error, never allowed to crash the caller.
		if r := recover(); r != nil {
			warnings, err = nil, fmt.Errorf("%s: dockerfile linter failed: %v", name, r)
		}
	}()
	if len(bytes.TrimSpace(dockerfile)) == 0 {
		return nil, fmt.Errorf("%s: the Dockerfile is empty", name)
	}
	ctx := context.Background()

	// The lint results want a source map whose definition marshals; a
	// scratch state holding the file is enough and never leaves the process.
	st := llb.Scratch().File(llb.Mkfile("/Dockerfile", 0o644, dockerfile))
	def, err := st.Marshal(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sm := llb.NewSourceMap(&st, name, "Dockerfile", dockerfile)
	sm.Definition = def

	res, err := dockerfile2llb.DockerfileLint(ctx, dockerfile, dockerfile2llb.ConvertOpt{
		SourceMap:    sm,
		MetaResolver: stubResolver{},
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if res.Error != nil {
		if line := firstLine(&res.Error.Location); line > 0 {
			return nil, fmt.Errorf("%s:%d: %s", name, line, res.Error.Message)
		}
		return nil, fmt.Errorf("%s: %s", name, res.Error.Message)
	}
	for _, w := range res.Warnings {
		warnings = append(warnings, Warning{Rule: w.RuleName, Message: w.Detail, URL: w.URL, Line: firstLine(w.Location)})
	}

	// DockerfileLint leaves experimental rules off unless the file opts in;
	// run only those, on the parse-time pass.
	ast, err := parser.Parse(bytes.NewReader(dockerfile))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	exp := linter.New(&linter.Config{ExperimentalAll: true, SkipAll: true, Warn: func(rule, _, url, msg string, loc []parser.Range) {
		line := 0
		if len(loc) > 0 {
			line = loc[0].Start.Line
		}
		warnings = append(warnings, Warning{Rule: rule, Message: msg, URL: url, Line: line})
	}})
	if _, _, err := instructions.Parse(ast.AST, exp); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}

	sort.SliceStable(warnings, func(i, j int) bool {
		if warnings[i].Line != warnings[j].Line {
			return warnings[i].Line < warnings[j].Line
		}
		if warnings[i].Rule != warnings[j].Rule {
			return warnings[i].Rule < warnings[j].Rule
		}
		return warnings[i].Message < warnings[j].Message
	})
	return warnings, nil
}

func firstLine(loc *pb.Location) int {
	r := loc.GetRanges()
	if len(r) == 0 || r[0].GetStart() == nil {
		return 0
	}
	return int(r[0].GetStart().GetLine())
}

// stubResolver answers BuildKit's base-image lookups from memory: an image
// for the requested platform whose only environment variable is PATH.
type stubResolver struct{}

func (stubResolver) ResolveImageConfig(_ context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	os, arch, variant := "linux", runtime.GOARCH, ""
	if opt.ImageOpt != nil && opt.ImageOpt.Platform != nil {
		os, arch, variant = opt.ImageOpt.Platform.OS, opt.ImageOpt.Platform.Architecture, opt.ImageOpt.Platform.Variant
	}
	cfg := map[string]any{
		"os":           os,
		"architecture": arch,
		"config":       map[string]any{"Env": []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}},
		// One layer, so that BuildKit does not treat the image as scratch.
		"rootfs": map[string]any{"type": "layers", "diff_ids": []string{"sha256:" + fmt.Sprintf("%064x", 0)}},
	}
	if variant != "" {
		cfg["variant"] = variant
	}
	dt, err := json.Marshal(cfg)
	return ref, "", dt, err
}
