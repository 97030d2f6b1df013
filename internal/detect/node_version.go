package detect

import (
	"fmt"
	"strconv"
	"strings"
)

// defaultNodeMajor is used when nothing in the repository pins Node: the
// LTS line Hoist targets by default.
const defaultNodeMajor = "22"

// minNodeCandidate is the oldest major a lower-bound range is resolved to:
// ">=14" means "14 or newer", and an end-of-life runtime is the wrong pick.
const minNodeCandidate = 18

// nodeLTSCodenames maps nvm's lts/<codename> aliases to their majors.
var nodeLTSCodenames = map[string]string{
	"argon": "4", "boron": "6", "carbon": "8", "dubnium": "10", "erbium": "12",
	"fermium": "14", "gallium": "16", "hydrogen": "18", "iron": "20", "jod": "22",
	"krypton": "24",
}

// parseNodeVersionPin reads the version written in .nvmrc or .node-version
// (or the value of a .tool-versions entry): "v20.11.0", "20", "lts/iron".
// It returns "" when the text names no usable version, and a reason.
func parseNodeVersionPin(text string) (version, reason string) {
	line := strings.TrimSpace(text)
	if i := strings.IndexAny(line, "\r\n"); i >= 0 {
		line = strings.TrimSpace(line[:i])
	}
	if i := strings.Index(line, "#"); i >= 0 {
		line = strings.TrimSpace(line[:i])
	}
	v := strings.ToLower(line)
	switch {
	case v == "":
		return "", ""
	case strings.HasPrefix(v, "lts/"):
		name := strings.TrimPrefix(v, "lts/")
		if major, ok := nodeLTSCodenames[name]; ok {
			return major, fmt.Sprintf("%s is Node %s", line, major)
		}
		return defaultNodeMajor, fmt.Sprintf("%s resolved to the default LTS, Node %s", line, defaultNodeMajor)
	case v == "node" || v == "stable" || v == "latest" || v == "current" || v == "lts":
		return defaultNodeMajor, fmt.Sprintf("%q resolved to the default LTS, Node %s", line, defaultNodeMajor)
	}
	v = strings.TrimPrefix(v, "v")
	if isNodeVersion(v) {
		return v, "pins Node " + v
	}
	if major, ok := nodeMajorForRange(v); ok {
		return major, fmt.Sprintf("range %q allows Node %s", line, major)
	}
	return "", ""
}

// isNodeVersion reports whether v is "20", "20.11" or "20.11.0".
func isNodeVersion(v string) bool {
	parts := strings.Split(v, ".")
	if len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil || p == "" || p[0] == '-' || p[0] == '+' {
			return false
		}
	}
	return true
}

// toolVersionsNode returns the nodejs entry of an asdf/mise .tool-versions
// file and its line.
func toolVersionsNode(data []byte) (string, int) {
	for i, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "nodejs" || f[0] == "node") {
			return f[1], i + 1
		}
	}
	return "", 0
}

// nodeSemver is a version as three numbers; partial versions are padded with 0.
type nodeSemver [3]int

func (a nodeSemver) less(b nodeSemver) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// nodeInterval is a half-open range of versions [lo, hi).
type nodeInterval struct{ lo, hi nodeSemver }

var (
	nodeMinVersion = nodeSemver{0, 0, 0}
	nodeMaxVersion = nodeSemver{1 << 30, 0, 0}
)

// nodeMajorForRange resolves a package.json engines.node range to the major
// Hoist should build with: the lowest even (LTS) major from 18 up that the
// range allows; else the lowest allowed major from 18 up (an explicit odd
// major such as "^19"); else the highest allowed major (a range that only
// allows old releases, such as "^16"). ok is false when the range cannot be
// parsed or allows nothing.
func nodeMajorForRange(rng string) (string, bool) {
	var sets []nodeInterval
	for _, alt := range strings.Split(rng, "||") {
		iv, ok := nodeComparatorSet(alt)
		if !ok {
			return "", false
		}
		sets = append(sets, iv)
	}
	allows := func(major int) bool {
		m := nodeInterval{nodeSemver{major, 0, 0}, nodeSemver{major + 1, 0, 0}}
		for _, s := range sets {
			lo, hi := s.lo, s.hi
			if lo.less(m.lo) {
				lo = m.lo
			}
			if m.hi.less(hi) {
				hi = m.hi
			}
			if lo.less(hi) {
				return true
			}
		}
		return false
	}
	const top = 60
	for m := minNodeCandidate; m <= top; m += 2 {
		if allows(m) {
			return strconv.Itoa(m), true
		}
	}
	for m := minNodeCandidate; m <= top; m++ {
		if allows(m) {
			return strconv.Itoa(m), true
		}
	}
	for m := minNodeCandidate - 1; m >= 0; m-- {
		if allows(m) {
			return strconv.Itoa(m), true
		}
	}
	return "", false
}

