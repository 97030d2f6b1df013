package cloudformation

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Evidence says how sure Sniff is that a file is a CloudFormation template.
type Evidence int

// Evidence, weakest first.
const (
	NotTemplate Evidence = iota
	// ByName: the file has a template's extension, the content does not
	// say.
	ByName
	// ByContent: the top level has a Resources or AWSTemplateFormatVersion
	// key (or, when it does not parse, the text names
	// AWSTemplateFormatVersion).
	ByContent
)

// TemplateExts are the extensions a template file has.
var TemplateExts = []string{".yaml", ".yml", ".json", ".template"}

// Sniff tells whether a file looks like a CloudFormation template, from
// its name and content. The validator and the loader of cost and policy
// share it, so that every command agrees on what a template is.
func Sniff(name string, data []byte) Evidence {
	if !slices.Contains(TemplateExts, strings.ToLower(filepath.Ext(name))) {
		return NotTemplate
	}
	if !bytes.Contains(data, []byte("Resources")) && !bytes.Contains(data, []byte("AWSTemplateFormatVersion")) {
		return ByName
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		if bytes.Contains(data, []byte("AWSTemplateFormatVersion")) {
			return ByContent
		}
		return ByName
	}
	if root := doc.Content[0]; root.Kind == yaml.MappingNode {
		for i := 0; i < len(root.Content); i += 2 {
			if k := root.Content[i].Value; k == "Resources" || k == "AWSTemplateFormatVersion" {
				return ByContent
			}
		}
	}
	return ByName
}
