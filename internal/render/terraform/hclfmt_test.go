package terraform

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestWriterMatchesHCLWrite renders every spec of the expansion's suite
// with the direct writer and with hclwrite plus hclwrite.Format, file by
// file, and wants the same bytes; the direct writer must not have fallen
// back to hclwrite for any of them.
func TestWriterMatchesHCLWrite(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(specDir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no specs under %s", specDir)
	}
	for _, p := range paths {
		g := expandSpec(t, p)
		files, err := layout(g)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for name, blocks := range files {
			w := &hclWriter{}
			w.file(blocks)
			if w.bad {
				t.Errorf("%s: %s: the direct writer gave up", filepath.Base(p), name)
				continue
			}
			got, want := w.format(), writeFileHCL(blocks)
			if !bytes.Equal(got, want) {
				t.Errorf("%s: %s: direct writer differs from hclwrite:\n%s", filepath.Base(p), name, firstDiff(got, want))
			}
		}
	}
}

// TestWriterRandomTrees compares the direct writer with hclwrite on random
// blocks holding every kind of expression, odd strings and numbers, and
// attributes set twice.
func TestWriterRandomTrees(t *testing.T) {
	direct := 0
	for seed := uint64(0); seed < 400; seed++ {
		blocks := randomBlocks(rand.New(rand.NewPCG(seed, 7)), "")
		got, want := writeFile(blocks), writeFileHCL(blocks)
		if !bytes.Equal(got, want) {
			t.Fatalf("seed %d: direct writer differs from hclwrite:\n%s", seed, firstDiff(got, want))
		}
		w := &hclWriter{}
		w.file(blocks)
		if !w.bad {
			direct++
		}
	}
	t.Logf("direct writer handled %d of 400", direct)
	if direct < 200 {
		t.Errorf("the direct writer handled %d of 400 random files, want most of them: the test compares too little", direct)
	}
}

// FuzzWriter compares the direct writer with hclwrite on random trees
// holding the fuzzed string as literal, key, comment and number.
func FuzzWriter(f *testing.F) {
	for _, s := range []string{"", "a", "${x}", "%{", "é", "e\u0301", "-1.5", "1e3", "\x00", "\xff", "a\nb", "\t\r", "in", "0x1f", "Inf", "日本", "a$", "💡"} {
		f.Add(uint64(1), s)
	}
	f.Fuzz(func(t *testing.T, seed uint64, s string) {
		blocks := randomBlocks(rand.New(rand.NewPCG(seed, 11)), s)
		got, want := writeFile(blocks), writeFileHCL(blocks)
		if !bytes.Equal(got, want) {
			t.Fatalf("direct writer differs from hclwrite:\n%s", firstDiff(got, want))
		}
	})
}

// TestValidIdent checks the fast identifier test against the lexer's on
// every string of up to three characters from a small alphabet, and some
// longer ones.
func TestValidIdent(t *testing.T) {
	alphabet := []string{"a", "Z", "_", "-", "0", "9", ".", " ", "é", "$", "\x00"}
	words := []string{"", "aws_vpc", "x-y", "1st", "in", "-a", "a.b", "日本", "é1", "a\u0301"}
	var grow func(prefix string, n int)
	grow = func(prefix string, n int) {
		words = append(words, prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(prefix+c, n-1)
		}
	}
	grow("", 3)
	for _, w := range words {
		if got, want := validIdent(w), hclsyntax.ValidIdentifier(w); got != want {
			t.Errorf("validIdent(%q): got %v, want %v", w, got, want)
		}
	}
}

// firstDiff shows the first differing line of two outputs.
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

var (
	randomStrings = []string{"", "plain", "with space", `q"uote`, `back\slash`, "${not}", "%{if}", "$", "a$", "%", "new\nline", "tab\t", "é", "e\u0301", "日本語", "\x01", "\xff\xfe", "💡", "aws:SourceAccount", "x-y", "in", "for"}
	randomNumbers = []string{"0", "1", "-1", "42", "-0", "007", "1.5", "-2.25", "1e3", "0.1", "123456789012345678901234567890", "+3", "0x10", "Inf", "-inf", "nope", "true", "null", ".5", "5."}
	randomNames   = []string{"name", "bucket_prefix", "a", "tags", "in", "id", "very_long_attribute_name"}
	// badNames do not lex as one identifier: the writer must give up.
	badNames      = []string{"x-y", "1st"}
	randomSources = []string{`alltrue([for v in var.x : contains(["a", "b"], v)])`, `jsondecode(aws_x.y.secret_string)["password"]`, `not valid (`, `a - -1`, `!x`, `[for k, v in m : k if v]`, `"${a}b"`}
)

// randomBlocks makes a small file of random blocks; extra, when not
// empty, is used among the random strings.
func randomBlocks(r *rand.Rand, extra string) []*block {
	strs := randomStrings
	if extra != "" {
		strs = append(append([]string(nil), randomStrings...), extra)
	}
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	name := func() string {
		if r.IntN(40) == 0 {
			return pick(badNames)
		}
		return pick(randomNames)
	}
	var exprOf func(depth int) expr
	exprOf = func(depth int) expr {
		k := r.IntN(10)
		if depth > 3 {
			k = r.IntN(3)
		}
		switch k {
		case 0:
			return eStr(pick(strs))
		case 1:
			if r.IntN(4) == 0 {
				return eRaw(pick(strs))
			}
			return eRaw(pick(randomNumbers))
		case 2:
			parts := []string{pick([]string{"var", "local", "aws_vpc", "data"})}
			for n := r.IntN(4); n > 0; n-- {
				parts = append(parts, pick([]string{"id", "arn", "0", "12", "names", "-1", "+2", "main", name()}))
			}
			return trav(parts...)
		case 3:
			var parts []expr
			for n := r.IntN(5); n > 0; n-- {
				parts = append(parts, exprOf(depth+1))
			}
			return tmpl(parts...)
		case 4:
			var t eTuple
			for n := r.IntN(4); n > 0; n-- {
				t = append(t, exprOf(depth+1))
			}
			return t
		case 5:
			var o eObj
			for n := r.IntN(4); n > 0; n-- {
				o = append(o, eKV{pick(append(strs[:len(strs):len(strs)], randomNames...)), exprOf(depth + 1)})
			}
			return o
		case 6:
			var args []expr
			for n := r.IntN(3); n > 0; n-- {
				args = append(args, exprOf(depth+1))
			}
			return eCall{pick([]string{"jsonencode", "merge", "max", name()}), args}
		case 7:
			return eSrc(pick(randomSources))
		case 8:
			return eTmpl{eStr(pick(strs)), exprOf(depth + 1), eStr(pick(strs))}
		}
		return eRaw(pick([]string{"true", "false", "null"}))
	}
	var bodyOf func(depth int) *body
	bodyOf = func(depth int) *body {
		b := &body{}
		for n := r.IntN(6); n > 0; n-- {
			if depth < 2 && r.IntN(5) == 0 {
				sub := bodyOf(depth + 1)
				b.items = append(b.items, item{name: name(), blk: sub})
				continue
			}
			b.set(name(), exprOf(0))
		}
		return b
	}
	var out []*block
	for n := 1 + r.IntN(4); n > 0; n-- {
		b := &block{kind: pick([]string{"resource", "data", "locals", "output"}), body: bodyOf(0)}
		for l := r.IntN(3); l > 0; l-- {
			b.labels = append(b.labels, pick(strs))
		}
		if r.IntN(3) == 0 {
			b.comment = pick([]string{"one line", "two\nlines", "  padded  ", "ünïcode", extra})
		}
		out = append(out, b)
	}
	return out
}
