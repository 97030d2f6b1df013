package detect

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"strings"
)

// pomXML is the part of a Maven pom.xml Hoist reads.
type pomXML struct {
	GroupID    string `xml:"groupId"`
	ArtifactID string `xml:"artifactId"`
	Version    string `xml:"version"`
	Packaging  string `xml:"packaging"`
	Parent     struct {
		GroupID    string `xml:"groupId"`
		ArtifactID string `xml:"artifactId"`
		Version    string `xml:"version"`
	} `xml:"parent"`
	Properties struct {
		Entries []struct {
			XMLName xml.Name
			Value   string `xml:",chardata"`
		} `xml:",any"`
	} `xml:"properties"`
	Modules      []string `xml:"modules>module"`
	Dependencies []struct {
		GroupID    string `xml:"groupId"`
		ArtifactID string `xml:"artifactId"`
		Scope      string `xml:"scope"`
	} `xml:"dependencies>dependency"`
	FinalName string `xml:"build>finalName"`
	Plugins   []struct {
		GroupID    string `xml:"groupId"`
		ArtifactID string `xml:"artifactId"`
		Release    string `xml:"configuration>release"`
		Source     string `xml:"configuration>source"`
	} `xml:"build>plugins>plugin"`
}

// pomInfo is a parsed pom.xml with properties resolved and lines attached.
type pomInfo struct {
	GroupID, ArtifactID, Version, Packaging string
	ParentArtifact                          string
	ParentLine                              int
	Properties                              map[string]string
	PropertyLines                           map[string]int
	Modules                                 []string
	Deps                                    []javaDep
	Plugins                                 []javaDep
	FinalName                               string
	CompilerRelease                         string
	CompilerReleaseLine                     int
}

// manifestXMLError is a malformed XML manifest with the decoder's line.
type manifestXMLError struct {
	Line int
	Msg  string
}

func (e *manifestXMLError) Error() string { return e.Msg }

// decodeManifestXML unmarshals data into v, turning decoder errors into an
// manifestXMLError with a line.
func decodeManifestXML(data []byte, v any) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &manifestXMLError{Line: se.Line, Msg: se.Msg}
	}
	if errors.Is(err, io.EOF) {
		return &manifestXMLError{Line: 1, Msg: "empty document"}
	}
	line, _ := dec.InputPos()
	return &manifestXMLError{Line: line, Msg: err.Error()}
}

// parsePom parses a Maven pom.xml.
func parsePom(data []byte) (*pomInfo, error) {
	var p pomXML
	if err := decodeManifestXML(data, &p); err != nil {
		return nil, err
	}
	info := &pomInfo{
		GroupID: strings.TrimSpace(p.GroupID), ArtifactID: strings.TrimSpace(p.ArtifactID),
		Version: strings.TrimSpace(p.Version), Packaging: strings.TrimSpace(p.Packaging),
		ParentArtifact: strings.TrimSpace(p.Parent.ArtifactID),
		Properties:     map[string]string{}, PropertyLines: map[string]int{},
		FinalName: strings.TrimSpace(p.FinalName),
	}
	if info.GroupID == "" {
		info.GroupID = strings.TrimSpace(p.Parent.GroupID)
	}
	if info.Version == "" {
		info.Version = strings.TrimSpace(p.Parent.Version)
	}
	if info.ParentArtifact != "" {
		info.ParentLine = pomTextLine(data, "artifactId", info.ParentArtifact)
	}
	for _, e := range p.Properties.Entries {
		k := e.XMLName.Local
		info.Properties[k] = strings.TrimSpace(e.Value)
		info.PropertyLines[k] = pomTextLine(data, k, strings.TrimSpace(e.Value))
	}
	for _, m := range p.Modules {
		if m = strings.TrimSpace(m); m != "" {
			info.Modules = append(info.Modules, m)
		}
	}
	for _, d := range p.Dependencies {
		a := strings.TrimSpace(d.ArtifactID)
		info.Deps = append(info.Deps, javaDep{
			Group: strings.TrimSpace(d.GroupID), Artifact: a,
			Line: pomTextLine(data, "artifactId", a), Test: strings.TrimSpace(d.Scope) == "test",
		})
	}
	for _, pl := range p.Plugins {
		a := strings.TrimSpace(pl.ArtifactID)
		info.Plugins = append(info.Plugins, javaDep{Group: strings.TrimSpace(pl.GroupID), Artifact: a, Line: pomTextLine(data, "artifactId", a)})
		if a == "maven-compiler-plugin" {
			if v := strings.TrimSpace(pl.Release); v != "" {
				info.CompilerRelease, info.CompilerReleaseLine = v, pomTextLine(data, "release", v)
			} else if v := strings.TrimSpace(pl.Source); v != "" {
				info.CompilerRelease, info.CompilerReleaseLine = v, pomTextLine(data, "source", v)
			}
		}
	}
	return info, nil
}

