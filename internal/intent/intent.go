package intent

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hoist-dev/hoist/internal/spec"
)

// Assumption is one value the engine or spec.Defaults chose because the
// description did not say: Field is a spec path such as
// databases[0].engine.
type Assumption struct {
	Field  string `json:"field"`
	Value  string `json:"value"`
	Reason string `json:"reason"`
}

// Unrecognized is a phrase of the description that maps to nothing.
type Unrecognized struct {
	Text string `json:"text"`
	// Position is the byte offset of Text in the description.
	Position int `json:"position"`
}

// Result is what New and Change return.
type Result struct {
	// Spec is the new or edited spec. It holds what the description said
	// and what the engine had to choose to make it valid; the values
	// spec.Defaults fills are listed in Assumptions but left out of Spec,
	// as a hand-written hoist.yaml would leave them out.
	Spec         *spec.Spec
	Assumptions  []Assumption
	Unrecognized []Unrecognized
	Warnings     []string
}

// ErrEmpty is returned for a description with nothing in it.
var ErrEmpty = errors.New("the description is empty: say what to build, e.g. \"an api with a postgres database\"")

// New builds a fresh spec from a description.
func New(description string) (*Result, error) {
	if strings.TrimSpace(description) == "" {
		return nil, ErrEmpty
	}
	e := newEngine(description, &spec.Spec{Version: spec.Version}, false)
	return e.run(nil)
}

// Change edits a copy of s as the description says and keeps everything
// else. s must be valid (spec.Validate).
func Change(s *spec.Spec, description string) (*Result, error) {
	if s == nil {
		return nil, errors.New("change: no spec to change")
	}
	if strings.TrimSpace(description) == "" {
		return nil, ErrEmpty
	}
	if errs := spec.Validate(s); len(errs) > 0 {
		return nil, fmt.Errorf("change: the spec to change is not valid:\n%w", errs)
	}
	c := spec.Clone(s)
	e := newEngine(description, c, true)
	e.comps = loadComps(c)
	e.nameSet = c.Name != ""
	return e.run(s)
}

func newEngine(desc string, s *spec.Spec, change bool) *engine {
	text := desc
	if len(text) > maxInput {
		text = text[:maxInput]
	}
	e := &engine{desc: desc, s: s, change: change}
	e.lx = lexify(Tokenize(text))
	return e
}

func (e *engine) run(base *spec.Spec) (*Result, error) {
	for _, l := range e.lx {
		if l.corrected != "" {
			e.warn("read %q as %q", l.typo, l.corrected)
		}
	}
	e.split()
	e.safety()
	e.interpret()
	e.finish()
	assemble(e.s, e.comps)
	if err := e.repair(); err != nil {
		return nil, err
	}
	res := &Result{Spec: e.s, Warnings: e.warnings}
	res.Assumptions = e.assumptions(base)
	res.Unrecognized = e.unrecognized()
	if len(e.desc) > maxInput {
		res.Unrecognized = append(res.Unrecognized, Unrecognized{Text: "(text after the first 64 KiB)", Position: maxInput})
	}
	if res.Warnings == nil {
		res.Warnings = []string{}
	}
	if res.Assumptions == nil {
		res.Assumptions = []Assumption{}
	}
	if res.Unrecognized == nil {
		res.Unrecognized = []Unrecognized{}
	}
	return res, nil
}

// Default names by kind; a service or site takes its role instead.
var defaultNames = map[kind]string{kDatabase: "db", kCache: "cache", kQueue: "queue", kTopic: "topic", kTable: "table", kBucket: "bucket", kSite: "site", kFunction: "function", kService: "app"}

