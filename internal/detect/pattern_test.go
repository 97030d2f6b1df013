package detect

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"math/rand/v2"
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
	"exports PORT port=80 pOrT: 8080 Port = 3000 export",
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
	for _, src := range packagePatterns(t) {
		p, re := newPattern(src), regexp.MustCompile(src)
		for _, s := range patternInputs {
			checkPatternAgrees(t, p, re, []byte(s))
		}
		for _, data := range blobs {
			checkAllMatches(t, p, re, data)
		}
	}
}

func TestStartLiterals(t *testing.T) {
	tests := []struct {
		src  string
		want []startLit // nil: no start-literal search
	}{
		{`\bprocess\.env\.([A-Za-z_]\w*)`, []startLit{{s: "process.env."}}},
		{`\b(?:client|resource)\(\s*["'](s3|sqs)["']`, []startLit{{s: "client"}, {s: "resource"}}},
		{`\bcreateServer\s*\(|\.listen\s*\(`, []startLit{{s: "createServer"}, {s: ".listen"}}},
		{`["']([^"']*)["']`, []startLit{{s: `"`}, {s: "'"}}},
		{`(?i)\bport\s*[:=]\s*(\d{2,5})\b`, []startLit{{s: "PORT", fold: true}}}, // the parser keeps folded literals upper case
		{`(?m)^\s*run\b`, nil}, // a match may start with any space
		{`process\.env`, nil},  // the regexp package skips to the prefix itself
		{`(?i)\bkey\b`, nil},   // (?i)k also matches the Kelvin sign
		{`\b(?:a|b)?c`, nil},   // optional first element
		{`[^a-z0-9-]+`, nil},
	}
	for _, tt := range tests {
		p := newPattern(tt.src)
		p.search()
		if !reflect.DeepEqual(p.starts, tt.want) {
			t.Errorf("pattern %q: got start literals %v, want %v", tt.src, p.starts, tt.want)
		}
	}
}

func TestStartLitIndex(t *testing.T) {
	tests := []struct {
		lit  startLit
		in   string
		want int
	}{
		{startLit{s: "env."}, "process.env.X", 8},
		{startLit{s: "port", fold: true}, "exPORTs", 2},
		{startLit{s: "port", fold: true}, "P pOrT", 2},
		{startLit{s: "port", fold: true}, "por", -1},
		{startLit{s: "port", fold: true}, "xxxxpor", -1},
		{startLit{s: "1:", fold: true}, "x1:", 1},
	}
	for _, tt := range tests {
		if got := tt.lit.index([]byte(tt.in)); got != tt.want {
			t.Errorf("%v in %q: got %d, want %d", tt.lit, tt.in, got, tt.want)
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

// TestPatternForms: the package's env and port patterns take the
// start-literal search, most of them the boundary-checked form.
func TestPatternForms(t *testing.T) {
	fast, ctx, lin := 0, 0, 0
	for _, src := range packagePatterns(t) {
		p := newPattern(src)
		p.search()
		if p.lin != nil {
			lin++
		}
		switch {
		case p.starts != nil && !p.ctx:
			fast++
		case p.starts != nil:
			ctx++
		}
	}
	t.Logf("%d patterns checked by hand at the boundary (%d of them matched by hand), %d with context", fast, lin, ctx)
	if fast < 30 || ctx < 20 || lin < 15 {
		t.Errorf("got %d boundary-checked, %d linear and %d context patterns, want at least 30, 15 and 20", fast, lin, ctx)
	}
}

// TestSearchFormsAgreeOnRandomText checks each search form, on patterns
// made to sit at its edges, against the regexp package on random text
// over a small alphabet (so that the patterns' pieces meet often).
func TestSearchFormsAgreeOnRandomText(t *testing.T) {
	tests := []struct {
		src    string
		linear bool
	}{
		{`\bab[a-c]*d`, true},
		{`\bab[a-c]*c`, false},    // giving back a c may let the rest match
		{`\bab[a-c]*[cd]`, false}, // likewise
		{`\bab[a-c]+(d)`, true},
		{`\bab([a-c]?)([0-9]{1,2})x`, true},
		{`\bab[0-9]{2}[0-9]`, true}, // a fixed count gives nothing back
		{`\bab[0-9]{1,2}[0-9]`, false},
		{`\bab\s*=\s*"([A-Z_]*)"`, true},
		{`\bab[^"]*"`, false}, // a negated class matches by runes
		{`\bab(x)?d`, false},
		{`\bab[a-c]*?d`, false}, // non-greedy
		{`\bab\b`, false},       // an assertion after the literal
		{`ab|cd`, false},
		{`(?m)^ab[a-c]*d`, false},
		{`\Bab[a-c]*d`, false},
	}
	const alphabet = "abcdx0123 =_\"\n\xffé"
	rng := rand.New(rand.NewPCG(1, 2))
	inputs := make([][]byte, 3000)
	for i := range inputs {
		b := make([]byte, rng.IntN(24))
		for j := range b {
			b[j] = alphabet[rng.IntN(len(alphabet))]
		}
		inputs[i] = b
	}
	for _, tt := range tests {
		p, re := newPattern(tt.src), regexp.MustCompile(tt.src)
		if p.search(); (p.lin != nil) != tt.linear {
			t.Errorf("pattern %q: got linear %v, want %v", tt.src, p.lin != nil, tt.linear)
		}
		for _, in := range inputs {
			checkPatternAgrees(t, p, re, in)
		}
	}
}
