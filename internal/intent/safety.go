package intent

import (
	"regexp"
	"slices"
	"strings"
)

// A safety rule refuses a request that would weaken what Hoist builds.
// It fires when a lexeme of trigger and one of with (if any) occur within
// window lexemes of each other in one clause; the lexemes it names are
// taken out of interpretation and a warning names the refusal.
type safetyRule struct {
	id      string
	trigger []string
	with    []string
	window  int
	// consume says which lexemes to take: "both", "trigger", "with",
	// "clause" (everything in the clause), or "next" (both, and the
	// lexeme after the trigger: a secret's value).
	consume string
	msg     string
}

// Markers usable in trigger and with lists besides plain normalized text.
const (
	mPublic = "@public" // the attribute public
	mNeg    = "@neg"    // a negation or "disable"/"remove"
	mCIDR   = "@cidr"   // an address range
	mBucket = "@bucket"
	mData   = "@data" // a database, cache or table
	mQuoted = "@quoted"
	mPort22 = "@port22" // 22 or 3389 after "port"
)

var safetyRules = []safetyRule{
	{"injection", []string{"ignore", "disregard", "forget", "override", "bypass"}, []string{"instructions", "instruction", "rules", "prompt", "guidelines", "policies", "policy", "checks", "constraints", "guardrails", "safety"}, 5, "clause",
		"refused: the description contains instructions to the engine (%q); it is read only as a description of infrastructure"},
	{"injection", []string{"system prompt", "you are now", "developer mode", "jailbreak", "act as", "pretend"}, nil, 0, "clause",
		"refused: the description contains instructions to the engine (%q); it is read only as a description of infrastructure"},
	{"ssh", []string{"ssh", "rdp", mPort22, "telnet"}, []string{mPublic, mCIDR, "world", "the world", "internet", "the internet", "anywhere", "everyone", "anyone", "everybody", "all", "any ip", "any"}, 6, "both",
		"refused: opening SSH or RDP to the internet (%q); hoist.yaml has no SSH access and services take traffic only through their load balancer"},
	{"public-bucket", []string{mBucket}, []string{mPublic, "publicly", "world-readable", "world readable", "public-read", "public read", "anyone", "everyone", "world", "publicly readable", "open", "the world"}, 4, "with",
		"refused: a public S3 bucket (%q); buckets stay private (serve public files through a static site on CloudFront)"},
	{"public-data", []string{mData}, []string{mPublic, "publicly", "internet", "the internet", "world", "the world", "anywhere", "everyone", "anyone", "public ip", "open"}, 4, "with",
		"refused: a database or cache reachable from the internet (%q); data stores stay in private subnets and admit only the services that depend on them"},
	{"admin", []string{"administratoraccess", "superuser", "god mode", "poweruser", "power user"}, nil, 0, "trigger",
		"refused: admin rights (%q); Hoist grants each service only what its depends_on needs"},
	{"admin", []string{"admin", "administrator", "root", "full", "unrestricted", "all", "*", "every", "wildcard"}, []string{"rights", "access", "access to", "permissions", "permission", "privileges", "iam", "credentials", "account", "actions", "role", "policy"}, 2, "both",
		"refused: admin rights (%q); Hoist grants each service only what its depends_on needs"},
	{"encryption", []string{mNeg, "unencrypted", "plaintext", "plain text", "plain-text", "cleartext", "without"}, []string{"encryption", "encrypted", "encrypt", "kms", "tls", "https", "ssl"}, 3, "both",
		"refused: turning off encryption (%q); everything Hoist builds is encrypted at rest and in transit"},
	{"encryption", []string{"unencrypted", "http only", "http-only"}, nil, 0, "trigger",
		"refused: turning off encryption (%q); everything Hoist builds is encrypted at rest and in transit"},
	{"protection", []string{mNeg}, []string{"backups", "backup", "deletion protection", "logging", "logs", "flow logs", "vpc flow logs", "cloudtrail", "monitoring", "alarms", "point in time recovery", "snapshots", "audit logs"}, 3, "both",
		"refused: turning off backups, logging or deletion protection (%q); Hoist keeps them on"},
	{"open-ports", []string{"all", "any", "every", mCIDR}, []string{"ports", "port", "traffic", "inbound", "ips", "ip", "addresses", "protocols"}, 2, "both",
		"refused: opening all ports or addresses (%q); security groups admit only what depends_on connects"},
	{"open-ports", []string{mNeg}, []string{"security group", "security groups", "firewall", "firewall rules"}, 3, "both",
		"refused: opening all ports or addresses (%q); security groups admit only what depends_on connects"},
	{"secret-value", []string{"hardcode", "hard-code", "hard code", "hardcoded", "hard-coded", "embed", "inline"}, []string{"password", "passwords", "secret", "secrets", "credentials", "key", "keys", "token", "tokens"}, 4, "both",
		"refused: putting a secret value in configuration (%q); hoist.yaml keeps secret names only, values go into Secrets Manager at deploy time"},
	{"privileged", []string{"privileged", "as root", "run as root"}, nil, 0, "trigger",
		"refused: privileged or root containers (%q); Hoist runs containers as non-root without privileges where the image allows"},
	{"public-ip", []string{"public ip", "public ips", "elastic ip", "elastic ips", "public ip address", "public ip addresses"}, nil, 0, "trigger",
		"refused: public IP addresses on tasks (%q); services take traffic through their load balancer"},
}

