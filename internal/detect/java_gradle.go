package detect

import (
	"errors"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
)

// gradleBuild is what a token-level read of build.gradle(.kts) yields.
// Gradle scripts are programs; Hoist reads the common declarative forms
// only and never evaluates them.
type gradleBuild struct {
	Plugins  []javaDep // Artifact holds the plugin id
	Deps     []javaDep
	Java     string
	JavaLine int
	JavaWhy  string
	Version  string
	Shadow   bool
	// CatalogPlugins and CatalogDeps are version-catalog references
	// (alias(libs.plugins.x), implementation(libs.x)); Artifact holds the
	// dotted accessor until resolveCatalog maps it to coordinates.
	CatalogPlugins []javaDep
	CatalogDeps    []javaDep
}

// gradleCatalog maps normalised accessor names ("spring.boot.starter.web")
// to coordinates, read from gradle/libs.versions.toml.
type gradleCatalog struct {
	Libraries map[string]javaDep // Group, Artifact
	Plugins   map[string]string  // accessor -> plugin id
}

// catalogKey normalises a catalog alias the way Gradle's accessors do:
// '-', '_' and '.' all separate segments.
func catalogKey(alias string) string {
	return strings.ToLower(strings.NewReplacer("-", ".", "_", ".").Replace(alias))
}

// parseGradleCatalog reads a libs.versions.toml file.
func parseGradleCatalog(data []byte) (*gradleCatalog, error) {
	var raw struct {
		Libraries map[string]any `toml:"libraries"`
		Plugins   map[string]any `toml:"plugins"`
	}
	if _, err := toml.Decode(string(data), &raw); err != nil {
		return nil, err
	}
	c := &gradleCatalog{Libraries: map[string]javaDep{}, Plugins: map[string]string{}}
	for alias, v := range raw.Libraries {
		var coord string
		switch t := v.(type) {
		case string:
			coord = t
		case map[string]any:
			if m, ok := t["module"].(string); ok {
				coord = m
			} else if g, ok := t["group"].(string); ok {
				n, _ := t["name"].(string)
				coord = g + ":" + n
			}
		}
		parts := strings.Split(coord, ":")
		if len(parts) >= 2 && parts[0] != "" && parts[1] != "" {
			c.Libraries[catalogKey(alias)] = javaDep{Group: parts[0], Artifact: parts[1]}
		}
	}
	for alias, v := range raw.Plugins {
		id := ""
		switch t := v.(type) {
		case string:
			id, _, _ = strings.Cut(t, ":")
		case map[string]any:
			id, _ = t["id"].(string)
		}
		if id != "" {
			c.Plugins[catalogKey(alias)] = id
		}
	}
	return c, nil
}

// resolveCatalog adds the catalog references of b to its plugins and
// dependencies.
func (b *gradleBuild) resolveCatalog(c *gradleCatalog) {
	if c == nil {
		return
	}
	for _, p := range b.CatalogPlugins {
		if id, ok := c.Plugins[catalogKey(p.Artifact)]; ok {
			b.Plugins = append(b.Plugins, javaDep{Artifact: id, Line: p.Line})
			if strings.Contains(id, "shadow") {
				b.Shadow = true
			}
		}
	}
	for _, d := range b.CatalogDeps {
		if lib, ok := c.Libraries[catalogKey(d.Artifact)]; ok {
			b.Deps = append(b.Deps, javaDep{Group: lib.Group, Artifact: lib.Artifact, Line: d.Line, Test: d.Test})
		}
	}
}

// loadGradleCatalog reads root/gradle/libs.versions.toml, noting a syntax
// error; nil when there is none.
func loadGradleCatalog(root *Dir) *gradleCatalog {
	g := root.Sub("gradle")
	if g == nil || !g.Has("libs.versions.toml") {
		return nil
	}
	data, err := g.Read("libs.versions.toml")
	if err != nil {
		return nil
	}
	c, err := parseGradleCatalog(data)
	if err != nil {
		var pe toml.ParseError
		n := Note{File: g.Rel("libs.versions.toml"), Reason: "version catalog does not parse: " + err.Error()}
		if errors.As(err, &pe) {
			n.Line, n.Column, n.Reason = pe.Position.Line, pe.Position.Col, "version catalog does not parse: "+pe.Message
		}
		root.Repo().Note(n)
		return nil
	}
	return c
}