// finish fills what the description left out that a valid, sensible spec
// needs, noting each choice.
func (e *engine) finish() {
	// A load balancer or API Gateway named before its service or function.
	if e.pendingLB {
		placed := false
		for _, c := range e.live(kService) {
			if !c.existing && c.isWeb() && !c.publicSet {
				c.svc.Public, c.publicSet = true, true
				placed = true
				break
			}
		}
		if !placed && len(e.live(kService)) == 0 {
			e.warn("a load balancer needs a service behind it; describe the service (e.g. \"an api behind an ALB\")")
		}
	}
	if e.pendingHTTP {
		if fs := e.live(kFunction); len(fs) > 0 {
			fs[0].fn.HTTP = true
		} else {
			e.warn("API Gateway needs a Lambda function behind it; describe the function (e.g. \"a Python Lambda behind API Gateway\")")
		}
	}
	langs := e.fnLanguages()
	for _, c := range e.comps {
		if c.removed || c.existing {
			continue
		}
		switch c.kind {
		case kService:
			web := c.isWeb()
			if web && c.svc.Port == 0 {
				c.svc.Port = 8080
				c.note(".port", 8080, "a web service needs the port its container listens on; 8080 is the usual choice, change it to match the app")
			}
			if web && !c.publicSet {
				c.svc.Public = true
				c.note(".public", true, article(c.roleWord())+" is reached from the internet through its load balancer; say \"private\" or \"internal\" to keep it inside the VPC")
			}
		case kDatabase:
			switch {
			case c.dbEngineHint == "aurora" || c.dbEngineHint == "aurora-serverless":
				c.db.Engine = "aurora-postgres"
				c.note(".engine", c.db.Engine, "Aurora without an engine named: the PostgreSQL-compatible edition")
			case c.db.Engine == "":
				c.db.Engine = "postgres"
				c.note(".engine", c.db.Engine, "no engine named: PostgreSQL is the usual choice for a new application")
			}
		case kCache:
			if c.cache.Engine == "" {
				c.cache.Engine = "valkey"
				c.note(".engine", c.cache.Engine, "no engine named: Valkey speaks the Redis protocol and costs less than Redis OSS on ElastiCache")
			}
		case kFunction:
			e.finishFunction(c, langs)
		}
	}
	// Names: the description's, else one made from what the thing is.
	for _, c := range e.comps {
		if c.removed || c.name != "" {
			continue
		}
		base := defaultNames[c.kind]
		if (c.kind == kService || c.kind == kSite) && c.role != "" {
			base = c.role
		}
		if c.kind == kFunction && c.role != "" && c.role != "app" {
			base = c.role
		}
		name := base
		for k := 2; e.byName(name) != nil; k++ {
			name = base + "-" + strconv.Itoa(k)
		}
		c.name = name
		c.note(".name", name, "no name given; named after what it is")
	}
	// One service or function and data stores nothing uses: it uses them.
	e.connectOnlyCompute()
	if e.s.Name == "" {
		for _, c := range e.comps {
			if c.kind.isCompute() && !c.removed {
				if c.named {
					e.s.Name = c.name
					e.notes = append(e.notes, Assumption{"name", c.name, "no application name given; named after its first service"})
				}
				break
			}
		}
		if e.s.Name == "" {
			e.s.Name = "app"
			e.notes = append(e.notes, Assumption{"name", "app", "no application name given; say \"called <name>\" to choose one"})
		}
	}
	if e.s.Network.NAT == spec.NATNone && !e.s.Network.Endpoints && len(e.live(kService)) > 0 && e.s.Target != spec.TargetAppRunner {
		e.s.Network.Endpoints = true
		e.notes = append(e.notes, Assumption{"network.endpoints", "true", "without a NAT gateway, private tasks need VPC endpoints to pull images and write logs"})
	}
	if e.s.Target == spec.TargetAppRunner {
		e.warn("App Runner is closed to new customers since 2026-04-30; accounts that already use it keep it, others should use ecs-express")
		for _, c := range e.live(kService) {
			if c.svc.Port == 0 {
				c.svc.Port = 8080
				c.note(".port", 8080, "App Runner only runs web services, so even a worker needs a port")
			}
		}
	}
	if e.https {
		for _, c := range e.live(kService) {
			if c.svc.Public && c.svc.Domain == "" {
				e.warn("HTTPS on %s's load balancer needs a custom domain (e.g. \"on app.example.com\"); without one it serves HTTP", c.name)
			}
		}
	}
}

// defaultFunctionLanguage is the runtime of a new function whose
// language nothing says.
const defaultFunctionLanguage = "node"