var accessKeyRE = regexp.MustCompile(`^(AKIA|ASIA)[0-9A-Z]{16}$`)

func (e *engine) matches(l *lexeme, set []string) bool {
	for _, w := range set {
		switch w {
		case mPublic:
			if l.cat == cAttr && l.val == "public" {
				return true
			}
		case mNeg:
			if l.cat == cNeg || (l.cat == cVerb && (l.val == "disable" || l.val == "remove")) {
				return true
			}
		case mCIDR:
			if l.cat == cCIDR {
				return true
			}
		case mBucket:
			if (l.cat == cHead || l.cat == cEngine) && l.kind == kBucket {
				return true
			}
		case mData:
			if (l.cat == cHead || l.cat == cEngine) && (l.kind == kDatabase || l.kind == kCache || l.kind == kTable) {
				return true
			}
		case mQuoted:
			if l.cat == cQuoted {
				return true
			}
		case mPort22:
			if (l.norm == "22" || l.norm == "3389") && l.prevNorm == "port" {
				return true
			}
		default:
			if l.norm == w {
				return true
			}
		}
	}
	return false
}

// safety runs the safety rules over each clause of e.lx, blocking the
// lexemes they consume and warning about each refusal once.
func (e *engine) safety() {
	for _, cl := range e.clauses {
		e.secretValues(cl)
		for _, r := range safetyRules {
			e.applyRule(r, cl)
		}
	}
}

func (e *engine) applyRule(r safetyRule, cl [2]int) {
	for i := cl[0]; i < cl[1]; i++ {
		l := &e.lx[i]
		if l.blocked {
			continue
		}
		span := e.phraseAt(i, cl[1], r.trigger)
		if span == 0 {
			continue
		}
		j := -1
		if r.with != nil {
			for k := max(cl[0], i-r.window); k <= min(cl[1]-1, i+r.window); k++ {
				if k != i && !e.lx[k].blocked && e.matches(&e.lx[k], r.with) && (r.id == "secret-value" || !e.headBetween(i, k)) {
					j = k
					break
				}
			}
			if j < 0 {
				continue
			}
		}
		lo, hi := i, i+span-1
		if j >= 0 {
			lo, hi = min(i, j), max(i+span-1, j)
		}
		if e.matches(l, []string{mPort22}) && i > cl[0] {
			e.block(i - 1) // the word "port"
		}
		quote := e.desc[e.lx[lo].pos:e.lx[hi].end]
		for k := lo; k <= hi; k++ {
			e.lx[k].refused = true
		}
		from := cl[0]
		if r.consume == "clause" {
			// From the conjunction before the trigger: what precedes it
			// is the user's own description.
			for k := lo - 1; k > cl[0]; k-- {
				if e.lx[k].cat == cAnd {
					from = k + 1
					break
				}
			}
			quote = e.desc[e.lx[from].pos:e.lx[cl[1]-1].end]
		}
		if !slices.Contains(e.refused, r.id) {
			e.refused = append(e.refused, r.id)
			e.warn(r.msg, quote)
		}
		switch r.consume {
		case "clause":
			for k := from; k < cl[1]; k++ {
				e.block(k)
			}
			return
		case "trigger":
			for k := i; k < i+span; k++ {
				e.block(k)
			}
		case "with":
			e.block(j)
		default:
			for k := i; k < i+span; k++ {
				e.block(k)
			}
			if j >= 0 && e.lx[j].cat != cRel {
				e.block(j)
			}
		}
	}
}

