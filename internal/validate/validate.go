// Package validate checks infrastructure templates offline and reports
// findings with file, line and column: syntax, structure, resource types and
// properties against the embedded AWS resource schema, and references. It
// is format-independent: each format (CloudFormation templates, Terraform
// configurations) is one Format in the formats slice, and Path hands every
// file or folder to the format that claims it.
//
// It reads the files it is pointed at and nothing else; it never prints,
// touches the network or needs AWS credentials.
package validate

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	// SeverityInfo is a note that changes nothing about validity: what
	// was not checked, and why.
	SeverityInfo = "info"
)

// Finding is one thing wrong with a file. Line and Column are 1-based; zero
// means unknown.
type Finding struct {
	Severity string `json:"severity"`
	Message  string `json:"message"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Rule     string `json:"rule"`
}

func (f Finding) String() string {
	loc := f.File
	if f.Line > 0 {
		loc += fmt.Sprintf(":%d", f.Line)
		if f.Column > 0 {
			loc += fmt.Sprintf(":%d", f.Column)
		}
	}
	return fmt.Sprintf("%s: %s: %s [%s]", loc, f.Severity, f.Message, f.Rule)
}

// Options tune validation. There are none yet; formats take it so that
// options (a region, parameter values) can be added without changing every
// format's signature.
type Options struct{}

// File is a file handed to a Format.
type File struct {
	Path string
	Data []byte
}

// Match is how sure a format is that a file is its own.
type Match int

// Matches, weakest first.
const (
	No    Match = iota
	Maybe       // the name fits (a .yaml file), the content does not say
	Sure        // the content says so (a top-level Resources key)
)

// Format validates one kind of infrastructure file.
type Format interface {
	// Name is the format's name: "cloudformation".
	Name() string
	// Detect says whether a file is of this format.
	Detect(name string, data []byte) Match
	// Validate checks the files of one folder that this format claimed,
	// together: a format whose unit is a folder (a Terraform module) sees
	// them all at once.
	Validate(files []File, opts Options) []Finding
}

// formats is the registry, in order of precedence: the first format that is
// Sure of a file gets it.
var formats = []Format{cdkOut{}, cloudFormation{}, terraform{}}

// folderFormat is a Format whose unit is a folder (a Terraform
// configuration): a file of it named alone is validated together with
// the other files of its folder that Folder returns, itself included.
type folderFormat interface {
	Folder(file string) ([]File, error)
}

// unitFormat is a Format whose unit is a set of files that one of them
// names (a CDK cloud assembly: manifest.json and the stack templates it
// lists). In a folder, Claim picks its units out of the folder's files
// before any file is detected alone: the files of unit go to this format
// and to no other, and the report lists the files named in listed.
type unitFormat interface {
	Claim(files []File) (unit []File, listed []string)
}

// Report is the result of validating a path.
type Report struct {
	// Files are the files validated, sorted.
	Files    []string
	Findings []Finding
}

// Errors counts the error findings.
func (r *Report) Errors() int { return r.count(SeverityError) }

// Warnings counts the warning findings.
func (r *Report) Warnings() int { return r.count(SeverityWarning) }

// Notes counts the info findings.
func (r *Report) Notes() int { return r.count(SeverityInfo) }

// Valid reports whether there is no error finding.
func (r *Report) Valid() bool { return r.Errors() == 0 }

func (r *Report) count(sev string) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == sev {
			n++
		}
	}
	return n
}

// Errors Path returns for paths it cannot validate.
var (
	ErrNotFound     = errors.New("no such file or folder")
	ErrUnrecognized = errors.New("not a template Hoist can validate")
	ErrNothing      = errors.New("no template found")
)

// maxFileSize skips files no template reaches (CloudFormation's limit is
// 1 MB), so a folder walk does not read large data files.
const maxFileSize = 16 << 20

// skipDirs are folders a walk never enters.
var skipDirs = map[string]bool{"node_modules": true, "vendor": true, "__pycache__": true}

// Path validates a template file, or every template in a folder and its
// subfolders (skipping hidden folders, node_modules and vendor). A file
// named explicitly goes to the first format that is Sure of it, or else the
// first that says Maybe; in a folder only Sure files count.
func Path(path string, opts Options) (*Report, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, ErrNotFound)
	}
	if !st.IsDir() {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		f := pick(path, data, Maybe)
		if f == nil {
			return nil, fmt.Errorf("%s: %w (want a CloudFormation template: .yaml, .yml, .json or .template; or a Terraform .tf file)", path, ErrUnrecognized)
		}
		files := []File{{Path: path, Data: data}}
		if ff, ok := f.(folderFormat); ok {
			if files, err = ff.Folder(path); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
		}
		var names []string
		for _, f := range files {
			names = append(names, f.Path)
		}
		return finish(names, f.Validate(files, opts)), nil
	}
	// Walk the cleaned path so that filepath.Dir of a file matches its
	// folder's name ("infra/" walks as "infra").
	path = filepath.Clean(path)
	byDir := map[string][]File{}
	var dirs []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != path && (strings.HasPrefix(d.Name(), ".") || skipDirs[d.Name()]) {
				return filepath.SkipDir
			}
			dirs = append(dirs, p)
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err != nil || info.Size() > maxFileSize {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dir := filepath.Dir(p)
		byDir[dir] = append(byDir[dir], File{Path: p, Data: data})
		return nil
	})
	if err != nil {
		return nil, err
	}
	var files []string
	var findings []Finding
	for _, dir := range dirs {
		claimed := make([][]File, len(formats))
		listed := make([][]string, len(formats))
		taken := map[string]bool{}
		for i, fm := range formats {
			if uf, ok := fm.(unitFormat); ok {
				claimed[i], listed[i] = uf.Claim(byDir[dir])
				for _, f := range claimed[i] {
					taken[f.Path] = true
				}
			}
		}
		for _, f := range byDir[dir] {
			if taken[f.Path] {
				continue
			}
			for i, fm := range formats {
				if fm.Detect(f.Path, f.Data) == Sure {
					claimed[i] = append(claimed[i], f)
					break
				}
			}
		}
		for i, fm := range formats {
			if len(claimed[i]) == 0 {
				continue
			}
			if listed[i] != nil {
				files = append(files, listed[i]...)
			} else {
				for _, f := range claimed[i] {
					files = append(files, f.Path)
				}
			}
			findings = append(findings, fm.Validate(claimed[i], opts)...)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w (looked for CloudFormation templates: YAML or JSON with a Resources or AWSTemplateFormatVersion key; and Terraform .tf files)", path, ErrNothing)
	}
	return finish(files, findings), nil
}

// pick returns the format for a file: the first Sure, else the first with
// at least min.
func pick(name string, data []byte, min Match) Format {
	var fallback Format
	for _, f := range formats {
		switch m := f.Detect(name, data); {
		case m == Sure:
			return f
		case m >= min && fallback == nil:
			fallback = f
		}
	}
	return fallback
}

func finish(files []string, findings []Finding) *Report {
	slices.Sort(files)
	if findings == nil {
		findings = []Finding{}
	}
	Sort(findings)
	// A folder reached twice (a local module inside the folder walked)
	// reports its findings once.
	findings = slices.Compact(findings)
	return &Report{Files: slices.Compact(files), Findings: findings}
}

// Sort orders findings by file, line, column, then rule and message.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			strings.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Message, b.Message),
		)
	})
}
