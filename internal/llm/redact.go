package llm

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/hoist-dev/hoist/internal/filewrite"
)

// Redactor replaces sensitive values in text by stable pseudonyms and
// puts them back. A pseudonym is KIND_ followed by 12 hex digits of
// HMAC-SHA256(key, kind + value): the same value always gets the same
// pseudonym on one install, and nobody without the key can tell which
// value it stands for.
type Redactor struct {
	key []byte

	mu     sync.Mutex
	values map[string]string // pseudonym -> original
}

// NewRedactor makes a Redactor with a per-install key.
func NewRedactor(key []byte) *Redactor {
	return &Redactor{key: key, values: map[string]string{}}
}

// redaction is one kind of sensitive value. group is the submatch that is
// the value itself (0: the whole match).
type redaction struct {
	kind  string
	re    *regexp.Regexp
	group int
}

// redactions run in order; earlier ones win where matches overlap (a key
// inside an ARN is part of the ARN).
var redactions = []redaction{
	{kind: "PRIVATE_KEY", re: regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----`)},
	{kind: "ARN", re: regexp.MustCompile(`\barn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]{0,12}:[^\s"'` + "`" + `,;)\]}]+`)},
	{kind: "AWS_KEY_ID", re: regexp.MustCompile(`\b(?:AKIA|ASIA|AIDA|AROA|ANPA|AGPA)[A-Z0-9]{16}\b`)},
	{kind: "TOKEN", re: regexp.MustCompile(`\b(?:sk-ant-[A-Za-z0-9_-]{16,}|sk-(?:proj-)?[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|xox[abprs]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}|npm_[A-Za-z0-9]{36})\b`)},
	{kind: "JWT", re: regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`)},
	// An environment assignment, NAME=value: the value.
	{kind: "ENV_VALUE", re: regexp.MustCompile(`\b[A-Z][A-Z0-9_]{2,}=("[^"]*"|'[^']*'|[^\s"',;]+)`), group: 1},
	// user:password@ in a connection string: the password.
	{kind: "SECRET", re: regexp.MustCompile(`[a-zA-Z][a-zA-Z0-9+.-]*://[^:/\s@]+:([^@\s]+)@`), group: 1},
	// A secret-looking name assigned a value: the value.
	{kind: "SECRET", re: regexp.MustCompile(`(?i)\b[a-z0-9_]*(?:password|passwd|secret|token|api[_-]?key|private[_-]?key|credential)[a-z0-9_]*["']?\s*[:=]\s*["']?([^\s"',;]{4,})`), group: 1},
	{kind: "ACCOUNT_ID", re: regexp.MustCompile(`\b[0-9]{12}\b`)},
	// A 40-character secret access key standing alone.
	{kind: "SECRET", re: regexp.MustCompile(`\b[A-Za-z0-9/+]{40}\b`)},
}

// pseudonymRe matches pseudonyms, for Restore.
var pseudonymRe = regexp.MustCompile(`\b(?:PRIVATE_KEY|ARN|AWS_KEY_ID|TOKEN|JWT|SECRET|ENV_VALUE|ACCOUNT_ID)_[0-9a-f]{12}\b`)

func (r *Redactor) pseudonym(kind, value string) string {
	m := hmac.New(sha256.New, r.key)
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(value))
	p := kind + "_" + hex.EncodeToString(m.Sum(nil))[:12]
	r.mu.Lock()
	r.values[p] = value
	r.mu.Unlock()
	return p
}

// Redact returns s with every sensitive value replaced by its pseudonym.
func (r *Redactor) Redact(s string) string {
	type span struct {
		start, end int
		kind       string
	}
	var spans []span
	taken := func(a, b int) bool {
		for _, sp := range spans {
			if a < sp.end && sp.start < b {
				return true
			}
		}
		return false
	}
	for _, rd := range redactions {
		for _, m := range rd.re.FindAllStringSubmatchIndex(s, -1) {
			a, b := m[2*rd.group], m[2*rd.group+1]
			if a < 0 || taken(a, b) || pseudonymRe.MatchString(s[a:b]) {
				continue
			}
			if rd.kind == "SECRET" && rd.group == 0 && !mixed(s[a:b]) {
				continue
			}
			spans = append(spans, span{a, b, rd.kind})
		}
	}
	if len(spans) == 0 {
		return s
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp.start])
		b.WriteString(r.pseudonym(sp.kind, s[sp.start:sp.end]))
		last = sp.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// mixed reports whether a standalone 40-character run looks like a key
// (upper, lower and digits) rather than a word or a hash in hex.
func mixed(s string) bool {
	var up, lo, dig bool
	for _, c := range s {
		switch {
		case c >= 'A' && c <= 'Z':
			up = true
		case c >= 'a' && c <= 'z':
			lo = true
		case c >= '0' && c <= '9':
			dig = true
		}
	}
	return up && lo && dig
}

// Restore puts the original values back for every pseudonym this
// Redactor made. Unknown pseudonym-like words are left alone.
func (r *Redactor) Restore(s string) string {
	return r.restore(s, false)
}

// RestoreJSON is Restore for JSON text: restored values are escaped as the
// inside of a JSON string.
func (r *Redactor) RestoreJSON(s string) string {
	return r.restore(s, true)
}

func (r *Redactor) restore(s string, inJSON bool) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return pseudonymRe.ReplaceAllStringFunc(s, func(p string) string {
		v, ok := r.values[p]
		if !ok {
			return p
		}
		if inJSON {
			q, _ := json.Marshal(v)
			return string(q[1 : len(q)-1])
		}
		return v
	})
}

// LoadOrCreateKey reads the per-install redaction key at path, creating it
// (32 random bytes, hex, mode 0600) when it does not exist.
func LoadOrCreateKey(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err == nil {
		key, derr := hex.DecodeString(strings.TrimSpace(string(data)))
		if derr != nil || len(key) < 16 {
			return nil, fmt.Errorf("%s: not a redaction key (want 32 bytes in hex); delete it to make a new one", path)
		}
		return key, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if err := filewrite.WriteAtomic(path, []byte(hex.EncodeToString(key)+"\n"), 0o600); err != nil {
		return nil, err
	}
	return key, nil
}
