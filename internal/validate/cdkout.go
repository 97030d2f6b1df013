package validate

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hoist-dev/hoist/internal/importer/cdkout"
)

// RuleCDKManifest is a CDK cloud assembly manifest that is malformed or
// names a template that cannot be read.
const RuleCDKManifest = "cdk-manifest"

// cdkOut validates a CDK cloud assembly (cdk.out): the manifest, and each
// stack template it lists with the CloudFormation checks. The templates
// are its own, so they are not validated again as loose templates. A
// nested assembly is a folder with its own manifest, which the folder walk
// reaches by itself.
type cdkOut struct{}

func (cdkOut) Name() string { return "cdk" }

// Detect is Sure of a manifest.json that is a cloud assembly manifest with
// a stack or a nested assembly, or that does not parse but mentions a
// stack artifact (so that its error is reported).
func (cdkOut) Detect(name string, data []byte) Match {
	if filepath.Base(name) != cdkout.ManifestFile {
		return No
	}
	m, err := cdkout.ParseManifest(name, data)
	switch {
	case err == nil && (len(m.Stacks) > 0 || len(m.Assemblies) > 0):
		return Sure
	case err != nil && strings.Contains(string(data), cdkout.TypeStack):
		return Sure
	}
	return No
}

// Claim picks out of a folder's files each assembly manifest and the
// templates it lists; the templates are what the report names.
func (c cdkOut) Claim(files []File) (unit []File, listed []string) {
	byPath := map[string]File{}
	for _, f := range files {
		byPath[f.Path] = f
	}
	for _, f := range files {
		if c.Detect(f.Path, f.Data) != Sure {
			continue
		}
		unit = append(unit, f)
		m, err := cdkout.ParseManifest(f.Path, f.Data)
		if err != nil {
			listed = append(listed, f.Path)
			continue
		}
		for _, s := range m.Stacks {
			p := templatePath(f.Path, s.TemplateFile)
			if t, ok := byPath[p]; ok {
				unit = append(unit, t)
			}
			listed = append(listed, p)
		}
	}
	return unit, listed
}

func templatePath(manifest, templateFile string) string {
	return filepath.Join(filepath.Dir(manifest), filepath.FromSlash(templateFile))
}

// Validate checks each manifest among files and the templates it lists,
// taken from files or else read from disk.
func (cdkOut) Validate(files []File, opts Options) []Finding {
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	var out []Finding
	for _, f := range files {
		if filepath.Base(f.Path) != cdkout.ManifestFile {
			continue
		}
		m, err := cdkout.ParseManifest(f.Path, f.Data)
		if err != nil {
			finding := Finding{Severity: SeverityError, File: f.Path, Rule: RuleCDKManifest, Message: err.Error()}
			var ce *cdkout.Error
			if errors.As(err, &ce) {
				finding.Message, finding.Line, finding.Column = ce.Message, ce.Loc.Line, ce.Loc.Column
			}
			out = append(out, finding)
			continue
		}
		seen := map[string]bool{}
		for _, s := range m.Stacks {
			p := templatePath(f.Path, s.TemplateFile)
			if seen[p] {
				continue
			}
			seen[p] = true
			data, ok := byPath[p]
			if !ok {
				var err error
				if data, err = os.ReadFile(p); err != nil {
					out = append(out, Finding{Severity: SeverityError, File: f.Path, Rule: RuleCDKManifest,
						Message: fmt.Sprintf("stack %q: cannot read template %q: %s", s.Name, s.TemplateFile, readError(err))})
					continue
				}
			}
			out = append(out, CloudFormation(p, data, opts)...)
		}
	}
	Sort(out)
	return slices.Compact(out)
}

func readError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
