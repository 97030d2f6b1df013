package dockerrules

import (
	"path"
	"regexp"
	"strings"
)

// This file splits shell scripts (RUN lines) into simple commands. It is a
// deliberately small reader, not a shell: it knows quotes, escapes,
// comments, command substitution (kept opaque inside a word), the
// operators that separate commands (; & && || | newline and parentheses)
// and redirections (dropped with their target). That is enough to find
// "apt-get install" and its flags in what people write in Dockerfiles.

// shCmd is one simple command of a script.
type shCmd struct {
	// words are the command and its arguments, after leading variable
	// assignments and wrappers (sudo, env, nice, exec, ...) are removed.
	words []string
	// env holds the leading NAME=value assignments.
	env map[string]string
	// sudo is true when the command ran through sudo.
	sudo bool
	// pipeline numbers the pipeline the command belongs to; pipeIn and
	// pipeOut say whether its stdin or stdout is a pipe.
	pipeline        int
	pipeIn, pipeOut bool
	// pipefail is true when an earlier `set -o pipefail` in the same script
	// is in effect.
	pipefail bool
}

// name is the command's base name ("/usr/bin/apt-get" -> "apt-get").
func (c shCmd) name() string {
	if len(c.words) == 0 {
		return ""
	}
	return path.Base(c.words[0])
}

// args are the words after the command name.
func (c shCmd) args() []string {
	if len(c.words) < 2 {
		return nil
	}
	return c.words[1:]
}

var assignRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)

// shellNames are interpreters whose -c argument is itself a script.
var shellNames = map[string]bool{"sh": true, "bash": true, "dash": true, "ash": true, "zsh": true, "ksh": true}

// splitScript reads script into simple commands.
func splitScript(script string) []shCmd {
	var p scriptReader
	p.read(script, 0)
	return p.cmds
}

type scriptReader struct {
	cmds     []shCmd
	pipeline int
	pipefail bool
}

// read tokenises script and appends its commands; depth bounds `sh -c`
// recursion.
func (p *scriptReader) read(script string, depth int) {
	var (
		words    []string
		cur      strings.Builder
		inWord   bool
		dropNext bool // the next word is a redirection target
		pipeIn   bool
		// case ... in: patterns (a|b) are not commands; caseDepth counts
		// open case statements, inPattern is true while reading patterns.
		caseDepth int
		inPattern bool
		caseHead  bool // between "case" and "in"
	)
	endWord := func() {
		if !inWord {
			return
		}
		w := cur.String()
		cur.Reset()
		inWord = false
		switch {
		case dropNext:
			dropNext = false
		case inPattern:
			if w == "esac" {
				caseDepth--
				inPattern = false
				words = nil
			}
		case caseHead && w == "in":
			caseHead = false
			inPattern = true
			caseDepth++
			words = nil
		case len(words) == 0 && w == "case":
			caseHead = true
			words = append(words, w)
		case len(words) == 0 && w == "esac" && caseDepth > 0:
			caseDepth--
		default:
			words = append(words, w)
		}
	}
	endCmd := func(pipe bool) {
		endWord()
		dropNext = false
		if caseHead || inPattern {
			words = nil
		}
		if len(words) > 0 {
			p.add(words, pipeIn, pipe, depth)
		}
		words = nil
		if pipe {
			pipeIn = true
		} else {
			if pipeIn {
				p.pipeline++
			}
			pipeIn = false
			p.pipeline++
		}
	}
	rs := []rune(script)
	n := len(rs)
	for i := 0; i < n; i++ {
		c := rs[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			endWord()
		case c == '\n':
			endCmd(false)
		case c == '\\':
			if i+1 < n {
				i++
				if rs[i] != '\n' {
					cur.WriteRune(rs[i])
					inWord = true
				}
			}
		case c == '\'':
			inWord = true
			for i++; i < n && rs[i] != '\''; i++ {
				cur.WriteRune(rs[i])
			}
		case c == '"':
			inWord = true
			for i++; i < n && rs[i] != '"'; i++ {
				if rs[i] == '\\' && i+1 < n && strings.ContainsRune("\"\\$`\n", rs[i+1]) {
					i++
					if rs[i] == '\n' {
						continue
					}
				}
				cur.WriteRune(rs[i])
			}
		case c == '`':
			inWord = true
			cur.WriteRune(c)
			for i++; i < n && rs[i] != '`'; i++ {
				cur.WriteRune(rs[i])
			}
			cur.WriteRune('`')
		case c == '$' && i+1 < n && (rs[i+1] == '(' || rs[i+1] == '{'):
			inWord = true
			open, closing := rs[i+1], ')'
			if open == '{' {
				closing = '}'
			}
			cur.WriteRune('$')
			level := 0
			for i++; i < n; i++ {
				cur.WriteRune(rs[i])
				if rs[i] == open {
					level++
				} else if rs[i] == closing {
					level--
					if level == 0 {
						break
					}
				}
			}
		case c == '#' && !inWord:
			for i+1 < n && rs[i+1] != '\n' {
				i++
			}
		case inPattern && (c == '|' || c == '('):
			endWord()
		case inPattern && c == ')':
			endWord()
			words = nil
			inPattern = false
		case caseDepth > 0 && c == ';' && i+1 < n && (rs[i+1] == ';' || rs[i+1] == '&'):
			for i+1 < n && (rs[i+1] == ';' || rs[i+1] == '&') {
				i++
			}
			endCmd(false)
			inPattern = true
		case c == '|':
			if i+1 < n && rs[i+1] == '|' {
				i++
				endCmd(false)
			} else {
				if i+1 < n && rs[i+1] == '&' {
					i++
				}
				endCmd(true)
			}
		case c == '&':
			if i+1 < n && rs[i+1] == '&' {
				i++
			} else if i+1 < n && rs[i+1] == '>' {
				// &> file: redirection of both streams.
				i++
				endWord()
				dropNext = true
				continue
			}
			endCmd(false)
		case c == ';' || c == '(' || c == ')':
			endCmd(false)
		case c == '>' || c == '<':
			if inWord && isDigits(cur.String()) {
				cur.Reset()
				inWord = false
			}
			endWord()
			for i+1 < n && strings.ContainsRune("<>&|-", rs[i+1]) {
				i++
			}
			// >&2 and 2>&1 name a descriptor, not a file.
			if i+1 < n && rs[i] == '&' && rs[i+1] >= '0' && rs[i+1] <= '9' {
				for i+1 < n && rs[i+1] >= '0' && rs[i+1] <= '9' {
					i++
				}
				continue
			}
			dropNext = true
		default:
			inWord = true
			cur.WriteRune(c)
		}
	}
	endCmd(false)
}

