package detect

import (
	"bytes"
	"strings"
	"testing"
)

// lineCount is the number of lines in data, for checking reported lines.
func lineCount(data []byte) int { return bytes.Count(data, []byte{'\n'}) + 1 }

func FuzzParsePyProject(f *testing.F) {
	f.Add([]byte("[project]\nname = \"x\"\ndependencies = [\"fastapi>=0.1\"]\nrequires-python = \">=3.11\"\n"))
	f.Add([]byte("[tool.poetry.dependencies]\npython = \"^3.12\"\nflask = { version = \"^3\", extras = [\"async\"] }\n"))
	f.Add([]byte("[project\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parsePyProject(data)
		if err != nil {
			se, ok := err.(*syntaxError)
			if !ok {
				t.Fatalf("error %T %v is not a *syntaxError", err, err)
			}
			if se.Line < 0 || se.Line > lineCount(data)+1 || se.Column < 0 {
				t.Fatalf("position %d:%d outside the input of %d lines", se.Line, se.Column, lineCount(data))
			}
			return
		}
		for _, d := range p.Deps {
			if d.Name == "" || d.Line < 0 || d.Line > lineCount(data) {
				t.Fatalf("bad dependency %+v", d)
			}
		}
	})
}

func FuzzParsePipfile(f *testing.F) {
	f.Add([]byte("[packages]\nflask = \"*\"\n[requires]\npython_version = \"3.11\"\n"))
	f.Add([]byte("[packages]\nx = {extras = [1]}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parsePipfile(data)
		if err == nil && p.PythonLine > lineCount(data) {
			t.Fatalf("python line %d beyond %d lines", p.PythonLine, lineCount(data))
		}
	})
}

func FuzzParseRequirements(f *testing.F) {
	f.Add([]byte("Django>=5\n-r base.txt\npsycopg[binary]==3 ; python_version>'3'\n"))
	f.Add([]byte("gunicorn \\\n  --hash=sha256:00\n-e git+https://x/y.git#egg=z\n"))
	f.Add([]byte("\\"))
	f.Fuzz(func(t *testing.T, data []byte) {
		reqs, incs := parseRequirements(data)
		n := lineCount(data)
		for _, r := range reqs {
			if r.Name == "" || r.Line < 1 || r.Line > n || strings.ContainsAny(r.Name, " _.") {
				t.Fatalf("bad requirement %+v", r)
			}
		}
		for _, i := range incs {
			if i.Path == "" || i.Line < 1 || i.Line > n {
				t.Fatalf("bad include %+v", i)
			}
		}
	})
}

func FuzzParseSetupFiles(f *testing.F) {
	f.Add([]byte("setup(name='a', install_requires=['flask>=2', 'redis'])\n"))
	f.Add([]byte("[metadata]\nname = a\n[options]\ninstall_requires =\n    flask\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, deps := parseSetupPy(data)
		_, deps2 := parseSetupCfg(data)
		for _, d := range append(deps, deps2...) {
			if d.Name == "" || d.Line < 1 || d.Line > lineCount(data) {
				t.Fatalf("bad dependency %+v", d)
			}
		}
	})
}

func FuzzLowestAllowedMinor(f *testing.F) {
	for _, s := range []string{">=3.11", "^8.3 || ~8.2.1", "~> 1.15", ">= 3.1, < 3.4", "==3.12.*", "!=3.11,>3", "<=9999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, c string) {
		for _, tbl := range [][]string{pythonSupportedMinors, phpSupportedMinors, rubySupportedMinors} {
			for _, dialect := range []constraintDialect{dialectPEP440, dialectComposer, dialectRubyGems} {
				v, ok := lowestAllowedMinor(c, tbl, dialect)
				if ok != (v != "") {
					t.Fatalf("lowestAllowedMinor(%q): ok %v with %q", c, ok, v)
				}
				if ok && strings.Count(v, ".") != 1 {
					t.Fatalf("lowestAllowedMinor(%q) = %q, want major.minor", c, v)
				}
			}
		}
	})
}
