package spec

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Fargate CPU units, smallest first.
var FargateCPUs = []int{256, 512, 1024, 2048, 4096, 8192, 16384}

// FargateMemory returns the memory sizes (MiB) an ECS Fargate task may have
// with the given CPU units, smallest first, or nil for an invalid cpu.
func FargateMemory(cpu int) []int {
	span := func(lo, hi, step int) []int {
		var out []int
		for m := lo; m <= hi; m += step {
			out = append(out, m)
		}
		return out
	}
	switch cpu {
	case 256:
		return []int{512, 1024, 2048}
	case 512:
		return span(1024, 4096, 1024)
	case 1024:
		return span(2048, 8192, 1024)
	case 2048:
		return span(4096, 16384, 1024)
	case 4096:
		return span(8192, 30720, 1024)
	case 8192:
		return span(16384, 61440, 4096)
	case 16384:
		return span(32768, 122880, 8192)
	}
	return nil
}

// Architectures lists the valid values of Service.Architecture.
var Architectures = []string{"x86_64", "arm64"}

// Limits shared by Validate and the JSON Schema.
const (
	maxNameLen     = 40
	maxCount       = 1000
	minStorageGB   = 20
	maxStorageGB   = 65536
	maxHostnameLen = 253
)

var (
	nameRE     = regexp.MustCompile(`^[a-z]([a-z0-9-]*[a-z0-9])?$`)
	regionRE   = regexp.MustCompile(`^(us|eu|ap|sa|ca|me|af|il|mx|cn)(-gov|-iso|-isob|-isoe|-isof)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-[1-9]$`)
	envNameRE  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	labelRE    = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)
	dbSizeRE   = regexp.MustCompile(`^db\.[a-z0-9]+\.[a-z0-9]+$`)
	cacheRE    = regexp.MustCompile(`^cache\.[a-z0-9]+\.[a-z0-9]+$`)
	engineVers = regexp.MustCompile(`^(\d+)(\.(\d+))?(\.\d+)?$`)
)

// Patterns published in the JSON Schema; kept next to the regexps above.
const (
	namePattern   = `^[a-z]([a-z0-9-]*[a-z0-9])?$`
	regionPattern = `^(us|eu|ap|sa|ca|me|af|il|mx|cn)(-gov|-iso|-isob|-isoe|-isof)?-(north|south|east|west|central|northeast|northwest|southeast|southwest)-[1-9]$`
	envPattern    = `^[A-Za-z_][A-Za-z0-9_]*$`
	dbSizePattern = `^(db\.[a-z0-9]+\.[a-z0-9]+|serverless)$`
	cachePattern  = `^cache\.[a-z0-9]+\.[a-z0-9]+$`
	hostPattern   = `^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`
)

// Validate checks s against the rules the Go types cannot express. Unset
// (zero) optional values are allowed: Defaults fills them. Errors carry
// field paths but no positions; use Document.Validate for positions.
func Validate(s *Spec) Errors {
	v := &validator{}
	if s == nil {
		v.add("", "no spec")
		return v.errs
	}
	v.spec(s)
	return v.errs
}

type validator struct{ errs Errors }

func (v *validator) add(path, format string, args ...any) {
	v.errs = append(v.errs, Error{Path: path, Message: fmt.Sprintf(format, args...)})
}

func quoteList(xs []string) string { return strings.Join(xs, ", ") }

