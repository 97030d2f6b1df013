package cli

import (
	"fmt"
	"path"
	"strings"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/filewrite"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/render/cdk"
	"github.com/hoist-dev/hoist/internal/render/cloudformation"
	"github.com/hoist-dev/hoist/internal/render/terraform"
	"github.com/hoist-dev/hoist/internal/spec"
)

// iacFormat is one infrastructure-as-code output.
type iacFormat struct {
	name string
	// render returns files relative to the output folder.
	render func(*ir.Graph) ([]filewrite.File, error)
}

// iacFormats in help order.
var iacFormats = []iacFormat{
	{"cloudformation", func(g *ir.Graph) ([]filewrite.File, error) {
		data, err := cloudformation.Render(g)
		if err != nil {
			return nil, err
		}
		return []filewrite.File{{Path: "template.yaml", Content: data}}, nil
	}},
	{"terraform", func(g *ir.Graph) ([]filewrite.File, error) {
		data, err := terraform.Render(g)
		if err != nil {
			return nil, err
		}
		var files []filewrite.File
		for _, name := range ir.SortedKeys(data) {
			files = append(files, filewrite.File{Path: name, Content: data[name]})
		}
		return files, nil
	}},
	{"cdk", func(g *ir.Graph) ([]filewrite.File, error) {
		files, err := cdk.Render(g, cdk.Options{Name: g.Name})
		if err != nil {
			return nil, err
		}
		out := make([]filewrite.File, len(files))
		for i, f := range files {
			out[i] = filewrite.File{Path: f.Path, Content: f.Content}
		}
		return out, nil
	}},
}

func iacFormatNames() []string {
	var out []string
	for _, f := range iacFormats {
		out = append(out, f.name)
	}
	return out
}

// iacFiles expands the spec and renders it in the format, into out (default
// infra/<format>).
func iacFiles(sp *spec.Spec, format, out string) ([]filewrite.File, error) {
	if _, err := lookupIaCFormat(format); err != nil {
		return nil, err
	}
	if errs := spec.Validate(sp); len(errs) > 0 {
		return nil, &UsageError{Err: errs}
	}
	res, err := expand.Expand(sp)
	if err != nil {
		return nil, err
	}
	return renderIaC(res.Graph, format, out)
}

// renderIaC renders an expanded graph in the format, into out (default
// infra/<format>).
func renderIaC(g *ir.Graph, format, out string) ([]filewrite.File, error) {
	f, err := lookupIaCFormat(format)
	if err != nil {
		return nil, err
	}
	files, err := f.render(g)
	if err != nil {
		return nil, fmt.Errorf("rendering %s: %w", format, err)
	}
	if out == "" {
		out = path.Join("infra", format)
	}
	for i := range files {
		files[i].Path = path.Join(out, files[i].Path)
	}
	return files, nil
}

func lookupIaCFormat(format string) (*iacFormat, error) {
	for i := range iacFormats {
		if iacFormats[i].name == format {
			return &iacFormats[i], nil
		}
	}
	return nil, usageErrorf("unknown --format %q; choose one of: %s", format, strings.Join(iacFormatNames(), ", "))
}