// gradleSettings is what settings.gradle(.kts) yields.
type gradleSettings struct {
	RootName string
	Includes []string // project paths as folders ("api", "services/api")
}

var (
	gradlePluginRE = newPattern(`(?m)(?:\bid\s*\(?\s*["']([\w.\-]+)["']|\bapply\s*\(?\s*plugin\s*[:=]\s*["']([\w.\-]+)["'])`)
	gradleDepRE    = newPattern(`(?m)\b(implementation|api|compile|runtimeOnly|runtime|compileOnly|annotationProcessor|kapt|developmentOnly|testImplementation|testRuntimeOnly|testCompileOnly|integrationTestImplementation)\s*\(?\s*(?:platform\s*\(\s*)?["']([\w.\-]+):([\w.\-]+)(?::[^"']*)?["']`)
	gradleJavaRE   = []struct {
		re  *pattern
		why string
	}{
		{newPattern(`JavaLanguageVersion\.of\(\s*["']?(\d+)["']?\s*\)`), "toolchain languageVersion"},
		{newPattern(`jvmToolchain\(\s*(\d+)\s*\)`), "jvmToolchain"},
		{newPattern(`(?:sourceCompatibility|targetCompatibility)\s*=\s*JavaVersion\.VERSION_(\d+(?:_\d+)?)`), "sourceCompatibility"},
		{newPattern(`(?:sourceCompatibility|targetCompatibility)\s*=\s*["']?(\d+(?:\.\d+)?)["']?`), "sourceCompatibility"},
		{newPattern(`options\.release\.set\(\s*(\d+)\s*\)`), "options.release"},
	}
	gradleAliasPluginRE = newPattern(`\balias\s*\(\s*libs\.plugins\.([\w.]+)\s*\)`)
	gradleCatalogDepRE  = newPattern(`(?m)\b(implementation|api|runtimeOnly|compileOnly|developmentOnly|testImplementation|testRuntimeOnly)\s*\(?\s*(?:platform\s*\(\s*)?libs\.([\w.]+)`)
	gradleVersionRE     = newPattern(`(?m)^\s*version\s*=\s*["']([^"']+)["']`)
	gradleRootNameRE    = newPattern(`rootProject\.name\s*=\s*["']([^"']+)["']`)
	gradleIncludeRE     = newPattern(`(?m)^\s*include\s*\(?([^\n)]*)\)?`)
	gradleQuotedRE      = newPattern(`["']([^"']+)["']`)
)

