package detect

import (
	"bytes"
	"errors"
	"testing"
)

func FuzzParsePom(f *testing.F) {
	f.Add([]byte("<project><artifactId>demo</artifactId><properties><a>${b}</a><b>${a}</b></properties></project>"))
	f.Add([]byte("<project>\n<artifactId>x</artifact>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parsePom(data)
		if err != nil {
			var se *manifestXMLError
			if !errors.As(err, &se) {
				t.Fatalf("parsePom(%q): got %T %v, want a manifestXMLError", data, err, err)
			}
			if lines := bytes.Count(data, []byte{'\n'}) + 1; se.Line < 0 || se.Line > lines {
				t.Errorf("parsePom(%q): got error line %d, want within 0..%d", data, se.Line, lines)
			}
			return
		}
		_ = p.resolve("${project.version}")
		for _, k := range []string{"java.version", "maven.compiler.release"} {
			_ = javaMajor(p.resolve(p.Properties[k]))
		}
	})
}

func FuzzParseGradleBuild(f *testing.F) {
	f.Add([]byte("plugins { id(\"org.springframework.boot\") version \"3.4.1\" }\ndependencies { implementation(\"a:b:1\") }\n"))
	f.Add([]byte("/* unterminated \" comment\nsourceCompatibility = '1.8'"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b := parseGradleBuild(data)
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, d := range append(b.Deps, b.Plugins...) {
			if d.Line < 1 || d.Line > lines {
				t.Errorf("parseGradleBuild(%q): %v at line %d, want within 1..%d", data, d, d.Line, lines)
			}
		}
		if got := gradleStripComments(data); len(got) != len(data) || bytes.Count(got, []byte{'\n'}) != lines-1 {
			t.Errorf("gradleStripComments(%q) changed the length or the line count", data)
		}
	})
}

func FuzzParseGradleSettings(f *testing.F) {
	f.Add([]byte("rootProject.name = 'x'\ninclude 'a', 'b:c'\ninclude(\":d\")\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, inc := range parseGradleSettings(data).Includes {
			if inc == "" || bytes.Contains([]byte(inc), []byte("..")) {
				t.Errorf("parseGradleSettings(%q): got include %q", data, inc)
			}
		}
	})
}

func FuzzParseJavaConfig(f *testing.F) {
	f.Add([]byte("server.port=${PORT:8080}\nlong=a\\\n b\n"))
	f.Add([]byte("server:\n  port: 9090\n---\nx: [1, 2]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, e := range parseJavaProperties(data) {
			_, _ = javaPortFromValue(e.Value)
		}
		entries, _ := parseJavaYAML(data)
		for _, e := range entries {
			_, _ = javaPortFromValue(e.Value)
		}
	})
}

func FuzzParseGradleCatalog(f *testing.F) {
	f.Add([]byte("[libraries]\na = { module = \"g:n\" }\nb = \"g:n:1\"\n[plugins]\nc = { id = \"x.y\" }\n"))
	f.Add([]byte("[libraries]\nx = 3\n[plugins]\ny = [1]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseGradleCatalog(data)
		if err != nil {
			return
		}
		for k, d := range c.Libraries {
			if d.Group == "" || d.Artifact == "" {
				t.Errorf("parseGradleCatalog(%q): library %q has empty coordinates", data, k)
			}
		}
	})
}