// nodeComparatorSet turns one space-separated set of comparators
// (">=18.0.0 <21", "^20.11", "18 - 20", "18.x") into an nodeInterval.
func nodeComparatorSet(set string) (nodeInterval, bool) {
	set = strings.TrimSpace(set)
	iv := nodeInterval{nodeMinVersion, nodeMaxVersion}
	if set == "" || set == "*" || set == "x" || set == "X" {
		return iv, true
	}
	fields := strings.Fields(set)
	// Hyphen range: "A - B".
	if len(fields) == 3 && fields[1] == "-" {
		a, _, okA := nodeParsePartial(fields[0])
		b, nb, okB := nodeParsePartial(fields[2])
		if !okA || !okB {
			return iv, false
		}
		return nodeInterval{a, nodeUpperOf(b, nb)}, true
	}
	// Join operators separated from their version: ">= 18".
	var comps []string
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if strings.Trim(f, "<>=~^") == "" && i+1 < len(fields) {
			f += fields[i+1]
			i++
		}
		comps = append(comps, f)
	}
	for _, c := range comps {
		op := c[:len(c)-len(strings.TrimLeft(c, "<>=~^"))]
		v, n, ok := nodeParsePartial(strings.TrimPrefix(c[len(op):], "v"))
		if !ok {
			return iv, false
		}
		var lo, hi nodeSemver
		switch op {
		case ">=":
			lo, hi = v, nodeMaxVersion
		case ">":
			lo, hi = nodeUpperOf(v, n), nodeMaxVersion
			if n == 3 {
				lo = nodeSemver{v[0], v[1], v[2] + 1}
			}
		case "<":
			lo, hi = nodeMinVersion, v
		case "<=":
			lo, hi = nodeMinVersion, nodeUpperOf(v, n)
		case "", "=":
			lo, hi = v, nodeUpperOf(v, n)
		case "~", "~>":
			lo = v
			if n >= 2 {
				hi = nodeSemver{v[0], v[1] + 1, 0}
			} else {
				hi = nodeSemver{v[0] + 1, 0, 0}
			}
		case "^":
			lo = v
			switch {
			case v[0] > 0 || n == 1:
				hi = nodeSemver{v[0] + 1, 0, 0}
			case v[1] > 0 || n == 2:
				hi = nodeSemver{0, v[1] + 1, 0}
			default:
				hi = nodeSemver{0, 0, v[2] + 1}
			}
		default:
			return iv, false
		}
		if iv.lo.less(lo) {
			iv.lo = lo
		}
		if hi.less(iv.hi) {
			iv.hi = hi
		}
	}
	return iv, true
}

// nodeParsePartial parses "20", "20.11", "20.11.3", "20.x", "20.*" and returns
// the version and how many parts were given (wildcards end the count).
func nodeParsePartial(s string) (nodeSemver, int, bool) {
	var v nodeSemver
	if s == "" {
		return v, 0, false
	}
	if i := strings.IndexAny(s, "-+"); i > 0 { // prerelease/build: ignore
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if len(parts) > 3 {
		return v, 0, false
	}
	n := 0
	for i, p := range parts {
		if p == "x" || p == "X" || p == "*" {
			break
		}
		num, err := strconv.Atoi(p)
		if err != nil || num < 0 || num > 1<<20 {
			return v, 0, false
		}
		v[i] = num
		n++
	}
	if n == 0 {
		return v, 0, true
	}
	return v, n, true
}

// nodeUpperOf returns the exclusive upper bound of a partial version: "20" ->
// 21.0.0, "20.11" -> 20.12.0, "20.11.3" -> 20.11.4.
func nodeUpperOf(v nodeSemver, n int) nodeSemver {
	switch n {
	case 0:
		return nodeMaxVersion
	case 1:
		return nodeSemver{v[0] + 1, 0, 0}
	case 2:
		return nodeSemver{v[0], v[1] + 1, 0}
	default:
		return nodeSemver{v[0], v[1], v[2] + 1}
	}
}