// parseGradleBuild reads plugins, dependencies, Java version and project
// version from a Gradle build script.
func parseGradleBuild(data []byte) gradleBuild {
	var b gradleBuild
	clean := gradleStripComments(data)
	for _, m := range gradlePluginRE.FindAllSubmatchIndex(clean, -1) {
		id := ""
		if m[2] >= 0 {
			id = string(clean[m[2]:m[3]])
		} else if m[4] >= 0 {
			id = string(clean[m[4]:m[5]])
		}
		if id == "" {
			continue
		}
		b.Plugins = append(b.Plugins, javaDep{Artifact: id, Line: LineOf(clean, m[0])})
		if strings.Contains(id, "shadow") {
			b.Shadow = true
		}
	}
	for _, m := range gradleAliasPluginRE.FindAllSubmatchIndex(clean, -1) {
		b.CatalogPlugins = append(b.CatalogPlugins, javaDep{Artifact: string(clean[m[2]:m[3]]), Line: LineOf(clean, m[0])})
	}
	for _, m := range gradleCatalogDepRE.FindAllSubmatchIndex(clean, -1) {
		conf := string(clean[m[2]:m[3]])
		b.CatalogDeps = append(b.CatalogDeps, javaDep{Artifact: string(clean[m[4]:m[5]]), Line: LineOf(clean, m[0]), Test: strings.HasPrefix(conf, "test")})
	}
	for _, m := range gradleDepRE.FindAllSubmatchIndex(clean, -1) {
		conf := string(clean[m[2]:m[3]])
		b.Deps = append(b.Deps, javaDep{
			Group: string(clean[m[4]:m[5]]), Artifact: string(clean[m[6]:m[7]]),
			Line: LineOf(clean, m[0]), Test: strings.HasPrefix(conf, "test") || strings.HasPrefix(conf, "integrationTest"),
		})
	}
	for _, j := range gradleJavaRE {
		if m := j.re.FindSubmatchIndex(clean); m != nil {
			if v := javaMajor(strings.ReplaceAll(string(clean[m[2]:m[3]]), "_", ".")); v != "" {
				b.Java, b.JavaLine, b.JavaWhy = v, LineOf(clean, m[0]), j.why+" "+string(clean[m[2]:m[3]])
				break
			}
		}
	}
	if m := gradleVersionRE.FindSubmatch(clean); m != nil {
		b.Version = string(m[1])
	}
	return b
}

