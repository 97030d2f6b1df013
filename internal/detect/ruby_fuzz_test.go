package detect

import "testing"

func FuzzParseGemfile(f *testing.F) {
	f.Add([]byte("source 'https://rubygems.org'\nruby '3.3.1'\ngem 'rails', '~> 7.2'\ngroup :test do\n  gem 'rspec'\nend\n"))
	f.Add([]byte("ruby file: \".ruby-version\"\nend\nend\ngem \"x\", group: [:development]\n"))
	f.Add([]byte("gem \"a#b\" # c\n'unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g := parseGemfile(data)
		n := lineCount(data)
		for _, gem := range g.Gems {
			if gem.Name == "" || gem.Line < 1 || gem.Line > n {
				t.Fatalf("bad gem %+v", gem)
			}
		}
		if g.RubyLine > n {
			t.Fatalf("ruby line %d beyond %d lines", g.RubyLine, n)
		}
	})
}

func FuzzParseGemfileLock(f *testing.F) {
	f.Add([]byte("DEPENDENCIES\n  pg (~> 1.5)\n  rails!\n\nRUBY VERSION\n   ruby 3.3.1p55\n\nBUNDLED WITH\n   2.5.6\n"))
	f.Add([]byte("RUBY VERSION\n   ruby p\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		l := parseGemfileLock(data)
		n := lineCount(data)
		if l.RubyLine > n || l.BundlerLine > n {
			t.Fatalf("lines beyond the input: %+v", l)
		}
		if l.Ruby != "" && !looksLikeVersion(l.Ruby) {
			t.Fatalf("ruby version %q is not a version", l.Ruby)
		}
	})
}