// handlerPlaceholders are entry points for the languages spec.Defaults
// has no conventional handler for, so that the function builds; the
// assumption says to change them.
var handlerPlaceholders = []struct{ lang, handler string }{
	{"java", "example.Handler::handleRequest"},
	{"dotnet", "Function::Function.Function::FunctionHandler"},
}

// finishFunction gives a new function what it needs to build: a runtime
// language (Lambda has no default; the one language the rest of the
// application uses, else Node.js) and, where spec.Defaults has none for
// the language, a handler.
func (e *engine) finishFunction(c *comp, langs []string) {
	if c.fn.Runtime.Language == "" {
		if len(langs) == 1 {
			c.fn.Runtime.Language = langs[0]
			c.note(".runtime.language", langs[0], "no language named for the function: "+langs[0]+" is the language of the rest of the application")
		} else {
			c.fn.Runtime.Language = defaultFunctionLanguage
			c.note(".runtime.language", defaultFunctionLanguage, "no language named for the function: Node.js is the most used Lambda runtime; say e.g. \"a python lambda\" for another ("+strings.Join(functionLanguages(), ", ")+")")
		}
	}
	if c.fn.Handler == "" && !hasDefaultHandler(c.fn.Runtime.Language) {
		h := "handler"
		for _, p := range handlerPlaceholders {
			if p.lang == c.fn.Runtime.Language {
				h = p.handler
			}
		}
		c.fn.Handler = h
		c.note(".handler", h, "Lambda needs an entry point and "+c.fn.Runtime.Language+" has no conventional one; change it to your handler")
	}
}

