package detect

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestJavaMajor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"17", "17"},
		{"1.8", "8"},
		{"17.0.2", "17"},
		{"temurin-21.0.1+12", "21"},
		{"21.0.2-tem", "21"},
		{"VERSION_1_8", "8"},
		{"openjdk", ""},
		{"3", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := javaMajor(tt.in); got != tt.want {
			t.Errorf("javaMajor(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJavaPortFromValue(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"9090", 9090, true},
		{" 8081 ", 8081, true},
		{"${PORT:8088}", 8088, true},
		{"${PORT}", 0, false},
		{"0", 0, false},
		{"70000", 0, false},
		{"http", 0, false},
	}
	for _, tt := range tests {
		got, ok := javaPortFromValue(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("javaPortFromValue(%q): got %d %v, want %d %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseJavaProperties(t *testing.T) {
	src := "# comment\n! also comment\nserver.port=9090\nspring.datasource.url = jdbc:postgresql://db/app\nlong.value=a\\\n  b\nquarkus.http.port: 8180\n"
	got := parseJavaProperties([]byte(src))
	want := []javaConfigEntry{
		{"server.port", "9090", 3},
		{"spring.datasource.url", "jdbc:postgresql://db/app", 4},
		{"long.value", "ab", 5},
		{"quarkus.http.port", "8180", 7},
	}
	if len(got) != len(want) {
		t.Fatalf("parseJavaProperties: got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("parseJavaProperties entry %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestParseJavaYAML(t *testing.T) {
	src := "server:\n  port: 8081\nspring:\n  data:\n    redis:\n      url: ${REDIS_URL}\n---\nmicronaut:\n  server:\n    port: 9000\n"
	got, err := parseJavaYAML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]javaConfigEntry{
		"server.port":           {"server.port", "8081", 2},
		"spring.data.redis.url": {"spring.data.redis.url", "${REDIS_URL}", 6},
		"micronaut.server.port": {"micronaut.server.port", "9000", 10},
	}
	if len(got) != len(want) {
		t.Fatalf("parseJavaYAML: got %v, want %v", got, want)
	}
	for _, e := range got {
		if want[e.Key] != e {
			t.Errorf("parseJavaYAML key %s: got %+v, want %+v", e.Key, e, want[e.Key])
		}
	}
	if _, err := parseJavaYAML([]byte("server:\n  port: [\n")); err == nil {
		t.Errorf("parseJavaYAML on broken YAML: got no error, want one")
	}
}

func TestParsePom(t *testing.T) {
	src := `<project>
  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.4.1</version></parent>
  <artifactId>demo</artifactId>
  <properties>
    <java.version>1.8</java.version>
    <maven.compiler.release>${java.version}</maven.compiler.release>
  </properties>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
    <dependency><groupId>org.testcontainers</groupId><artifactId>postgresql</artifactId><scope>test</scope></dependency>
  </dependencies>
</project>`
	p, err := parsePom([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if p.ArtifactID != "demo" || p.Version != "3.4.1" || p.GroupID != "org.springframework.boot" {
		t.Errorf("parsePom: got artifact %q version %q group %q, want demo 3.4.1 (inherited) org.springframework.boot", p.ArtifactID, p.Version, p.GroupID)
	}
	if p.ParentArtifact != "spring-boot-starter-parent" || p.ParentLine != 2 {
		t.Errorf("parsePom parent: got %q line %d, want spring-boot-starter-parent line 2", p.ParentArtifact, p.ParentLine)
	}
	if got := p.resolve("${maven.compiler.release}"); got != "1.8" {
		t.Errorf("resolve chain: got %q, want 1.8", got)
	}
	if len(p.Deps) != 2 || p.Deps[0].Line != 9 || p.Deps[0].Test || !p.Deps[1].Test {
		t.Errorf("parsePom deps: got %+v, want web (line 9) and a test-scoped postgresql", p.Deps)
	}

	for _, bad := range []struct {
		src  string
		line int
	}{
		{"<project>\n<artifactId>x</artifact>\n</project>", 2},
		{"", 1},
		{"<project>\n<dependencies>\n", 3},
	} {
		_, err := parsePom([]byte(bad.src))
		var se *manifestXMLError
		if !errors.As(err, &se) {
			t.Errorf("parsePom(%q): got %v, want a syntax error", bad.src, err)
			continue
		}
		if se.Line != bad.line {
			t.Errorf("parsePom(%q): got error line %d, want %d (%s)", bad.src, se.Line, bad.line, se.Msg)
		}
	}
}

func TestParseGradleBuild(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		plugins  string
		deps     string
		java     string
		version  string
		shadowed bool
	}{
		{
			name:    "kotlin dsl",
			src:     "plugins {\n  id(\"org.springframework.boot\") version \"3.4.1\"\n}\nversion = \"1.0\"\njava { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\ndependencies {\n  implementation(\"org.springframework.boot:spring-boot-starter-web\")\n  testImplementation(\"org.testcontainers:mysql:1.20.0\")\n}\n",
			plugins: "org.springframework.boot",
			deps:    "org.springframework.boot:spring-boot-starter-web,test:org.testcontainers:mysql",
			java:    "21", version: "1.0",
		},
		{
			name:    "groovy with comments",
			src:     "apply plugin: 'java'\n// implementation 'org.postgresql:postgresql'\n/* id 'io.quarkus' */\nsourceCompatibility = '1.8'\ndependencies {\n  runtimeOnly 'org.postgresql:postgresql:42.7.4'\n  implementation platform('io.micronaut.platform:micronaut-platform:4.7.0')\n}\n",
			plugins: "java",
			deps:    "org.postgresql:postgresql,io.micronaut.platform:micronaut-platform",
			java:    "8",
		},
		{
			name:     "java version enum and shadow",
			src:      "plugins { id 'com.gradleup.shadow' version '8.3.5' }\njava { sourceCompatibility = JavaVersion.VERSION_17 }\n",
			plugins:  "com.gradleup.shadow",
			java:     "17",
			shadowed: true,
		},
	}
	for _, tt := range tests {
		b := parseGradleBuild([]byte(tt.src))
		var plugins, deps []string
		for _, p := range b.Plugins {
			plugins = append(plugins, p.Artifact)
		}
		for _, d := range b.Deps {
			c := d.coord()
			if d.Test {
				c = "test:" + c
			}
			deps = append(deps, c)
		}
		if strings.Join(plugins, ",") != tt.plugins || strings.Join(deps, ",") != tt.deps || b.Java != tt.java || b.Version != tt.version || b.Shadow != tt.shadowed {
			t.Errorf("%s: parseGradleBuild: got plugins %v deps %v java %q version %q shadow %v, want %q %q %q %q %v",
				tt.name, plugins, deps, b.Java, b.Version, b.Shadow, tt.plugins, tt.deps, tt.java, tt.version, tt.shadowed)
		}
	}
}

func TestParseGradleSettings(t *testing.T) {
	tests := []struct {
		src, root, includes string
	}{
		{"rootProject.name = 'platform'\ninclude 'lib'\ninclude 'services:billing', 'services:notifier'\n", "platform", "lib,services/billing,services/notifier"},
		{"rootProject.name = \"orders\"\ninclude(\":api\", \":worker\")\n// include(\":old\")\n", "orders", "api,worker"},
		{"include '../escape'\n", "", ""},
	}
	for _, tt := range tests {
		s := parseGradleSettings([]byte(tt.src))
		if s.RootName != tt.root || strings.Join(s.Includes, ",") != tt.includes {
			t.Errorf("parseGradleSettings(%q): got %q %v, want %q %q", tt.src, s.RootName, s.Includes, tt.root, tt.includes)
		}
	}
}

func TestJavaToolVersion(t *testing.T) {
	tests := []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{".java-version": "17.0.9\n"}, "17"},
		{map[string]string{".sdkmanrc": "# sdk\njava=21.0.2-tem\n"}, "21"},
		{map[string]string{".tool-versions": "nodejs 22.1.0\njava temurin-17.0.1+12\n"}, "17"},
		{map[string]string{".tool-versions": "nodejs 22.1.0\n"}, ""},
	}
	for _, tt := range tests {
		repo, err := Scan(writeTree(t, tt.files))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := javaToolVersion(repo.Dir(".")); got != tt.want {
			t.Errorf("javaToolVersion(%v): got %q, want %q", tt.files, got, tt.want)
		}
	}
}

func TestJavaPlainJarIsWeakWorker(t *testing.T) {
	root := writeTree(t, map[string]string{
		"pom.xml": "<project><artifactId>tool</artifactId><version>1.0</version></project>",
	})
	repo, err := Scan(root)
	if err != nil {
		t.Fatal(err)
	}
	c := javaDetector{}.Detect(repo.Dir("."))
	if c == nil || c.Strength != Weak || len(c.Services) != 1 {
		t.Fatalf("plain pom: got claim %+v, want one weak service", c)
	}
	s := c.Services[0]
	if s.Kind != KindWorker || s.Build.Entrypoint != "target/tool-1.0.jar" || s.LanguageVersion != javaDefaultVersion {
		t.Errorf("plain pom: got kind %q entrypoint %q version %q, want worker target/tool-1.0.jar %s", s.Kind, s.Build.Entrypoint, s.LanguageVersion, javaDefaultVersion)
	}
}

func TestGradleCatalog(t *testing.T) {
	cat, err := parseGradleCatalog([]byte(`[libraries]
spring-boot-starter-web = { module = "org.springframework.boot:spring-boot-starter-web" }
pg = { group = "org.postgresql", name = "postgresql", version = "42.7.4" }
jedis = "redis.clients:jedis:5.2.0"
broken = { version = "1" }

[plugins]
spring_boot = { id = "org.springframework.boot", version = "3.4.1" }
shadow = "com.gradleup.shadow:8.3.5"
`))
	if err != nil {
		t.Fatal(err)
	}
	b := parseGradleBuild([]byte("plugins {\n  alias(libs.plugins.spring.boot)\n  alias(libs.plugins.shadow)\n}\ndependencies {\n  implementation(libs.spring.boot.starter.web)\n  runtimeOnly(libs.pg)\n  testImplementation(libs.jedis)\n  implementation(libs.unknown)\n}\n"))
	b.resolveCatalog(cat)
	var plugins, deps []string
	for _, p := range b.Plugins {
		plugins = append(plugins, p.Artifact)
	}
	for _, d := range b.Deps {
		c := d.coord()
		if d.Test {
			c = "test:" + c
		}
		deps = append(deps, c+"@"+strconv.Itoa(d.Line))
	}
	if got, want := strings.Join(plugins, ","), "org.springframework.boot,com.gradleup.shadow"; got != want {
		t.Errorf("catalog plugins: got %q, want %q", got, want)
	}
	if got, want := strings.Join(deps, ","), "org.springframework.boot:spring-boot-starter-web@6,org.postgresql:postgresql@7,test:redis.clients:jedis@8"; got != want {
		t.Errorf("catalog dependencies: got %q, want %q", got, want)
	}
	if !b.Shadow {
		t.Errorf("catalog shadow plugin: got Shadow false, want true")
	}
	if _, err := parseGradleCatalog([]byte("[libraries\n")); err == nil {
		t.Errorf("parseGradleCatalog on broken TOML: got no error, want one")
	}
}