func intList(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

func (v *validator) spec(s *Spec) {
	switch {
	case s.Version == 0:
		v.add("version", "is required; write \"version: %d\" at the top of the file", Version)
	case s.Version != Version:
		v.add("version", "must be %d (the only hoist.yaml version this Hoist reads), got %d", Version, s.Version)
	}
	if s.Name == "" {
		v.add("name", "is required: a short lowercase name for the application, e.g. \"shop\"")
	} else {
		v.name("name", s.Name)
	}
	if s.Region != "" && !regionRE.MatchString(s.Region) {
		v.add("region", "must be an AWS region code such as us-east-1, eu-west-2 or us-gov-west-1, got %q", s.Region)
	}
	if s.Target != "" && !slices.Contains(Targets, s.Target) {
		v.oneOf("target", s.Target, Targets)
	}
	if s.Target == TargetAppRunner && strings.Contains(s.Region, "-gov-") {
		v.add("target", "App Runner has no endpoint in GovCloud (%s); use %s or %s", s.Region, TargetECSExpress, TargetECSFargate)
	}
	if s.Environment != "" {
		v.name("environment", s.Environment)
	}
	v.network(&s.Network)

	// Every resource shares one namespace: depends_on refers to them by name.
	type def struct{ path, kind string }
	defined := map[string]def{}
	var names []string
	declare := func(kind string, i int, name string) {
		p := fmt.Sprintf("%s[%d].name", kind, i)
		if name == "" {
			v.add(p, "is required: a short lowercase name, unique across every resource in hoist.yaml")
			return
		}
		v.name(p, name)
		if first, dup := defined[name]; dup {
			v.add(p, "%q is already the name of %s; names must be unique across every resource in hoist.yaml", name, parentPath(first.path))
			return
		}
		defined[name] = def{p, kind}
		names = append(names, name)
	}
	for i, x := range s.Services {
		declare("services", i, x.Name)
	}
	for i, x := range s.Databases {
		declare("databases", i, x.Name)
	}
	for i, x := range s.Caches {
		declare("caches", i, x.Name)
	}
	for i, x := range s.Queues {
		declare("queues", i, x.Name)
	}
	for i, x := range s.Buckets {
		declare("buckets", i, x.Name)
	}
	for i, x := range s.StaticSites {
		declare("static_sites", i, x.Name)
	}
	for i, x := range s.Topics {
		declare("topics", i, x.Name)
	}
	for i, x := range s.Tables {
		declare("tables", i, x.Name)
	}
	for i, x := range s.Functions {
		declare("functions", i, x.Name)
	}
	sort.Strings(names)
	isDefined := func(n string) bool { _, ok := defined[n]; return ok }
	kindOf := func(n string) string { return defined[n].kind }
	for i := range s.Topics {
		v.topic(fmt.Sprintf("topics[%d]", i), &s.Topics[i], kindOf, names)
	}
	for i := range s.Tables {
		v.table(fmt.Sprintf("tables[%d]", i), &s.Tables[i])
	}
	for i := range s.Functions {
		v.function(fmt.Sprintf("functions[%d]", i), &s.Functions[i], isDefined, names)
	}

	for i := range s.Services {
		v.service(s, fmt.Sprintf("services[%d]", i), &s.Services[i], func(n string) bool { _, ok := defined[n]; return ok }, names)
	}
	for i := range s.Databases {
		v.database(fmt.Sprintf("databases[%d]", i), &s.Databases[i])
	}
	for i := range s.Caches {
		v.cache(fmt.Sprintf("caches[%d]", i), &s.Caches[i])
	}
	for i, st := range s.StaticSites {
		p := fmt.Sprintf("static_sites[%d]", i)
		v.relPath(p+".path", st.Path)
		if st.OutputDir != "" {
			// relative to the site's path; it may climb out of it (an nx app
			// builds into the workspace's dist/) but must land inside.
			out := st.OutputDir
			if !strings.HasPrefix(out, "/") && !strings.HasPrefix(out, `\`) && !(len(out) > 1 && out[1] == ':') {
				out = path.Join(orDot(st.Path), out)
			}
			v.relPath(p+".output_dir", out)
		}
		v.hostname(p+".domain", st.Domain)
	}
}

func (v *validator) name(p, name string) {
	if len(name) > maxNameLen || !nameRE.MatchString(name) {
		v.add(p, "must be lowercase letters, digits and dashes, start with a letter, not end with a dash, and be at most %d characters; got %q", maxNameLen, name)
	}
}

func (v *validator) oneOf(p, got string, allowed []string) {
	v.add(p, "must be one of %s; got %q", quoteList(allowed), got)
}

func (v *validator) network(n *Network) {
	if n.AZs != 0 && n.AZs != 2 && n.AZs != 3 {
		v.add("network.azs", "must be 2 or 3, got %d", n.AZs)
	}
	if n.NAT != "" && !slices.Contains(NATModes, n.NAT) {
		v.oneOf("network.nat", n.NAT, NATModes)
	}
}

func (v *validator) service(s *Spec, p string, svc *Service, defined func(string) bool, names []string) {
	v.relPath(p+".path", svc.Path)
	v.relPath(p+".build.dockerfile", svc.Build.Dockerfile)
	v.relPath(p+".build.context", svc.Build.Context)
	switch {
	case svc.Port < 0 || svc.Port > 65535:
		v.add(p+".port", "must be 1-65535, got %d (leave it unset for a worker)", svc.Port)
	case svc.Port == 0 && svc.Public:
		v.add(p+".port", "is required for a public service: set it to the port the container listens on")
	case svc.Port == 0 && s.Target == TargetAppRunner:
		v.add(p+".port", "is required with target %s, which only runs web services; set the port the container listens on", TargetAppRunner)
	}
	v.cpuMemory(p, svc.CPU, svc.Memory)
	if svc.Architecture != "" && !slices.Contains(Architectures, svc.Architecture) {
		v.oneOf(p+".architecture", svc.Architecture, Architectures)
	}
	if svc.MinCount < 0 {
		v.add(p+".min_count", "must be 0 or more, got %d", svc.MinCount)
	}
	switch {
	case svc.MaxCount < 0:
		v.add(p+".max_count", "must be 0 or more, got %d", svc.MaxCount)
	case svc.MaxCount > maxCount:
		v.add(p+".max_count", "must be at most %d, got %d", maxCount, svc.MaxCount)
	case svc.MaxCount > 0 && svc.MinCount > svc.MaxCount:
		v.add(p+".min_count", "must not be more than max_count (%d), got %d", svc.MaxCount, svc.MinCount)
	}
	if svc.MinCount > maxCount {
		v.add(p+".min_count", "must be at most %d, got %d", maxCount, svc.MinCount)
	}
	if hc := svc.HealthCheck.Path; hc != "" {
		switch {
		case svc.Port == 0:
			v.add(p+".health_check", "needs a port to check; set port, or remove health_check for a worker")
		case !strings.HasPrefix(hc, "/"):
			v.add(p+".health_check.path", "must start with \"/\", e.g. \"/healthz\"; got %q", hc)
		case strings.ContainsAny(hc, " \t\n"):
			v.add(p+".health_check.path", "must be a URL path without spaces, got %q", hc)
		}
	}
	v.names(p+".env", svc.Env, "environment variable")
	v.names(p+".secrets", svc.Secrets, "secret")
	envSet := map[string]bool{}
	for _, e := range svc.Env {
		envSet[e] = true
	}
	for i, e := range svc.Secrets {
		if envSet[e] {
			v.add(fmt.Sprintf("%s.secrets[%d]", p, i), "%q is also listed in env; a name is either a plain variable or a secret, not both", e)
		}
	}
	v.dependsOn(p, svc.Name, "service", svc.DependsOn, defined, names)
	v.hostname(p+".domain", svc.Domain)
	if svc.Domain != "" && svc.Port == 0 {
		v.add(p+".domain", "needs a web service; set port, or remove domain for a worker")
	}
}

func (v *validator) cpuMemory(p string, cpu, mem int) {
	if cpu != 0 && FargateMemory(cpu) == nil {
		v.add(p+".cpu", "must be one of %s (ECS CPU units; 1024 = 1 vCPU), got %d", intList(FargateCPUs), cpu)
		return
	}
	if mem == 0 {
		return
	}
	if cpu != 0 {
		if valid := FargateMemory(cpu); !slices.Contains(valid, mem) {
			v.add(p+".memory", "%d MiB is not valid with cpu %d; valid memory for cpu %d: %s", mem, cpu, cpu, intList(valid))
		}
		return
	}
	if cpuForMemory(mem) == 0 {
		v.add(p+".memory", "%d MiB is not a valid Fargate memory size; with the default cpu 256 it may be %s (raise cpu for more)", mem, intList(FargateMemory(256)))
	}
}

// cpuForMemory returns the smallest Fargate cpu that allows mem, or 0.
func cpuForMemory(mem int) int {
	for _, c := range FargateCPUs {
		if slices.Contains(FargateMemory(c), mem) {
			return c
		}
	}
	return 0
}

func (v *validator) names(p string, list []string, what string) {
	seen := map[string]bool{}
	for i, n := range list {
		ip := fmt.Sprintf("%s[%d]", p, i)
		if name, _, hasValue := strings.Cut(n, "="); hasValue {
			v.add(ip, "%q carries a value; only names belong here (values are supplied at deploy time), e.g. %q", n, name)
			continue
		}
		if !envNameRE.MatchString(n) {
			v.add(ip, "%q is not a valid %s name; use letters, digits and underscores, not starting with a digit", n, what)
			continue
		}
		if seen[n] {
			v.add(ip, "%q is listed twice", n)
		}
		seen[n] = true
	}
}

func (v *validator) relPath(p, value string) {
	if value == "" {
		return
	}
	clean := path.Clean(strings.ReplaceAll(value, `\`, "/"))
	switch {
	case strings.HasPrefix(value, "/") || strings.HasPrefix(value, `\`) || (len(value) > 1 && value[1] == ':'):
		v.add(p, "must be relative to hoist.yaml, got the absolute path %q", value)
	case clean == ".." || strings.HasPrefix(clean, "../"):
		v.add(p, "must stay inside the folder of hoist.yaml, got %q", value)
	}
}

func (v *validator) hostname(p, host string) {
	if host == "" {
		return
	}
	if msg := checkHostname(host); msg != "" {
		v.add(p, "must be a hostname such as app.example.com (%s), got %q", msg, host)
	}
}

// checkHostname returns why host is not a valid DNS hostname, or "".
func checkHostname(host string) string {
	if len(host) > maxHostnameLen {
		return fmt.Sprintf("at most %d characters", maxHostnameLen)
	}
	if strings.HasPrefix(host, "*.") {
		return "no wildcards"
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return "at least two labels separated by dots"
	}
	for _, l := range labels {
		if !labelRE.MatchString(l) {
			return "lowercase letters, digits and dashes in labels of 1-63 characters, no leading or trailing dash"
		}
	}
	return ""
}

// engineVersions says, per database engine, which versions are plausible.
var engineVersions = map[string]struct {
	majors  []int    // postgres-style: major version numbers
	minors  []string // mysql-style: "major.minor" series
	example string
}{
	"postgres":        {majors: []int{13, 14, 15, 16, 17}, example: "13-17, e.g. \"17\" or \"16.4\""},
	"aurora-postgres": {majors: []int{13, 14, 15, 16, 17}, example: "13-17, e.g. \"17\" or \"16.4\""},
	"mysql":           {minors: []string{"8.0", "8.4"}, example: "8.0 or 8.4, e.g. \"8.4\" or \"8.0.39\""},
	"aurora-mysql":    {minors: []string{"8.0"}, example: "8.0 (Aurora MySQL 3)"},
}

func (v *validator) database(p string, db *Database) {
	if db.Engine == "" {
		v.add(p+".engine", "is required: one of %s", quoteList(DatabaseEngines))
	} else if !slices.Contains(DatabaseEngines, db.Engine) {
		v.oneOf(p+".engine", db.Engine, DatabaseEngines)
	} else if db.Version != "" && !plausibleDBVersion(db.Engine, db.Version) {
		v.add(p+".version", "%q is not a %s version Hoist supports; use %s", db.Version, db.Engine, engineVersions[db.Engine].example)
	}
	aurora := strings.HasPrefix(db.Engine, "aurora-")
	switch {
	case db.Size == "" || dbSizeRE.MatchString(db.Size):
	case db.Size == "serverless" && aurora:
	case db.Size == "serverless":
		v.add(p+".size", "\"serverless\" needs an Aurora engine (aurora-postgres or aurora-mysql); for %s use an instance class such as db.t4g.micro", db.Engine)
	default:
		v.add(p+".size", "must be an RDS instance class such as db.t4g.micro or db.m7g.large, got %q", db.Size)
	}
	switch {
	case db.StorageGB == 0:
	case aurora:
		v.add(p+".storage_gb", "does not apply to %s: Aurora storage grows automatically; remove it", db.Engine)
	case db.StorageGB < minStorageGB || db.StorageGB > maxStorageGB:
		v.add(p+".storage_gb", "must be %d-%d, got %d", minStorageGB, maxStorageGB, db.StorageGB)
	}
}

func plausibleDBVersion(engine, version string) bool {
	m := engineVers.FindStringSubmatch(version)
	if m == nil {
		return false
	}
	ev := engineVersions[engine]
	if ev.majors != nil {
		major, _ := strconv.Atoi(m[1])
		return slices.Contains(ev.majors, major)
	}
	return m[2] != "" && slices.Contains(ev.minors, m[1]+m[2])
}

// cacheVersions lists the plausible major versions of each cache engine.
var cacheVersions = map[string][]int{
	"redis":  {6, 7},
	"valkey": {7, 8},
}

func (v *validator) cache(p string, c *Cache) {
	if c.Engine == "" {
		v.add(p+".engine", "is required: one of %s", quoteList(CacheEngines))
	} else if !slices.Contains(CacheEngines, c.Engine) {
		v.oneOf(p+".engine", c.Engine, CacheEngines)
	} else if c.Version != "" {
		m := engineVers.FindStringSubmatch(c.Version)
		major := -1
		if m != nil {
			major, _ = strconv.Atoi(m[1])
		}
		if majors := cacheVersions[c.Engine]; !slices.Contains(majors, major) {
			v.add(p+".version", "%q is not a %s version Hoist supports; use major version %s, e.g. %q", c.Version, c.Engine, strings.ReplaceAll(intList(majors), ", ", " or "), defaultCacheVersion[c.Engine])
		}
	}
	if c.Size != "" && !cacheRE.MatchString(c.Size) {
		v.add(p+".size", "must be an ElastiCache node type such as cache.t4g.micro or cache.r7g.large, got %q", c.Size)
	}
}

func orDot(p string) string {
	if p == "" {
		return "."
	}
	return p
}

// dependsOn checks that every entry names another defined resource, once.
func (v *validator) dependsOn(p, self, what string, deps []string, defined func(string) bool, names []string) {
	seen := map[string]bool{}
	for i, dep := range deps {
		dp := fmt.Sprintf("%s.depends_on[%d]", p, i)
		switch {
		case dep == self:
			v.add(dp, "a %s cannot depend on itself (%q)", what, dep)
		case !defined(dep):
			if len(names) == 0 {
				v.add(dp, "%q is not defined; nothing is defined yet", dep)
			} else {
				v.add(dp, "%q is not defined; defined: %s", dep, strings.Join(names, ", "))
			}
		case seen[dep]:
			v.add(dp, "%q is listed twice", dep)
		}
		seen[dep] = true
	}
}

var attrNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]{0,254}$`)

func (v *validator) topic(p string, t *Topic, kindOf func(string) string, names []string) {
	seen := map[string]bool{}
	for i, sub := range t.Subscribers {
		sp := fmt.Sprintf("%s.subscribers[%d]", p, i)
		switch kind := kindOf(sub); {
		case kind == "":
			v.add(sp, "%q is not defined; a subscriber is a queue or a function defined in this file", sub)
		case kind != "queues" && kind != "functions":
			v.add(sp, "%q is one of the %s; only queues and functions can subscribe to a topic", sub, kind)
		case seen[sub]:
			v.add(sp, "%q is listed twice", sub)
		}
		seen[sub] = true
	}
}

func (v *validator) table(p string, t *Table) {
	for _, k := range []struct{ key, value string }{{"partition_key", t.PartitionKey}, {"sort_key", t.SortKey}, {"ttl_attribute", t.TTLAttribute}} {
		if k.value != "" && !attrNameRE.MatchString(k.value) {
			v.add(p+"."+k.key, "must be an attribute name (letters, digits, _ . -; not starting with a digit), got %q", k.value)
		}
	}
	if t.SortKey != "" && t.SortKey == t.PartitionKey {
		v.add(p+".sort_key", "must differ from partition_key (%q)", t.PartitionKey)
	}
}

func (v *validator) function(p string, f *Function, defined func(string) bool, names []string) {
	v.relPath(p+".path", f.Path)
	if lang := f.Runtime.Language; lang != "" {
		if _, ok := FunctionRuntimes[lang]; !ok {
			v.oneOf(p+".runtime.language", lang, sortedKeys(FunctionRuntimes))
		}
	}
	if f.Memory != 0 && (f.Memory < 128 || f.Memory > 10240) {
		v.add(p+".memory", "must be 128-10240 MB, got %d", f.Memory)
	}
	if f.Timeout != 0 && (f.Timeout < 1 || f.Timeout > 900) {
		v.add(p+".timeout", "must be 1-900 seconds, got %d", f.Timeout)
	}
	if f.Architecture != "" && !slices.Contains(Architectures, f.Architecture) {
		v.oneOf(p+".architecture", f.Architecture, Architectures)
	}
	v.names(p+".env", f.Env, "environment variable")
	v.names(p+".secrets", f.Secrets, "secret")
	v.dependsOn(p, f.Name, "function", f.DependsOn, defined, names)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