// phraseAt returns how many lexemes from i spell one of the phrases in
// set (a phrase of several words may span several lexemes), or 0.
func (e *engine) phraseAt(i, end int, set []string) int {
	if e.matches(&e.lx[i], set) {
		return 1
	}
	for _, w := range set {
		if !strings.Contains(w, " ") || !strings.HasPrefix(w, e.lx[i].norm+" ") {
			continue
		}
		acc := e.lx[i].norm
		for k := i + 1; k < end && len(acc) < len(w); k++ {
			acc += " " + e.lx[k].norm
			if acc == w {
				return k - i + 1
			}
		}
	}
	return 0
}

// headBetween reports whether a component head other than the ones at i
// and k lies between them: "a public api with a postgres database" is not
// a public database.
func (e *engine) headBetween(i, k int) bool {
	lo, hi := min(i, k), max(i, k)
	for m := lo + 1; m < hi; m++ {
		if c := e.lx[m].cat; c == cHead || c == cEngine || c == cBreak {
			return true
		}
	}
	return false
}

// secretValues refuses secret values written into the description
// (NAME=value, "the password is hunter2", an access key ID), and blocks the
// value so that it is never echoed back as unrecognized text.
func (e *engine) secretValues(cl [2]int) {
	for i := cl[0]; i < cl[1]; i++ {
		l := &e.lx[i]
		if l.blocked {
			continue
		}
		if accessKeyRE.MatchString(l.text) {
			e.warn("refused: a secret value in the description (%q); hoist.yaml keeps secret names only, values go into Secrets Manager at deploy time", "an access key ID")
			e.block(i)
			for k := i - 1; k >= cl[0] && k >= i-2; k-- {
				if n := e.lx[k].norm; n == "access key" || n == "access" || n == "key" || n == "keys" || n == "key id" {
					e.block(k)
				}
			}
			continue
		}
		secretWord := l.cat == cEnvName || slices.Contains([]string{"password", "passwd", "pwd", "token", "api key", "apikey", "secret", "secrets", "credentials"}, l.norm) || (l.cat == cField && l.val == "secret")
		if !secretWord || i+1 >= cl[1] {
			continue
		}
		n := &e.lx[i+1]
		k := i + 1
		if n.norm == "=" || n.norm == ":" || n.norm == "is" || n.norm == "of" {
			k = i + 2
		} else if l.cat == cEnvName || n.cat != cQuoted {
			continue
		}
		if k >= cl[1] || k == i+1 && n.cat != cQuoted {
			continue
		}
		v := &e.lx[k]
		if v.cat == cQuoted && envNameRE.MatchString(v.literal) {
			continue
		}
		if v.cat == cQuoted || v.cat == cUnknown || v.cat == cNumber || v.cat == cVersion || v.cat == cEnvName && l.cat != cEnvName || v.cat == cDomain {
			if l.cat != cEnvName && (n.norm == "of" || v.cat == cEnvName) {
				continue
			}
			e.warn("refused: a secret value in the description (%q); hoist.yaml keeps secret names only, values go into Secrets Manager at deploy time", e.desc[l.pos:n.end]+" …")
			if l.cat != cEnvName {
				e.block(i)
			}
			for m := i + 1; m <= k; m++ {
				e.block(m)
			}
		}
	}
}