// pomTextLine returns the line of the first <tag>text</tag>, or 0.
func pomTextLine(data []byte, tag, text string) int {
	re, err := regexp.Compile(`<` + regexp.QuoteMeta(tag) + `>\s*` + regexp.QuoteMeta(text) + `\s*</`)
	if err != nil {
		return 0
	}
	if loc := re.FindIndex(data); loc != nil {
		return LineOf(data, loc[0])
	}
	return 0
}

var pomPropRE = newPattern(`\$\{([^}]+)\}`)

// resolve expands ${property} references (a few rounds, for chains).
func (p *pomInfo) resolve(v string) string {
	for range 4 {
		if !strings.Contains(v, "${") {
			return v
		}
		v = pomPropRE.ReplaceAllStringFunc(v, func(ref string) string {
			key := ref[2 : len(ref)-1]
			switch key {
			case "project.version", "version":
				if !strings.Contains(p.Version, "${") {
					return p.Version
				}
			case "project.artifactId", "artifactId":
				return p.ArtifactID
			}
			if val, ok := p.Properties[key]; ok {
				return val
			}
			return ref
		})
	}
	return v
}

// javaVersionFromPom finds the Java version in a pom's properties or
// compiler plugin.
func javaVersionFromPom(d *Dir, p *pomInfo) (string, Evidence) {
	for _, k := range []string{"maven.compiler.release", "maven.compiler.target", "maven.compiler.source", "java.version"} {
		if v, ok := p.Properties[k]; ok {
			if m := javaMajor(p.resolve(v)); m != "" {
				return m, d.Evidence("language_version", "pom.xml", p.PropertyLines[k], k+" "+v)
			}
		}
	}
	if p.CompilerRelease != "" {
		if m := javaMajor(p.resolve(p.CompilerRelease)); m != "" {
			return m, d.Evidence("language_version", "pom.xml", p.CompilerReleaseLine, "maven-compiler-plugin release "+p.CompilerRelease)
		}
	}
	return "", Evidence{}
}

// loadPom reads and parses d/pom.xml, noting a syntax error.
func loadPom(d *Dir) *pomInfo {
	data, err := d.Read("pom.xml")
	if err != nil {
		return nil
	}
	p, err := parsePom(data)
	if err != nil {
		var se *manifestXMLError
		if errors.As(err, &se) {
			javaNoteSyntax(d, "pom.xml", se.Line, se.Msg)
		}
		return nil
	}
	return p
}

// mavenModule turns a parsed pom into a javaModule; parent properties are
// inherited.
func mavenModule(d *Dir, p *pomInfo, parent *pomInfo) *javaModule {
	java, javaEv := javaVersionFromPom(d, p)
	if parent != nil {
		for k, v := range parent.Properties {
			if _, ok := p.Properties[k]; !ok {
				p.Properties[k] = v
			}
		}
	}
	m := &javaModule{Dir: d, Manifest: "pom.xml", Name: p.ArtifactID, Deps: p.Deps, Plugins: p.Plugins}
	if m.Name == "" {
		m.Name = path.Base(d.Path)
	}
	m.Java, m.JavaEv = java, javaEv
	if m.Java == "" && parent != nil {
		if pd := mavenParentDir(d); pd != nil {
			m.Java, m.JavaEv = javaVersionFromPom(pd, parent)
		}
	}
	parentSpring := p.ParentArtifact == "spring-boot-starter-parent" || (parent != nil && parent.ParentArtifact == "spring-boot-starter-parent")
	javaClassify(m, parentSpring && hasSpringDep(p), p.ParentLine)
	name := p.resolve(p.FinalName)
	if name == "" || strings.Contains(name, "${") {
		name = p.ArtifactID + "-" + p.resolve(p.Version)
		if p.Version == "" {
			name = p.ArtifactID
		}
	}
	switch {
	case m.Framework == "quarkus":
		m.Artifact = "target/quarkus-app"
	case strings.Contains(name, "${") || p.ArtifactID == "":
		m.Artifact = "target/*.jar"
	default:
		m.Artifact = "target/" + name + ".jar"
	}
	return m
}