// fnLanguages lists the languages the description or the spec gave its
// services and functions, of those Lambda has a runtime for.
func (e *engine) fnLanguages() []string {
	var langs []string
	for _, o := range e.computes() {
		l := o.svc.Runtime.Language
		if o.kind == kFunction {
			l = o.fn.Runtime.Language
		}
		if _, ok := spec.FunctionRuntimes[l]; ok && !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	return langs
}

// functionLanguages are the languages Lambda runs in Hoist, sorted.
func functionLanguages() []string {
	out := make([]string, 0, len(spec.FunctionRuntimes))
	for l := range spec.FunctionRuntimes {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// hasDefaultHandler reports whether spec.Defaults fills a handler for a
// function in lang.
func hasDefaultHandler(lang string) bool {
	s := &spec.Spec{Functions: []spec.Function{{Name: "f", Runtime: spec.Runtime{Language: lang}}}}
	spec.Defaults(s)
	return s.Functions[0].Handler != ""
}

// article puts "a" or "an" before a phrase.
func article(w string) string {
	if w != "" && strings.ContainsRune("aeiouAEIOU", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

func (c *comp) roleWord() string {
	switch c.role {
	case "api":
		return "API"
	case "web":
		return "web app"
	case "backend":
		return "backend"
	}
	return "app that serves HTTP"
}

// connectOnlyCompute connects the only service or function of a new spec
// to each data store nothing else uses.
func (e *engine) connectOnlyCompute() {
	computes := e.computes()
	var loose []*comp
	for _, c := range e.comps {
		if c.removed || c.existing || !c.kind.isComponent() || c.kind.isCompute() || c.kind == kSite {
			continue
		}
		used := false
		for _, u := range e.unlinked {
			if u[1] == c {
				used = true // the description said who no longer uses it
			}
		}
		for _, o := range e.comps {
			if !o.removed && (slices.Contains(o.deps, c) || slices.Contains(o.subs, c)) {
				used = true
			}
		}
		if c.kind == kTopic && len(c.subs) > 0 {
			continue
		}
		if c.kind == kQueue {
			for _, t := range e.live(kTopic) {
				if slices.Contains(t.subs, c) {
					used = true
				}
			}
		}
		if !used {
			loose = append(loose, c)
		}
	}
	if len(loose) == 0 {
		return
	}
	if len(computes) == 1 {
		only := computes[0]
		for _, c := range loose {
			if only.addDep(c) {
				only.note(".depends_on", c.name, fmt.Sprintf("%s is the only %s; it is assumed to use %s (this grants it access)", only.name, map[kind]string{kService: "service", kFunction: "function"}[only.kind], c.name))
			}
		}
		return
	}
	if len(computes) != 1 {
		for _, c := range loose {
			if len(computes) == 0 {
				e.warn("nothing uses %s %s; describe the service or function that does (e.g. \"an api that uses the %s\")", c.kind, c.name, c.kind)
				continue
			}
			e.warn("nothing uses %s %s; say which service connects to it (e.g. \"the %s uses the %s\")", c.kind, c.name, computes[0].name, c.kind)
		}
	}
}

var pathRE = regexp.MustCompile(`^(\w+)\[(\d+)\]\.(.+)$`)

// repair drops values that spec.Validate rejects, warning about each, so
// that the result is always valid. An error it cannot repair is an
// internal error.
func (e *engine) repair() error {
	for round := 0; round < 8; round++ {
		errs := spec.Validate(e.s)
		if len(errs) == 0 {
			return nil
		}
		for _, err := range errs {
			if !e.fix(err) {
				return fmt.Errorf("internal error: the engine produced an invalid spec: %v", err)
			}
		}
	}
	return fmt.Errorf("internal error: the engine could not make the spec valid: %v", spec.Validate(e.s))
}

func (e *engine) fix(err spec.Error) bool {
	drop := func() { e.warn("dropped %s: %s", err.Path, err.Message) }
	switch err.Path {
	case "name":
		e.s.Name = "app"
		drop()
		return true
	case "region":
		e.s.Region = ""
		drop()
		return true
	case "environment":
		e.s.Environment = ""
		drop()
		return true
	case "target":
		e.s.Target = ""
		drop()
		return true
	case "network.azs":
		e.s.Network.AZs = 0
		drop()
		return true
	}
	m := pathRE.FindStringSubmatch(err.Path)
	if m == nil {
		return false
	}
	i, _ := strconv.Atoi(m[2])
	field := m[3]
	sub := func(list []string) []string {
		k := strings.Index(field, "[")
		if k < 0 {
			return nil
		}
		j, _ := strconv.Atoi(strings.TrimSuffix(field[k+1:], "]"))
		if j < len(list) {
			return slices.Delete(slices.Clone(list), j, j+1)
		}
		return list
	}
	switch m[1] {
	case "services":
		if i >= len(e.s.Services) {
			return false
		}
		s := &e.s.Services[i]
		switch {
		case field == "name":
			s.Name = fmt.Sprintf("service-%d", i+1)
		case field == "port":
			if s.Port == 0 {
				s.Port = 8080
			} else {
				s.Port = 0
				s.Public = false
				s.Domain = ""
				s.HealthCheck.Path = ""
			}
		case field == "cpu" || field == "memory":
			s.CPU, s.Memory = 0, 0
		case field == "min_count" || field == "max_count":
			s.MinCount, s.MaxCount = 0, 0
		case strings.HasPrefix(field, "health_check"):
			s.HealthCheck.Path = ""
		case field == "domain":
			s.Domain = ""
		case field == "architecture":
			s.Architecture = ""
		case strings.HasPrefix(field, "depends_on["):
			s.DependsOn = sub(s.DependsOn)
		case strings.HasPrefix(field, "env["):
			s.Env = sub(s.Env)
		case strings.HasPrefix(field, "secrets["):
			s.Secrets = sub(s.Secrets)
		default:
			return false
		}
	case "databases":
		if i >= len(e.s.Databases) {
			return false
		}
		d := &e.s.Databases[i]
		switch field {
		case "name":
			d.Name = fmt.Sprintf("db-%d", i+1)
		case "version":
			d.Version = ""
		case "size":
			d.Size = ""
		case "storage_gb":
			d.StorageGB = 0
		default:
			return false
		}
	case "caches":
		if i >= len(e.s.Caches) {
			return false
		}
		c := &e.s.Caches[i]
		switch field {
		case "version":
			c.Version = ""
		case "size":
			c.Size = ""
		default:
			return false
		}
	case "functions":
		if i >= len(e.s.Functions) {
			return false
		}
		f := &e.s.Functions[i]
		switch {
		case field == "memory":
			f.Memory = 0
		case field == "timeout":
			f.Timeout = 0
		case strings.HasPrefix(field, "runtime"):
			f.Runtime = spec.Runtime{Language: defaultFunctionLanguage}
		case strings.HasPrefix(field, "depends_on["):
			f.DependsOn = sub(f.DependsOn)
		case strings.HasPrefix(field, "env["):
			f.Env = sub(f.Env)
		case strings.HasPrefix(field, "secrets["):
			f.Secrets = sub(f.Secrets)
		default:
			return false
		}
	case "tables":
		if i >= len(e.s.Tables) {
			return false
		}
		t := &e.s.Tables[i]
		switch field {
		case "partition_key":
			t.PartitionKey = ""
		case "sort_key":
			t.SortKey = ""
		case "ttl_attribute":
			t.TTLAttribute = ""
		default:
			return false
		}
	case "topics":
		if i >= len(e.s.Topics) || !strings.HasPrefix(field, "subscribers[") {
			return false
		}
		e.s.Topics[i].Subscribers = sub(e.s.Topics[i].Subscribers)
	case "static_sites":
		if i >= len(e.s.StaticSites) || field != "domain" {
			return false
		}
		e.s.StaticSites[i].Domain = ""
	default:
		return false
	}
	drop()
	return true
}

// assumptions lists the engine's own choices, then the values
// spec.Defaults fills. For a change, only defaults that are new (or
// different) compared with the spec before the change are listed.
func (e *engine) assumptions(base *spec.Spec) []Assumption {
	out := slices.Clone(e.notes)
	for _, c := range e.comps {
		if c.removed {
			continue
		}
		p := fmt.Sprintf("%s[%d]", c.listName(), index(e.comps, c))
		for _, n := range c.notes {
			out = append(out, Assumption{p + n.field, n.value, n.reason})
		}
	}
	after := spec.Clone(e.s)
	ds := spec.Defaults(after)
	var before map[string]string
	if base != nil {
		b := spec.Clone(base)
		before = map[string]string{}
		for _, d := range spec.Defaults(b) {
			before[semanticPath(b, d.Path)] = fmt.Sprint(d.Value)
		}
	}
	for _, d := range ds {
		v := fmt.Sprint(d.Value)
		if before != nil {
			if old, ok := before[semanticPath(after, d.Path)]; ok && old == v {
				continue
			}
		}
		out = append(out, Assumption{d.Path, v, d.Reason})
	}
	return out
}

// semanticPath names a default by component name instead of index, so
// that defaults before and after a change compare even when indexes move.
func semanticPath(s *spec.Spec, path string) string {
	m := pathRE.FindStringSubmatch(path)
	if m == nil {
		return path
	}
	i, _ := strconv.Atoi(m[2])
	name := ""
	switch m[1] {
	case "services":
		if i < len(s.Services) {
			name = s.Services[i].Name
		}
	case "databases":
		if i < len(s.Databases) {
			name = s.Databases[i].Name
		}
	case "caches":
		if i < len(s.Caches) {
			name = s.Caches[i].Name
		}
	case "tables":
		if i < len(s.Tables) {
			name = s.Tables[i].Name
		}
	case "functions":
		if i < len(s.Functions) {
			name = s.Functions[i].Name
		}
	}
	return m[1] + "/" + name + "/" + m[3]
}

// unrecognized reports every content lexeme the interpreter gave no
// meaning, joining neighbours into one phrase.
func (e *engine) unrecognized() []Unrecognized {
	var out []Unrecognized
	last := -2
	for i := range e.lx {
		l := &e.lx[i]
		if l.used || l.blocked || l.refused || !content(l.cat) && !(l.cat == cNeg && l.val == "stop") {
			continue
		}
		if last == i-1 && len(out) > 0 {
			u := &out[len(out)-1]
			u.Text = e.desc[u.Position:l.end]
		} else {
			out = append(out, Unrecognized{Text: e.desc[l.pos:l.end], Position: l.pos})
		}
		last = i
	}
	return out
}

// content says whether an unused lexeme of category c must be reported:
// filler and glue words need not be.
func content(c cat) bool {
	switch c {
	case cStop, cDet, cAnd, cOr, cPrep, cBreak, cPayload, cNoop, cNeg, cPron, cRange, cVerb, cName:
		return false
	}
	return true
}
