package dockerrules

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// Dockerfile is one parsed Dockerfile with its .dockerignore, the input of
// every rule. Build it with Parse.
type Dockerfile struct {
	// File names the Dockerfile in findings and errors.
	File string
	// Source is the file as given.
	Source []byte
	// AST is BuildKit's syntax tree of the file.
	AST *parser.Node
	// MetaArgs are the ARG instructions before the first FROM.
	MetaArgs []instructions.ArgCommand
	// Stages are the build stages in file order; the last one is the image
	// `docker build` produces without --target.
	Stages []Stage
	// Lines are the file's lines, without line ends.
	Lines []string
	// HasDockerignore is true when a .dockerignore was given (even empty).
	HasDockerignore bool
	// Dockerignore holds the .dockerignore patterns in file order, comments
	// and blank lines removed, each trimmed ("!" re-includes kept).
	Dockerignore []string

	escape rune
	runs   []*run
}

// Stage is one build stage: BuildKit's parsed stage plus what the rules
// need to find their way around it.
type Stage struct {
	instructions.Stage
	// Index is the stage's 0-based position.
	Index int
	// Line is the 1-based line of the stage's FROM.
	Line int
	// Base is BaseName with build arguments from the meta ARGs expanded
	// (their defaults); "" when a variable has no default.
	Base string
	// Parent is the index of the earlier stage this one is built FROM, or
	// -1 when it starts from an image (or scratch).
	Parent int
}

// Parse reads a Dockerfile, and its .dockerignore when dockerignore is not
// nil. A file BuildKit cannot parse is an error naming file:line.
func Parse(file string, data []byte, dockerignore []byte) (d *Dockerfile, err error) {
	defer func() {
		// BuildKit is third-party code fed untrusted input; a panic in it
		// becomes an error.
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("%s: dockerfile parser failed: %v", file, r)
		}
	}()
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: the Dockerfile is empty", file)
	}
	res, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, locate(file, 0, err)
	}
	d = &Dockerfile{
		File:   file,
		Source: data,
		AST:    res.AST,
		Lines:  splitLines(data),
		escape: res.EscapeToken,
	}
	if d.escape == 0 {
		d.escape = '\\'
	}
	// A linter that never warns: rule warnings are the linter's business
	// (BuildKitLint), here we only want the parsed instructions.
	quiet := linter.New(&linter.Config{})
	for _, n := range res.AST.Children {
		v, err := instructions.ParseInstructionWithLinter(n, quiet)
		if err != nil {
			return nil, locate(file, n.StartLine, err)
		}
		switch c := v.(type) {
		case *instructions.Stage:
			s := Stage{Stage: *c, Index: len(d.Stages), Line: n.StartLine, Parent: -1}
			d.Stages = append(d.Stages, s)
		case *instructions.ArgCommand:
			if len(d.Stages) == 0 {
				d.MetaArgs = append(d.MetaArgs, *c)
				continue
			}
			d.Stages[len(d.Stages)-1].AddCommand(c)
		case instructions.Command:
			if len(d.Stages) == 0 {
				return nil, fmt.Errorf("%s:%d: %s before the first FROM", file, n.StartLine, strings.ToUpper(n.Value))
			}
			d.Stages[len(d.Stages)-1].AddCommand(c)
		default:
			return nil, fmt.Errorf("%s:%d: unexpected instruction %s", file, n.StartLine, strings.ToUpper(n.Value))
		}
	}
	if len(d.Stages) == 0 {
		return nil, fmt.Errorf("%s:1: no FROM instruction", file)
	}
	d.resolveStages()
	if dockerignore != nil {
		d.HasDockerignore = true
		d.Dockerignore = parseDockerignore(dockerignore)
	}
	d.runs = d.analyzeRuns()
	return d, nil
}

// locate turns a BuildKit error into "file:line: message".
func locate(file string, line int, err error) error {
	var le *parser.LocationError
	if errors.As(err, &le) && len(le.Locations) > 0 && len(le.Locations[0]) > 0 && le.Locations[0][0].Start.Line > 0 {
		line = le.Locations[0][0].Start.Line
	}
	msg := err.Error()
	// instructions wraps its errors as "dockerfile parse error on line N: ...".
	if i := strings.Index(msg, "dockerfile parse error on line "); i >= 0 {
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			msg = msg[i+j+2:]
		}
	}
	if line > 0 {
		return fmt.Errorf("%s:%d: %s", file, line, msg)
	}
	return fmt.Errorf("%s: %s", file, msg)
}

func splitLines(data []byte) []string {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	return strings.Split(s, "\n")
}

// resolveStages expands FROM arguments and links stages to their parents.
func (d *Dockerfile) resolveStages() {
	var env []string
	for _, a := range d.MetaArgs {
		for _, kv := range a.Args {
			if kv.Value != nil {
				env = append(env, kv.Key+"="+*kv.Value)
			}
		}
	}
	lex := shell.NewLex(d.escape)
	getter := shell.EnvsFromSlice(env)
	for i := range d.Stages {
		s := &d.Stages[i]
		s.Base = s.BaseName
		if strings.Contains(s.BaseName, "$") {
			res, err := lex.ProcessWordWithMatches(s.BaseName, getter)
			if err != nil || len(res.Unmatched) > 0 {
				s.Base = ""
			} else {
				s.Base = res.Result
			}
		}
		for j := 0; j < i; j++ {
			if d.Stages[j].Name != "" && strings.EqualFold(d.Stages[j].Name, s.Base) {
				s.Parent = j
			}
		}
	}
}

// Final is the last stage, the image a plain `docker build` produces.
func (d *Dockerfile) Final() *Stage {
	return &d.Stages[len(d.Stages)-1]
}

// chain returns s and the stages it is built FROM, nearest first.
func (d *Dockerfile) chain(s *Stage) []*Stage {
	out := []*Stage{s}
	for s.Parent >= 0 && len(out) <= len(d.Stages) {
		s = &d.Stages[s.Parent]
		out = append(out, s)
	}
	return out
}

// stageByRef finds an earlier-or-any stage by name or index as COPY --from
// and RUN --mount from= use them; ok is false when ref names no stage.
func (d *Dockerfile) stageByRef(ref string) (int, bool) {
	for i, s := range d.Stages {
		if s.Name != "" && strings.EqualFold(s.Name, ref) {
			return i, true
		}
	}
	return -1, false
}

// finding places a message at the start of line.
func (d *Dockerfile) finding(line int, format string, args ...any) Finding {
	col := 1
	if line >= 1 && line <= len(d.Lines) {
		l := d.Lines[line-1]
		col = len(l) - len(strings.TrimLeft(l, " \t")) + 1
	}
	return Finding{Message: fmt.Sprintf(format, args...), Line: line, Column: col}
}

// lineOf is the 1-based line an instruction starts on.
func lineOf(c instructions.Command) int {
	if loc := c.Location(); len(loc) > 0 {
		return loc[0].Start.Line
	}
	return 0
}
