package validate

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hoist-dev/hoist/internal/schema/tf"
	"github.com/hoist-dev/hoist/internal/schema/tf/hclcheck"
)

// Rules of Terraform findings.
const (
	RuleTFParse             = "tf-parse"
	RuleTFUnknownType       = "tf-unknown-type"
	RuleTFUnknownArgument   = "tf-unknown-argument"
	RuleTFMissingRequired   = "tf-missing-required"
	RuleTFBlockVsAttribute  = "tf-block-vs-attribute"
	RuleTFTooManyBlocks     = "tf-too-many-blocks"
	RuleTFComputedOnly      = "tf-computed-only"
	RuleTFUndeclaredRef     = "tf-undeclared-reference"
	RuleTFBadAttribute      = "tf-bad-attribute"
	RuleTFModuleSource      = "tf-module-source"
	RuleTFRemoteModule      = "tf-remote-module"
	terraformExt            = ".tf"
	maxModuleDepth          = 16
	remoteModuleDescription = "it is not downloaded or validated"
)

var tfRules = map[hclcheck.Kind]string{
	hclcheck.Syntax:             RuleTFParse,
	tf.UnknownResourceType:      RuleTFUnknownType,
	tf.UnknownArgument:          RuleTFUnknownArgument,
	tf.UnknownBlock:             RuleTFUnknownArgument,
	hclcheck.UnknownModuleInput: RuleTFUnknownArgument,
	tf.MissingRequired:          RuleTFMissingRequired,
	hclcheck.MissingModuleInput: RuleTFMissingRequired,
	tf.BlockAsAttribute:         RuleTFBlockVsAttribute,
	tf.AttributeAsBlock:         RuleTFBlockVsAttribute,
	tf.TooManyBlocks:            RuleTFTooManyBlocks,
	tf.ReadOnlyAttribute:        RuleTFComputedOnly,
	hclcheck.Undeclared:         RuleTFUndeclaredRef,
	hclcheck.BadAttribute:       RuleTFBadAttribute,
}

type terraform struct{}

func (terraform) Name() string { return "terraform" }

// Detect is Sure of every .tf file.
func (terraform) Detect(name string, _ []byte) Match {
	if strings.EqualFold(filepath.Ext(name), terraformExt) {
		return Sure
	}
	return No
}

// Validate checks the .tf files of one folder as one configuration.
func (terraform) Validate(files []File, opts Options) []Finding {
	v := &tfValidator{seen: map[string]bool{}}
	if len(files) > 0 {
		v.seen[absDir(filepath.Dir(files[0].Path))] = true
	}
	v.config(files, 0)
	return v.findings
}

// Terraform validates the .tf files of one folder (path -> contents) as
// one configuration: HCL syntax; AWS resource and data source bodies
// against the embedded provider schema; references; and calls of local
// modules, whose folders are read and validated too. A module with a
// remote source is noted and skipped. Findings are sorted.
func Terraform(files []File, opts Options) []Finding {
	f := terraform{}.Validate(files, opts)
	Sort(f)
	return f
}

type tfValidator struct {
	seen     map[string]bool // module folders already validated
	findings []Finding
}

// config validates one configuration and returns its interface, as a
// module of its caller.
func (v *tfValidator) config(files []File, depth int) hclcheck.Interface {
	src := map[string][]byte{}
	for _, f := range files {
		src[f.Path] = f.Data
	}
	c, probs := hclcheck.Parse(src)
	c.ModuleInterfaces = map[string]hclcheck.Interface{}
	dir := "."
	if len(files) > 0 {
		dir = filepath.Dir(files[0].Path)
	}
	for _, m := range c.Modules() {
		switch {
		case m.Source == "":
			// A missing source is the schema's to report; a computed one
			// cannot be followed.
		case !isLocalSource(m.Source):
			v.add(SeverityInfo, RuleTFRemoteModule, m.Range.Filename, m.Range.Start.Line, m.Range.Start.Column,
				"module."+m.Name+": source \""+m.Source+"\" is not a local folder; "+remoteModuleDescription)
		default:
			modDir := filepath.Join(dir, filepath.FromSlash(m.Source))
			modFiles, err := readTerraformDir(modDir)
			if err != nil || len(modFiles) == 0 {
				msg := "module." + m.Name + ": source folder \"" + m.Source + "\" has no .tf files"
				if err != nil {
					msg = "module." + m.Name + ": cannot read source folder \"" + m.Source + "\": " + errText(err)
				}
				v.add(SeverityError, RuleTFModuleSource, m.Range.Filename, m.Range.Start.Line, m.Range.Start.Column, msg)
				continue
			}
			key := absDir(modDir)
			if v.seen[key] || depth >= maxModuleDepth {
				// Already validated (or a cycle): read its interface only.
				mc, _ := hclcheck.Parse(filesMap(modFiles))
				c.ModuleInterfaces[m.Name] = mc.Interface()
				continue
			}
			v.seen[key] = true
			c.ModuleInterfaces[m.Name] = v.config(modFiles, depth+1)
		}
	}
	probs = append(probs, c.Schema()...)
	probs = append(probs, c.References()...)
	for _, p := range probs {
		rule := tfRules[p.Kind]
		if rule == "" {
			rule = RuleTFUnknownArgument
		}
		v.add(SeverityError, rule, p.File, p.Line, p.Column, p.Message)
	}
	return c.Interface()
}

func (v *tfValidator) add(sev, rule, file string, line, col int, msg string) {
	v.findings = append(v.findings, Finding{Severity: sev, Rule: rule, File: file, Line: line, Column: col, Message: msg})
}

// isLocalSource reports whether a module source is a path, which
// Terraform reads in place rather than downloading.
func isLocalSource(s string) bool {
	return strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") || s == "." || s == ".."
}

// readTerraformDir reads the .tf files of one folder, not its subfolders,
// sorted by name.
func readTerraformDir(dir string) ([]File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []File
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.EqualFold(filepath.Ext(e.Name()), terraformExt) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: p, Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

func filesMap(files []File) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

func absDir(dir string) string {
	if a, err := filepath.Abs(dir); err == nil {
		return a
	}
	return filepath.Clean(dir)
}

// errText is an error's message without the path the caller already
// names.
func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// Folder returns the .tf files of a file's folder: a configuration is
// the folder, so a file named alone is checked with its siblings.
func (terraform) Folder(file string) ([]File, error) {
	return readTerraformDir(filepath.Dir(file))
}
