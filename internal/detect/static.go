package detect

import (
	"bytes"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// staticDetector recognises static sites: Hugo, Jekyll and MkDocs sites
// (built by a generator) and plain HTML folders (served as they are).
//
// Strength: Strong for a Hugo, Jekyll (with a Gemfile naming jekyll) or
// MkDocs site, so that it beats the Ruby and Python detectors on the same
// folder; Medium for a Jekyll site without a Gemfile (GitHub Pages style);
// Weak for plain HTML, so that any app detector wins.
//
// Plain HTML is only claimed when the folder and everything below it holds
// web assets only and no folder above it holds an app manifest: an
// index.html inside a Node app's public/ folder belongs to that app (whose
// claim does not cover sub-folders), so it must not become a service.
type staticDetector struct{}

func (staticDetector) Name() string { return "static" }

// staticAppManifests are files that make a folder (and the folders below
// it) part of an app or a generated site rather than plain HTML.
var staticAppManifests = []string{
	"package.json", "deno.json", "deno.jsonc", "go.mod", "go.work", "pom.xml",
	"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts",
	"Cargo.toml", "Gemfile", "requirements.txt", "pyproject.toml", "setup.py",
	"Pipfile", "composer.json", "mix.exs", "_config.yml", "hugo.toml", "hugo.yaml",
	"hugo.json", "config.toml", "mkdocs.yml", "mkdocs.yaml",
}

// staticAssetExts are the file extensions a plain HTML site consists of.
var staticAssetExts = map[string]bool{
	".html": true, ".htm": true, ".css": true, ".js": true, ".mjs": true, ".map": true,
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".svg": true, ".ico": true,
	".webp": true, ".avif": true, ".bmp": true, ".woff": true, ".woff2": true, ".ttf": true,
	".otf": true, ".eot": true, ".txt": true, ".xml": true, ".webmanifest": true, ".md": true,
	".pdf": true, ".mp4": true, ".webm": true, ".mp3": true, ".json": true,
}

// staticExtraFiles may sit beside a plain HTML site without making it
// anything else.
var staticExtraFiles = map[string]bool{
	"CNAME": true, ".nojekyll": true, ".gitignore": true, ".gitattributes": true,
	".dockerignore": true, "Dockerfile": true, "nginx.conf": true, "LICENSE": true,
	".editorconfig": true, "_headers": true, "_redirects": true,
}

func (s staticDetector) Detect(d *Dir) *Claim {
	if c := s.detectHugo(d); c != nil {
		return c
	}
	if c := s.detectJekyll(d); c != nil {
		return c
	}
	if c := s.detectMkDocs(d); c != nil {
		return c
	}
	return s.detectPlain(d)
}

// staticService is the common part of a static site service.
func staticService(d *Dir, framework, build, out string) Service {
	return Service{
		Path:         d.Path,
		Kind:         KindStatic,
		Language:     "static",
		Framework:    framework,
		BuildCommand: build,
		Build:        Build{Context: d.Path, OutputDir: out, Manifests: []string{}},
	}
}

// hugoPublishDir reads publishDir from a Hugo config; "" when unset.
func hugoPublishDir(name string, data []byte) string {
	var cfg map[string]any
	switch path.Ext(name) {
	case ".toml":
		if _, err := toml.Decode(string(data), &cfg); err != nil {
			return ""
		}
	case ".yaml", ".yml":
		if err := yaml.Unmarshal(data, &cfg); err != nil {
			return ""
		}
	default:
		return ""
	}
	for k, v := range cfg {
		if strings.EqualFold(k, "publishDir") {
			if s, ok := v.(string); ok {
				return path.Clean(s)
			}
		}
	}
	return ""
}

func (staticDetector) detectHugo(d *Dir) *Claim {
	cfg, ok := d.HasAny("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
	why := "Hugo config " + cfg
	if !ok {
		cfg, ok = d.HasAny("config.toml", "config.yaml", "config.yml")
		if !ok || !d.HasDir("content") || !(d.HasDir("layouts") || d.HasDir("themes") || d.HasDir("archetypes") || staticMentionsHugo(d, cfg)) {
			return nil
		}
		why = cfg + " with content/ and Hugo's layouts/, themes/ or archetypes/"
	}
	out := "public"
	if data, err := d.Read(cfg); err == nil {
		if p := hugoPublishDir(cfg, data); p != "" && !strings.HasPrefix(p, "..") {
			out = p
		}
	}
	s := staticService(d, "hugo", "hugo --minify", out)
	s.Evidence = append(s.Evidence,
		d.Evidence("framework", cfg, 0, why),
		d.Evidence("build", cfg, 0, "hugo writes the site to "+out))
	for _, f := range []string{"go.mod", "go.sum"} {
		if d.Has(f) { // Hugo modules
			s.Build.Manifests = append(s.Build.Manifests, f)
		}
	}
	return &Claim{Strength: Strong, Services: []Service{s}}
}

// staticMentionsHugo reports whether a generic config file has Hugo keys.
func staticMentionsHugo(d *Dir, cfg string) bool {
	data, err := d.Read(cfg)
	if err != nil {
		return false
	}
	return bytes.Contains(data, []byte("baseURL")) || bytes.Contains(data, []byte("baseurl"))
}

var jekyllGemRE = newPattern(`(?m)^\s*gem\s+["'](jekyll|github-pages)["']`)

func (staticDetector) detectJekyll(d *Dir) *Claim {
	if !d.Has("_config.yml") {
		return nil
	}
	strength, build := 0, ""
	var ev Evidence
	if d.Has("Gemfile") {
		data, err := d.Read("Gemfile")
		if err != nil {
			return nil
		}
		m := jekyllGemRE.FindSubmatchIndex(data)
		if m == nil {
			return nil
		}
		strength, build = Strong, "bundle exec jekyll build"
		ev = d.Evidence("framework", "Gemfile", LineOf(data, m[0]), "Gemfile requires "+string(data[m[2]:m[3]]))
	} else if d.HasDir("_posts") || d.HasDir("_layouts") || d.HasDir("_includes") {
		strength, build = Medium, "jekyll build"
		ev = d.Evidence("framework", "_config.yml", 0, "_config.yml with Jekyll's _posts/, _layouts/ or _includes/")
	} else {
		return nil
	}
	out := "_site"
	if data, err := d.Read("_config.yml"); err == nil {
		var cfg struct {
			Destination string `yaml:"destination"`
		}
		if yaml.Unmarshal(data, &cfg) == nil && cfg.Destination != "" {
			if p := path.Clean(cfg.Destination); !strings.HasPrefix(p, "..") && !path.IsAbs(p) {
				out = p
			}
		}
	}
	s := staticService(d, "jekyll", build, out)
	s.PackageManager = "bundler"
	for _, f := range []string{"Gemfile", "Gemfile.lock"} {
		if d.Has(f) {
			s.Build.Manifests = append(s.Build.Manifests, f)
		}
	}
	var ev2 Evidence
	s.LanguageVersion, ev2 = staticToolVersion(d, "_config.yml", ".ruby-version", "ruby", "3.4")
	s.Evidence = append(s.Evidence, ev, ev2, d.Evidence("build", "_config.yml", 0, "jekyll writes the site to "+out))
	return &Claim{Strength: strength, Services: []Service{s}}
}

// staticToolVersion reads the version of the generator's runtime (Ruby for
// Jekyll, Python for MkDocs) from a version file, else the default.
func staticToolVersion(d *Dir, cfg, file, lang, def string) (string, Evidence) {
	if d.Has(file) {
		if data, err := d.Read(file); err == nil {
			v := strings.TrimSpace(strings.SplitN(string(data), "\n", 2)[0])
			v = strings.TrimPrefix(v, "ruby-")
			if v != "" {
				return v, d.Evidence("language_version", file, 1, "the site is built with "+lang+" "+v)
			}
		}
	}
	return def, d.Evidence("language_version", cfg, 0, "the site is built with "+lang+"; none pinned, "+def+" assumed")
}

func (staticDetector) detectMkDocs(d *Dir) *Claim {
	cfg, ok := d.HasAny("mkdocs.yml", "mkdocs.yaml")
	if !ok {
		return nil
	}
	out := "site"
	if data, err := d.Read(cfg); err == nil {
		var c struct {
			SiteDir string `yaml:"site_dir"`
		}
		// mkdocs.yml may use !!python tags; a partial decode is enough.
		_ = yaml.Unmarshal(data, &c)
		if c.SiteDir != "" {
			if p := path.Clean(c.SiteDir); !strings.HasPrefix(p, "..") && !path.IsAbs(p) {
				out = p
			}
		}
	}
	s := staticService(d, "mkdocs", "mkdocs build", out)
	s.PackageManager = "pip"
	for _, f := range []string{"requirements.txt", "requirements-docs.txt", "docs/requirements.txt"} {
		dir, name := path.Split(f)
		if x := d.Sub(strings.TrimSuffix(dir, "/")); dir == "" && d.Has(name) || dir != "" && x != nil && x.Has(name) {
			s.Build.Manifests = append(s.Build.Manifests, f)
		}
	}
	var ev Evidence
	s.LanguageVersion, ev = staticToolVersion(d, cfg, ".python-version", "python", "3.13")
	s.Evidence = append(s.Evidence,
		d.Evidence("framework", cfg, 0, "MkDocs config "+cfg),
		ev,
		d.Evidence("build", cfg, 0, "mkdocs writes the site to "+out))
	return &Claim{Strength: Strong, Services: []Service{s}}
}

// detectPlain claims a folder of plain web assets with an index.html.
func (staticDetector) detectPlain(d *Dir) *Claim {
	index, ok := d.HasAny("index.html", "index.htm")
	if !ok {
		return nil
	}
	for x := d; x != nil; x = x.Parent() {
		if _, ok := x.HasAny(staticAppManifests...); ok {
			return nil
		}
		if staticHasProjectFile(x) {
			return nil
		}
	}
	var covers []string
	if !staticOnlyAssets(d, &covers, 0) {
		return nil
	}
	s := staticService(d, "", "", ".")
	s.Evidence = append(s.Evidence,
		d.Evidence("language", index, 0, "index.html and only web assets (HTML, CSS, JS, images, fonts), no app manifest here or above"),
		d.Evidence("build", index, 0, "served as is, no build step"))
	return &Claim{Strength: Weak, Services: []Service{s}, Covers: covers}
}

// staticHasProjectFile reports a .NET project or solution in d.
func staticHasProjectFile(d *Dir) bool {
	for _, f := range d.Files {
		switch path.Ext(f) {
		case ".csproj", ".fsproj", ".sln", ".slnx":
			return true
		}
	}
	return false
}

// staticOnlyAssets reports whether d and its non-hidden sub-folders hold
// only web assets, collecting the sub-folders in covers.
func staticOnlyAssets(d *Dir, covers *[]string, depth int) bool {
	if depth > 8 {
		return false
	}
	for _, f := range d.Files {
		if staticExtraFiles[f] || strings.HasPrefix(strings.ToUpper(f), "README") || strings.HasPrefix(strings.ToUpper(f), "LICENSE") {
			continue
		}
		if !staticAssetExts[strings.ToLower(path.Ext(f))] {
			return false
		}
	}
	for _, sd := range d.Subdirs {
		if strings.HasPrefix(sd, ".") {
			continue
		}
		sub := d.Sub(sd)
		if sub == nil {
			continue
		}
		*covers = append(*covers, sub.Path)
		if !staticOnlyAssets(sub, covers, depth+1) {
			return false
		}
	}
	return true
}