// gradleStripComments blanks // and /* */ comments, keeping newlines so
// that line numbers stay right. Strings are respected.
func gradleStripComments(data []byte) []byte {
	out := make([]byte, len(data))
	copy(out, data)
	var quote byte
	for i := 0; i < len(out); i++ {
		c := out[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote || c == '\n' {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			for i < len(out) && out[i] != '\n' {
				out[i] = ' '
				i++
			}
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			for i < len(out) && !(out[i] == '*' && i+1 < len(out) && out[i+1] == '/') {
				if out[i] != '\n' {
					out[i] = ' '
				}
				i++
			}
			if i+1 < len(out) {
				out[i], out[i+1] = ' ', ' '
				i++
			}
		}
	}
	return out
}

// parseGradleSettings reads the root project name and included projects.
func parseGradleSettings(data []byte) gradleSettings {
	var s gradleSettings
	clean := gradleStripComments(data)
	if m := gradleRootNameRE.FindSubmatch(clean); m != nil {
		s.RootName = string(m[1])
	}
	for _, m := range gradleIncludeRE.FindAllSubmatch(clean, -1) {
		for _, q := range gradleQuotedRE.FindAllSubmatch(m[1], -1) {
			p := strings.Trim(strings.ReplaceAll(string(q[1]), ":", "/"), "/")
			if p != "" && !strings.Contains(p, "..") {
				s.Includes = append(s.Includes, p)
			}
		}
	}
	return s
}

// gradleModule reads one Gradle project folder.
func gradleModule(d *Dir, name string, rootVersion string, catalog *gradleCatalog) *javaModule {
	file, ok := d.HasAny("build.gradle.kts", "build.gradle")
	if !ok {
		return nil
	}
	data, err := d.Read(file)
	if err != nil {
		return nil
	}
	b := parseGradleBuild(data)
	b.resolveCatalog(catalog)
	m := &javaModule{Dir: d, Manifest: file, Name: name, Deps: b.Deps, Plugins: b.Plugins, Version: b.Version}
	if m.Version == "" {
		m.Version = rootVersion
	}
	if b.Java != "" {
		m.Java, m.JavaEv = b.Java, d.Evidence("language_version", file, b.JavaLine, b.JavaWhy)
	}
	javaClassify(m, false, 0)
	base := name
	if m.Version != "" {
		base += "-" + m.Version
	}
	switch {
	case m.Framework == "quarkus":
		m.Artifact = "build/quarkus-app"
	case m.Framework == "micronaut" && b.Shadow:
		m.Artifact = "build/libs/" + base + "-all.jar"
	default:
		m.Artifact = "build/libs/" + base + ".jar"
	}
	return m
}

// gradleTask is the task that builds the runnable artifact.
func gradleTask(m *javaModule) string {
	switch m.Framework {
	case "spring-boot":
		return "bootJar"
	case "quarkus":
		return "quarkusBuild"
	case "micronaut":
		for _, p := range m.Plugins {
			if strings.Contains(p.Artifact, "shadow") {
				return "shadowJar"
			}
		}
		return "assemble"
	}
	return "jar"
}

// detectGradle claims a Gradle build: the root project and every included
// project that is an application.
func (javaDetector) detectGradle(d *Dir) *Claim {
	var settings gradleSettings
	settingsFile, hasSettings := d.HasAny("settings.gradle.kts", "settings.gradle")
	if hasSettings {
		if data, err := d.Read(settingsFile); err == nil {
			settings = parseGradleSettings(data)
		}
	} else {
		// A build.gradle without settings in a folder that a parent's
		// settings includes belongs to that parent's claim.
		for p := d.Parent(); p != nil; p = p.Parent() {
			if _, ok := p.HasAny("settings.gradle.kts", "settings.gradle"); ok {
				return nil
			}
		}
	}
	gradle := "gradle"
	if d.Has("gradlew") {
		gradle = "./gradlew"
	}
	toolVer, toolEv := javaToolVersion(d)
	rootName := settings.RootName
	if rootName == "" {
		rootName = path.Base(d.Path)
		if d.Path == "." {
			rootName = path.Base(d.Repo().Root())
		}
	}
	manifests := javaWrapperFiles(d, "gradlew", "gradle/wrapper")
	for _, f := range []string{"settings.gradle.kts", "settings.gradle", "build.gradle.kts", "build.gradle", "gradle.properties", "gradle/libs.versions.toml"} {
		if d.Has(f) || (f == "gradle/libs.versions.toml" && d.Sub("gradle") != nil && d.Sub("gradle").Has("libs.versions.toml")) {
			manifests = append(manifests, f)
		}
	}
	catalog := loadGradleCatalog(d)
	root := gradleModule(d, rootName, "", catalog)
	rootVersion := ""
	if root != nil {
		rootVersion = root.Version
	}
	var covers []string
	var mods []*javaModule
	for _, inc := range settings.Includes {
		sub := d.Sub(inc)
		if sub == nil {
			continue
		}
		covers = append(covers, sub.Path)
		for _, f := range []string{"build.gradle.kts", "build.gradle"} {
			if sub.Has(f) {
				manifests = append(manifests, relToContext(d.Path, sub.Rel(f)))
			}
		}
		if m := gradleModule(sub, path.Base(inc), rootVersion, catalog); m != nil {
			mods = append(mods, m)
		}
	}
	manifests = javaSortedUnique(manifests)

	var svcs []Service
	strength := Weak
	if root != nil && (len(mods) == 0 || root.Framework != "") {
		if root.Java == "" && root.Framework == "" && len(root.Deps) == 0 && len(root.Plugins) == 0 && !hasSettings {
			return nil
		}
		s := javaService(root, d, "gradle", gradle+" --no-daemon "+gradleTask(root), append([]string(nil), manifests...), toolVer, toolEv)
		svcs = append(svcs, s)
		if root.Framework != "" {
			strength = Strong
		}
	}
	for _, m := range mods {
		if m.Framework == "" || !(m.Web || m.App) {
			continue
		}
		if m.Java == "" && root != nil {
			m.Java, m.JavaEv = root.Java, root.JavaEv
		}
		task := ":" + strings.ReplaceAll(relToContext(d.Path, m.Dir.Path), "/", ":") + ":" + gradleTask(m)
		s := javaService(m, d, "gradle", gradle+" --no-daemon "+task, append([]string(nil), manifests...), toolVer, toolEv)
		s.Build.Workspace = d.Path
		svcs = append(svcs, s)
		strength = Strong
	}
	if len(svcs) == 0 {
		return nil
	}
	return &Claim{Strength: strength, Services: svcs, Covers: covers}
}
