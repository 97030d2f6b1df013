package cloudformation

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/spec"
	"go.yaml.in/yaml/v3"
)

// TestWriterMatchesEncoder renders every spec of the expansion's suite and
// the benchmark's large spec with the direct writer and with the YAML
// encoder, and wants the same bytes, without the writer giving up.
func TestWriterMatchesEncoder(t *testing.T) {
	paths, err := filepath.Glob("../../expand/testdata/specs/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no specs: %v", err)
	}
	paths = append(paths, "../../expand/testdata/bench/large.yaml")
	for _, p := range paths {
		doc, err := spec.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := expand.Expand(doc.Spec)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		d, err := document(res.Graph)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		got, ok := emitYAML(d)
		if !ok {
			t.Errorf("%s: the direct writer gave up", filepath.Base(p))
			continue
		}
		want, err := encodeYAML(d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: direct writer differs from the encoder:\n%s", filepath.Base(p), firstDiff(got, want))
		}
	}
}

// TestWriterRandomTrees compares the writer with the encoder on random
// trees of the shapes Render builds, with odd strings, numbers, tags,
// literal blocks and comments.
func TestWriterRandomTrees(t *testing.T) {
	direct := 0
	for seed := uint64(0); seed < 500; seed++ {
		d := randomDoc(rand.New(rand.NewPCG(seed, 3)), "")
		want, err := encodeYAML(d)
		if err != nil {
			t.Fatalf("seed %d: encoder: %v", seed, err)
		}
		got, ok := emitYAML(d)
		if !ok {
			continue
		}
		direct++
		if !bytes.Equal(got, want) {
			t.Fatalf("seed %d: direct writer differs from the encoder:\n%s", seed, firstDiff(got, want))
		}
	}
	t.Logf("direct writer handled %d of 500", direct)
	if direct < 350 {
		t.Errorf("the direct writer handled %d of 500 random trees, want most: the test compares too little", direct)
	}
}

// FuzzWriter compares the writer with the encoder on random trees holding
// the fuzzed string as keys, values and comments.
func FuzzWriter(f *testing.F) {
	for _, s := range []string{"", "a", "true", "yes", "0x1", "1.5", "a: b", "- x", "#", "a\nb", "a\n", " a", "é", "${X}", "!Ref", "'", "\"", "\t", "null", "~", "12:30", "2001-01-01"} {
		f.Add(uint64(1), s)
	}
	f.Fuzz(func(t *testing.T, seed uint64, s string) {
		d := randomDoc(rand.New(rand.NewPCG(seed, 5)), s)
		want, err := encodeSafely(d)
		if err != nil {
			// Not encodable (invalid UTF-8): the writer must give up, so
			// that Render fails as the encoder does.
			if _, ok := emitYAML(d); ok {
				t.Fatalf("the encoder fails (%v) but the direct writer does not", err)
			}
			return
		}
		if got, ok := emitYAML(d); ok && !bytes.Equal(got, want) {
			t.Fatalf("direct writer differs from the encoder:\n%s", firstDiff(got, want))
		}
	})
}

// encodeSafely is encodeYAML with the encoder's panics (on a comment of
// invalid UTF-8) turned into errors.
func encodeSafely(d *yaml.Node) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("encoder panicked: %v", r)
		}
	}()
	return encodeYAML(d)
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, gl, wl)
		}
	}
	return "same lines, different bytes"
}

var randomScalars = []string{
	"", "plain", "Two words", "AWS::S3::Bucket", "sts:AssumeRole", "arn:aws:s3:::b/*", "${AWS::StackName}-x", "a: b", "a:", "a #b", "#a",
	"- a", "? a", "true", "True", "yes", "no", "on", "off", "y", "n", "null", "Null", "~", "1", "-1", "01", "0x1f", "1.5", "1e3", ".inf", "1_000",
	"12:30", "2001-01-01", "a{b}", "{a}", "[a]", "a,b", "*a", "&a", "!a", "|a", "@a", "`a", "%a", "'a'", `"a"`, "a'b", `a"b`, " lead", "trail ",
	"é", "日本", "a\tb", "a\\b", "line\nnext", "line\nnext\n", "line\n\nnext", "  indented\nline", "trailing \nspace", "x\n\n", "\n", "a\rb",
	"a=b", "a+b", "(a)", "Sub${X}", "$", "$x", "Fn::If", "x/y.z", "a-b_c", "abcdef", "abcde", "A1", "-", "?", ":", ",",
}

// randomDoc makes a template-like tree: a root mapping of mappings,
// sequences, tagged scalars and collections, literal blocks and head
// comments; extra, when not empty, is one more scalar text.
func randomDoc(r *rand.Rand, extra string) *yaml.Node {
	texts := randomScalars
	if extra != "" {
		texts = append(append([]string(nil), randomScalars...), extra, extra, extra)
	}
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	// keyText is mostly a one-line text: a multi-line key makes the
	// writer give up.
	keyText := func() string {
		s := pick(texts)
		for strings.ContainsAny(s, "\r\n") && r.IntN(20) != 0 {
			s = pick(texts)
		}
		return s
	}
	scalarOf := func() *yaml.Node {
		switch r.IntN(8) {
		case 0:
			return scalar(pick([]string{"!!int", "!!float", "!!bool", "!!null"}), pick([]string{"1", "-2", "0", "07", "1.5", "1e3", "true", "false", "null", "abc", ""}))
		case 1:
			n := scalar(pick([]string{"!Ref", "!GetAtt", "!Sub", "!GetAZs", "!Base64"}), pick(texts))
			if r.IntN(4) == 0 {
				n.Style = yaml.DoubleQuotedStyle
			}
			return n
		}
		return str(pick(texts))
	}
	var nodeOf func(depth int) *yaml.Node
	nodeOf = func(depth int) *yaml.Node {
		k := r.IntN(6)
		if depth > 4 {
			k = 0
		}
		switch k {
		case 0, 1:
			return scalarOf()
		case 2, 3:
			m := mapping()
			for n := r.IntN(4); n > 0; n-- {
				add(m, keyText(), nodeOf(depth+1))
			}
			if r.IntN(5) == 0 {
				m.Tag = pick([]string{"!If", "!Transform"})
			}
			return m
		}
		l := sequence()
		for n := r.IntN(4); n > 0; n-- {
			l.Content = append(l.Content, nodeOf(depth+1))
		}
		if r.IntN(4) == 0 {
			l.Tag = pick([]string{"!Join", "!Sub", "!Select", "!If"})
		}
		return l
	}
	root := mapping()
	for n := 1 + r.IntN(5); n > 0; n-- {
		k := str(keyText())
		if r.IntN(4) == 0 {
			k.HeadComment = pick([]string{"one line", "two\nlines", "# hashed", extra})
		}
		sec := mapping()
		for m := r.IntN(4); m > 0; m-- {
			key := str(keyText())
			if r.IntN(5) == 0 {
				key.HeadComment = pick([]string{"Keeps files.", "a\nb", extra})
			}
			sec.Content = append(sec.Content, key, nodeOf(0))
		}
		root.Content = append(root.Content, k, sec)
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
}
