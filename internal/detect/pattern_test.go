package detect

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// packagePatterns returns the source of every newPattern("...") call in the
// package's non-test files, so that the equivalence tests below cover each
// expression the detectors use, including ones added later.
func packagePatterns(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			tb.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "newPattern" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			src, err := strconv.Unquote(lit.Value)
			if err != nil {
				tb.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
			}
			out = append(out, src)
			return true
		})
	}
	if len(out) < 100 {
		tb.Fatalf("got %d patterns from the package's sources, want over 100", len(out))
	}
	return out
}

// patternInputs are texts at the edges of the start-literal search: a
// literal at offset 0 and at the end, after a word character, after a
// multi-byte character and after an invalid byte, overlapping and
// repeated literals, and lines for (?m)^.
var patternInputs = []string{
	"",
	"process.env.PORT",
	"xprocess.env.PORT process.env.A_B",
	"é process.env.X\xffprocess.env.Y_1 _process.env.Z",
	"process.env.process.env.A",
	"const {A, B: b, C = 1} = process.env;\nconst { D } = Bun.env",
	"os.environ['DB'] os.environ.get(\"X\") environ.pop('Y') myenviron['Z']",
	"getenv('A') os.getenv(\"B\") xgetenv('C') env('D') env.str('E') config('F') myconfig('G')",
	"boto3.client('s3') s.resource(\"sqs\") subclient('s3') client ( 's3' )",
	"http.ListenAndServe(\":8080\", nil)\nnet.Listen(\"tcp\", addr)\nsrv.Serve(lis)",
	"app.listen(3000)\ncreateServer(app)\nBun.serve({fetch})\nexport default { fetch }",
	"ENV['A'] ENV.fetch('B') ENV.key?('C') XENV['D']",
	"System.getenv(\"A\") Environment.GetEnvironmentVariable(\"B\") std::env::var(\"C\") env!(\"D\")",
	"@dramatiq.actor\nimport dramatiq\n",
	"${DB_URL} ${PORT:8080} $_ENV['A'] $_SERVER['B'] S3Client SqsClient",
	"  gem 'rails'\ngroup :dev do\nmodule Foo\n  adapter: postgresql\n",
	"app = FastAPI()\napi: FastAPI = fastapi.FastAPI(\ncelery = Celery(\n",
}

// fixtureBlobs returns the fixture repositories' files, joined by
// newlines into a few larger texts (fewer calls, the same matches to find).
func fixtureBlobs(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	var blob []byte
	n := 0
	err := filepath.WalkDir("testdata/repos", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		blob = append(append(blob, data...), '\n')
		if n++; n%40 == 0 {
			out, blob = append(out, blob), nil
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(blob) > 0 {
		out = append(out, blob)
	}
	if n < 300 {
		tb.Fatalf("got %d fixture files, want over 300", n)
	}
	return out
}

// checkPatternAgrees fails when a pattern's search methods disagree with
// the plain regexp's on data.
func checkPatternAgrees(t *testing.T, p *pattern, re *regexp.Regexp, data []byte) {
	t.Helper()
	src := p.src
	checkAllMatches(t, p, re, data)
	if got, want := p.FindAllSubmatchIndex(data, 2), re.FindAllSubmatchIndex(data, 2); !reflect.DeepEqual(got, want) {
		t.Fatalf("pattern %q on %q: FindAllSubmatchIndex(2) got %v, want %v", src, data, got, want)
	}
	if got, want := p.FindSubmatchIndex(data), re.FindSubmatchIndex(data); !reflect.DeepEqual(got, want) {
		t.Fatalf("pattern %q on %q: FindSubmatchIndex got %v, want %v", src, data, got, want)
	}
	if got, want := p.FindIndex(data), re.FindIndex(data); !reflect.DeepEqual(got, want) {
		t.Fatalf("pattern %q on %q: FindIndex got %v, want %v", src, data, got, want)
	}
	if got, want := p.FindAllIndex(data, -1), re.FindAllIndex(data, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("pattern %q on %q: FindAllIndex got %v, want %v", src, data, got, want)
	}
	if got, want := p.FindSubmatch(data), re.FindSubmatch(data); !reflect.DeepEqual(got, want) {
		t.Fatalf("pattern %q on %q: FindSubmatch got %q, want %q", src, data, got, want)
	}
	if got, want := p.FindAllSubmatch(data, -1), re.FindAllSubmatch(data, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("pattern %q on %q: FindAllSubmatch got %q, want %q", src, data, got, want)
	}
	if got, want := p.Match(data), re.Match(data); got != want {
		t.Fatalf("pattern %q on %q: Match got %v, want %v", src, data, got, want)
	}
}

// checkAllMatches compares FindAllSubmatchIndex, on which the others rest.
func checkAllMatches(t *testing.T, p *pattern, re *regexp.Regexp, data []byte) {
	t.Helper()
	if got, want := p.FindAllSubmatchIndex(data, -1), re.FindAllSubmatchIndex(data, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("pattern %q on %.200q: FindAllSubmatchIndex got %v, want %v", p.src, data, got, want)
	}
}

// TestPatternAgreesWithRegexp: the start-literal search finds exactly the
// matches the regexp package does, for every pattern of the package, on
// every fixture file and the edge cases above.
func TestPatternAgreesWithRegexp(t *testing.T) {
	blobs := fixtureBlobs(t)
	fast := 0
	for _, src := range packagePatterns(t) {
		p, re := newPattern(src), regexp.MustCompile(src)
		if p.get(); len(p.starts) > 0 {
			fast++
		}
		for _, s := range patternInputs {
			checkPatternAgrees(t, p, re, []byte(s))
		}
		for _, data := range blobs {
			checkAllMatches(t, p, re, data)
		}
	}
	if fast < 40 {
		t.Errorf("got %d patterns on the start-literal path, want at least 40 (the \\b-prefixed env and port patterns)", fast)
	}
}

func TestStartLiterals(t *testing.T) {
	tests := []struct {
		src  string
		want []string // nil: no start-literal search
	}{
		{`\bprocess\.env\.([A-Za-z_]\w*)`, []string{"process.env."}},
		{`\b(?:client|resource)\(\s*["'](s3|sqs)["']`, []string{"client", "resource"}},
		{`\bcreateServer\s*\(|\.listen\s*\(`, []string{"createServer", ".listen"}},
		{`["']([^"']*)["']`, []string{`"`, `'`}},
		{`(?m)^\s*run\b`, nil},                   // a match may start with any space
		{`process\.env`, nil},                    // the regexp package skips to the prefix itself
		{`(?i)\bport\s*[:=]\s*(\d{2,5})\b`, nil}, // case-insensitive literals are not searched for
		{`\b(?:a|b)?c`, nil},                     // optional first element
		{`[^a-z0-9-]+`, nil},
	}
	for _, tt := range tests {
		p := newPattern(tt.src)
		p.get()
		if !reflect.DeepEqual(p.starts, tt.want) {
			t.Errorf("pattern %q: got start literals %q, want %q", tt.src, p.starts, tt.want)
		}
	}
}

// FuzzPatternAgreesWithRegexp checks the start-literal search against the
// regexp package on arbitrary input for every pattern of the package.
func FuzzPatternAgreesWithRegexp(f *testing.F) {
	for _, s := range patternInputs {
		f.Add([]byte(s))
	}
	var ps []*pattern
	var res []*regexp.Regexp
	for _, src := range packagePatterns(f) {
		ps, res = append(ps, newPattern(src)), append(res, regexp.MustCompile(src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for i := range ps {
			checkPatternAgrees(t, ps[i], res[i], data)
		}
	})
}