// mavenParentDir is the nearest folder above d with a pom.xml.
func mavenParentDir(d *Dir) *Dir {
	for x := d.Parent(); x != nil; x = x.Parent() {
		if x.Has("pom.xml") {
			return x
		}
	}
	return nil
}

func hasSpringDep(p *pomInfo) bool {
	for _, d := range p.Deps {
		if d.Group == "org.springframework.boot" {
			return true
		}
	}
	return false
}

// detectMaven claims a folder with a pom.xml: a single project, or a
// parent with <modules> whose application modules become services.
func (javaDetector) detectMaven(d *Dir) *Claim {
	mvn := "mvn"
	if d.Has("mvnw") {
		mvn = "./mvnw"
	}
	toolVer, toolEv := javaToolVersion(d)
	baseManifests := append([]string{"pom.xml"}, javaWrapperFiles(d, "mvnw", ".mvn/wrapper")...)
	p := loadPom(d)
	if p == nil {
		// Unreadable or malformed (noted): still a Maven project, claimed
		// weakly with defaults so that the user sees it.
		m := &javaModule{Dir: d, Manifest: "pom.xml", Artifact: "target/*.jar"}
		s := javaService(m, d, "maven", mvn+" -B -DskipTests package", javaSortedUnique(baseManifests), toolVer, toolEv)
		s.Evidence = append(s.Evidence, d.Evidence("build", "pom.xml", 0, "pom.xml does not parse; Maven defaults assumed"))
		return &Claim{Strength: Weak, Services: []Service{s}}
	}

	if len(p.Modules) == 0 {
		m := mavenModule(d, p, nil)
		s := javaService(m, d, "maven", mvn+" -B -DskipTests package", javaSortedUnique(baseManifests), toolVer, toolEv)
		strength := Weak
		if m.Framework != "" {
			strength = Strong
		}
		return &Claim{Strength: strength, Services: []Service{s}}
	}

	// Multi-module: the parent folder is the build context.
	type mod struct {
		rel string
		dir *Dir
		pom *pomInfo
	}
	var mods []mod
	manifests := baseManifests
	var covers []string
	var walk func(parent *Dir, pp *pomInfo, depth int)
	walk = func(parent *Dir, pp *pomInfo, depth int) {
		for _, name := range pp.Modules {
			sub := parent.Sub(path.Clean(strings.TrimSuffix(name, "/pom.xml")))
			if sub == nil || !sub.Has("pom.xml") {
				d.Repo().Note(Note{File: parent.Rel("pom.xml"), Reason: "module " + name + " has no pom.xml"})
				continue
			}
			covers = append(covers, sub.Path)
			manifests = append(manifests, relToContext(d.Path, sub.Rel("pom.xml")))
			mp := loadPom(sub)
			if mp == nil {
				continue
			}
			mods = append(mods, mod{rel: relToContext(d.Path, sub.Path), dir: sub, pom: mp})
			if len(mp.Modules) > 0 && depth < 4 {
				walk(sub, mp, depth+1)
			}
		}
	}
	walk(d, p, 0)
	manifests = javaSortedUnique(manifests)

	var svcs []Service
	for _, md := range mods {
		if len(md.pom.Modules) > 0 {
			continue
		}
		m := mavenModule(md.dir, md.pom, p)
		if m.Framework == "" || !(m.Web || m.App) {
			continue
		}
		build := mvn + " -B -DskipTests -pl " + md.rel + " -am package"
		s := javaService(m, d, "maven", build, append([]string(nil), manifests...), toolVer, toolEv)
		s.Build.Workspace = d.Path
		svcs = append(svcs, s)
	}
	if len(svcs) == 0 {
		d.Repo().Note(Note{File: d.Rel("pom.xml"), Reason: "multi-module build without an application module (no Spring Boot, Quarkus or Micronaut app)"})
		return nil
	}
	return &Claim{Strength: Strong, Services: svcs, Covers: covers}
}
