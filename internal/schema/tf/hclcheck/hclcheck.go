// Package hclcheck checks a Terraform configuration written in HCL against
// the embedded AWS provider schema of package tf: syntax, resource and data
// source bodies (unknown types and arguments, missing required ones, blocks
// written as arguments and back, too many blocks, computed-only attributes
// set), and references (var, local, module, data and resource addresses
// that point at nothing, attributes a type does not have), each with its
// file, line and column and, where one is close, a "did you mean".
//
// It checks files it is given and reads nothing else: the caller finds the
// files, decides what a module's source folder holds, and turns Problems
// into its own findings. It never prints or touches the network.
package hclcheck

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hoist-dev/hoist/internal/schema/tf"
)

// Kind classifies a Problem. Schema problems carry the tf.ProblemKind of
// the checker (tf.UnknownArgument, tf.MissingRequired, ...); the others
// are below.
type Kind = tf.ProblemKind

// Kinds of problems besides the schema checker's.
const (
	// Syntax is an HCL syntax error.
	Syntax Kind = "syntax"
	// Undeclared is a reference to a variable, local, module, data source
	// or resource that no block declares.
	Undeclared Kind = "undeclared_reference"
	// BadAttribute is a reference to an attribute the resource or data
	// source type (or a local module's outputs) does not have.
	BadAttribute Kind = "bad_attribute"
	// UnknownModuleInput is a module argument the module declares no
	// variable for.
	UnknownModuleInput Kind = "unknown_module_input"
	// MissingModuleInput is a module variable without a default that the
	// module block does not set.
	MissingModuleInput Kind = "missing_module_input"
)

// Problem is something wrong in a Terraform configuration, with where.
type Problem struct {
	Kind    Kind
	File    string
	Line    int
	Column  int
	Message string
	// Suggestion is the closest valid name, or "".
	Suggestion string
}

func (p Problem) String() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Column, p.Message)
	case p.File != "":
		return p.File + ": " + p.Message
	}
	return p.Message
}

func problemAt(kind Kind, r hcl.Range, suggestion, format string, args ...any) Problem {
	msg := fmt.Sprintf(format, args...)
	if suggestion != "" {
		msg += fmt.Sprintf("; did you mean %q?", suggestion)
	}
	return Problem{Kind: kind, File: r.Filename, Line: r.Start.Line, Column: r.Start.Column, Message: msg, Suggestion: suggestion}
}

// Config is one Terraform configuration (the .tf files of one folder),
// parsed.
type Config struct {
	names  []string
	bodies map[string]*hclsyntax.Body
	// ModuleInterfaces are the variables and outputs of the local modules
	// the configuration calls, by module block name. A module that is
	// not here (a remote source) is not checked beyond being declared.
	ModuleInterfaces map[string]Interface
}

// Interface is what a module offers its callers.
type Interface struct {
	// Variables are the module's input variables, with whether each has
	// a default.
	Variables map[string]bool
	Outputs   []string
}

// ModuleCall is one module block.
type ModuleCall struct {
	Name   string
	Source string // "" when missing or not a literal string
	Range  hcl.Range
}

// Parse parses every file (name -> contents) of a configuration; syntax
// errors become Syntax problems and the files that parsed are kept.
func Parse(files map[string][]byte) (*Config, []Problem) {
	c := &Config{bodies: map[string]*hclsyntax.Body{}}
	var probs []Problem
	for name := range files {
		c.names = append(c.names, name)
	}
	sort.Strings(c.names)
	for _, name := range c.names {
		f, diags := hclsyntax.ParseConfig(files[name], name, hcl.InitialPos)
		for _, d := range diags {
			if d.Severity != hcl.DiagError {
				continue
			}
			r := hcl.Range{Filename: name}
			if d.Subject != nil {
				r = *d.Subject
			}
			probs = append(probs, problemAt(Syntax, r, "", "%s", lowerFirst(d.Summary)+detail(d.Detail)))
		}
		if f == nil {
			continue
		}
		if body, ok := f.Body.(*hclsyntax.Body); ok {
			c.bodies[name] = body
		}
	}
	return c, probs
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func detail(d string) string {
	if d == "" {
		return ""
	}
	return ": " + d
}

// blocks lists the top-level blocks of every file, files in name order.
func (c *Config) blocks() []*hclsyntax.Block {
	var out []*hclsyntax.Block
	for _, name := range c.names {
		if body := c.bodies[name]; body != nil {
			out = append(out, body.Blocks...)
		}
	}
	return out
}

// Modules lists the module blocks in file and source order.
func (c *Config) Modules() []ModuleCall {
	var out []ModuleCall
	for _, b := range c.blocks() {
		if b.Type != "module" || len(b.Labels) != 1 {
			continue
		}
		m := ModuleCall{Name: b.Labels[0], Range: b.TypeRange}
		if a, ok := b.Body.Attributes["source"]; ok {
			if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type().FriendlyName() == "string" && v.IsKnown() && !v.IsNull() {
				m.Source = v.AsString()
			}
		}
		out = append(out, m)
	}
	return out
}

// Interface returns the variables and outputs the configuration declares,
// as a module of another.
func (c *Config) Interface() Interface {
	in := Interface{Variables: map[string]bool{}}
	for _, b := range c.blocks() {
		if len(b.Labels) != 1 {
			continue
		}
		switch b.Type {
		case "variable":
			_, hasDefault := b.Body.Attributes["default"]
			in.Variables[b.Labels[0]] = hasDefault
		case "output":
			in.Outputs = append(in.Outputs, b.Labels[0])
		}
	}
	sort.Strings(in.Outputs)
	return in
}

// Check parses a configuration and reports every problem: syntax, schema
// and references, sorted by position.
func Check(files map[string][]byte) []Problem {
	c, probs := Parse(files)
	probs = append(probs, c.Schema()...)
	probs = append(probs, c.References()...)
	Sort(probs)
	return probs
}

// CheckReferences parses a configuration (file name -> contents) and
// reports syntax errors and reference problems.
func CheckReferences(files map[string][]byte) []Problem {
	c, probs := Parse(files)
	probs = append(probs, c.References()...)
	Sort(probs)
	return probs
}

// CheckSchema parses a configuration and reports syntax errors and schema
// problems.
func CheckSchema(files map[string][]byte) []Problem {
	c, probs := Parse(files)
	probs = append(probs, c.Schema()...)
	Sort(probs)
	return probs
}

// Sort orders problems by file, line and column, keeping the order of
// problems at the same place.
func Sort(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
}