var wrapperKeywords = map[string]bool{
	"if": true, "then": true, "else": true, "elif": true, "do": true, "while": true, "until": true,
	"!": true, "{": true, "}": true, "fi": true, "done": true, "time": true, "exec": true,
	"command": true, "builtin": true, "nohup": true,
}

// add normalises one command's words and records it.
func (p *scriptReader) add(words []string, pipeIn, pipeOut bool, depth int) {
	c := shCmd{env: map[string]string{}, pipeline: p.pipeline, pipeIn: pipeIn, pipeOut: pipeOut}
	for len(words) > 0 {
		w := words[0]
		switch {
		case assignRe.MatchString(w):
			k, v, _ := strings.Cut(w, "=")
			c.env[k] = v
			words = words[1:]
		case wrapperKeywords[w]:
			words = words[1:]
		case path.Base(w) == "sudo":
			c.sudo = true
			words = skipFlags(words[1:], map[string]bool{"-u": true, "-g": true, "-C": true, "-D": true, "-h": true, "-p": true, "-r": true, "-t": true, "-U": true, "-T": true})
		case path.Base(w) == "env":
			words = skipFlags(words[1:], map[string]bool{"-u": true, "-C": true, "-S": true})
		case path.Base(w) == "nice":
			words = skipFlags(words[1:], map[string]bool{"-n": true})
		default:
			goto done
		}
	}
done:
	if len(words) == 0 {
		return
	}
	c.words = words
	if c.name() == "set" {
		for _, a := range c.args() {
			if a == "pipefail" {
				p.pipefail = true
			}
		}
	}
	c.pipefail = p.pipefail
	p.cmds = append(p.cmds, c)
	// sh -c "script": read the script too.
	if shellNames[c.name()] && depth < 3 {
		for i, a := range c.args() {
			if strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "--") && strings.Contains(a, "c") && i+1 < len(c.args()) {
				p.pipeline++
				p.read(c.args()[i+1], depth+1)
				break
			}
		}
	}
}

// skipFlags drops leading flags (and the values of those in withValue).
func skipFlags(words []string, withValue map[string]bool) []string {
	for len(words) > 0 && strings.HasPrefix(words[0], "-") {
		if words[0] == "--" {
			return words[1:]
		}
		if withValue[words[0]] && len(words) > 1 {
			words = words[1:]
		}
		words = words[1:]
	}
	return words
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// cli splits a command's arguments into positional words and flags; the
// flags listed in withValue take the next word as their value (which is
// then neither).
func cli(args []string, withValue map[string]bool) (pos, flags []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			if withValue[a] && i+1 < len(args) {
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return pos, flags
}

// hasFlag reports whether flags holds one of names, alone or as name=value.
// A single-letter name ("-y") also matches inside a cluster of short flags
// ("-qy").
func hasFlag(flags []string, names ...string) bool {
	for _, f := range flags {
		for _, n := range names {
			if f == n || strings.HasPrefix(f, n+"=") {
				return true
			}
			if len(n) == 2 && n[0] == '-' && n[1] != '-' && len(f) > 2 && f[0] == '-' && f[1] != '-' && strings.IndexByte(f[1:], n[1]) >= 0 {
				return true
			}
		}
	}
	return false
}
