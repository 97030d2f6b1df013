package detect

// The Python detector: pyproject.toml (uv, Poetry, PDM or plain PEP 621),
// requirements files, Pipfile, setup.py/setup.cfg; Django, FastAPI and
// Flask apps, plain scripts, and Celery, RQ and Dramatiq workers.

import (
	"path"
	"sort"
	"strconv"
	"strings"
)

type pythonDetector struct{}

func (pythonDetector) Name() string { return "python" }

// pythonSupportedMinors are the CPython minors a constraint may resolve to,
// oldest first. The floor (3.10) is the oldest minor Hoist still builds for.
var pythonSupportedMinors = []string{"3.10", "3.11", "3.12", "3.13", "3.14"}

// pythonDefaultVersion is used when nothing pins a version: the current
// stable minor with the widest library support.
const pythonDefaultVersion = "3.13"

// pythonDependencyRules map PyPI names (PEP 503 normalised) to backing services.
var pythonDependencyRules = []DependencyRule{
	{Dependency: "psycopg", Kind: "postgres"},
	{Dependency: "psycopg-binary", Kind: "postgres"},
	{Dependency: "psycopg2", Kind: "postgres"},
	{Dependency: "psycopg2-binary", Kind: "postgres"},
	{Dependency: "asyncpg", Kind: "postgres"},
	{Dependency: "pg8000", Kind: "postgres"},
	{Dependency: "mysqlclient", Kind: "mysql"},
	{Dependency: "pymysql", Kind: "mysql"},
	{Dependency: "aiomysql", Kind: "mysql"},
	{Dependency: "asyncmy", Kind: "mysql"},
	{Dependency: "mysql-connector-python", Kind: "mysql"},
	{Dependency: "redis", Kind: "redis"},
	{Dependency: "aioredis", Kind: "redis"},
	{Dependency: "django-redis", Kind: "redis"},
	{Dependency: "rq", Kind: "redis"},
	{Dependency: "pymongo", Kind: "mongodb"},
	{Dependency: "motor", Kind: "mongodb"},
	{Dependency: "mongoengine", Kind: "mongodb"},
	{Dependency: "beanie", Kind: "mongodb"},
}

// pyManifestFiles are the files that make a folder a Python project.
var pyManifestFiles = []string{"pyproject.toml", "Pipfile", "setup.py", "setup.cfg", "requirements.txt"}

// pyApp collects what the manifests of one folder say.
type pyApp struct {
	d         *Dir
	project   *pyProject
	pipfile   *pipfile
	setupName string
	reqFiles  []string // requirements files read, relative to d
	deps      depGroups
	extras    map[string][]string
}

func (a *pyApp) has(dep string) bool { _, ok := a.deps.has[dep]; return ok }

func (a *pyApp) depEvidence(field, dep, reason string) Evidence {
	f, line, _ := a.deps.find(dep)
	return a.d.Evidence(field, f, line, reason)
}

func (a *pyApp) addDeps(file string, reqs []pyReq) {
	for _, r := range reqs {
		a.deps.add(file, r.Name, r.Line)
		if len(r.Extras) > 0 {
			a.extras[r.Name] = append(a.extras[r.Name], r.Extras...)
		}
	}
}

func (pythonDetector) Detect(d *Dir) *Claim {
	reqFile := pickRequirementsFile(d)
	_, hasManifest := d.HasAny(pyManifestFiles...)
	if !hasManifest && reqFile == "" && !d.Has("manage.py") {
		return nil
	}
	a := &pyApp{d: d, extras: map[string][]string{}}
	s := Service{Language: "python"}
	ev := func(field, file string, line int, reason string) {
		s.Evidence = append(s.Evidence, d.Evidence(field, file, line, reason))
	}
	if f := firstOf(d, "pyproject.toml", "Pipfile", reqFile, "setup.py", "setup.cfg"); f != "" {
		ev("language", f, 0, f+" is a Python manifest")
	} else {
		ev("language", "manage.py", 0, "manage.py is a Django project's entry point")
	}

	if d.Has("pyproject.toml") {
		if data, err := d.Read("pyproject.toml"); err == nil {
			p, err := parsePyProject(data)
			if err != nil {
				noteSyntax(d, "pyproject.toml", err)
			} else {
				a.project = &p
				a.addDeps("pyproject.toml", p.Deps)
			}
		}
	}
	if d.Has("Pipfile") {
		if data, err := d.Read("Pipfile"); err == nil {
			p, err := parsePipfile(data)
			if err != nil {
				noteSyntax(d, "Pipfile", err)
			} else {
				a.pipfile = &p
				a.addDeps("Pipfile", p.Deps)
			}
		}
	}
	if reqFile != "" {
		a.readRequirements(reqFile, map[string]bool{}, 0)
	}
	if d.Has("setup.py") {
		if data, err := d.Read("setup.py"); err == nil {
			name, deps := parseSetupPy(data)
			a.setupName = name
			a.addDeps("setup.py", deps)
		}
	}
	if d.Has("setup.cfg") {
		if data, err := d.Read("setup.cfg"); err == nil {
			name, deps := parseSetupCfg(data)
			if a.setupName == "" {
				a.setupName = name
			}
			a.addDeps("setup.cfg", deps)
		}
	}

	switch {
	case a.project != nil && a.project.Name != "":
		s.Name = a.project.Name
		ev("name", "pyproject.toml", lineOfTOMLKey(mustRead(d, "pyproject.toml"), "name"), "project name")
	case a.setupName != "":
		s.Name = a.setupName
		ev("name", "setup.py", 0, "project name in the setup script")
	}

	a.packageManager(&s)
	pin := a.pythonVersion()
	s.LanguageVersion = pin.Version
	s.Evidence = append(s.Evidence, pin.evidence())

	strength := a.framework(&s)
	if strength == 0 {
		strength = a.script(&s)
	}
	if strength == 0 {
		if !hasManifest && reqFile == "" {
			return nil
		}
		if ancestorHasAny(d, pyManifestFiles...) {
			// docs/requirements.txt and the like belong to the project above.
			return nil
		}
		strength = Weak
		ev("kind", firstOf(d, "pyproject.toml", "Pipfile", "setup.py", "setup.cfg", reqFile), 0, "a Python manifest and nothing runnable: no web framework, script or entry point found")
	}
	a.workers(&s)
	s.BackingServices = append(s.BackingServices, a.deps.match(d, pythonDependencyRules)...)
	if a.has("celery") && containsString(a.extras["celery"], "redis") {
		f, _, _ := a.deps.find("celery")
		s.BackingServices = append(s.BackingServices, Backing{Kind: "redis", Evidence: d.Rel(f) + ": dependency celery[redis]"})
	}
	return &Claim{Strength: strength, Services: []Service{s}}
}

// mustRead returns a file of d, or nil.
func mustRead(d *Dir, name string) []byte {
	if !d.Has(name) {
		return nil
	}
	data, _ := d.Read(name)
	return data
}

func firstOf(d *Dir, names ...string) string {
	for _, n := range names {
		if n != "" && hasPath(d, n) {
			return n
		}
	}
	return ""
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// pickRequirementsFile chooses the requirements file that describes the
// production install: requirements.txt, else a production-named variant,
// else the first requirements*.txt.
func pickRequirementsFile(d *Dir) string {
	for _, n := range []string{
		"requirements.txt", "requirements-prod.txt", "requirements_prod.txt",
		"requirements-production.txt", "requirements/production.txt",
		"requirements/prod.txt", "requirements/base.txt",
	} {
		if hasPath(d, n) {
			return n
		}
	}
	for _, f := range d.Files {
		if strings.HasPrefix(f, "requirements") && strings.HasSuffix(f, ".txt") &&
			!strings.Contains(f, "dev") && !strings.Contains(f, "test") && !strings.Contains(f, "doc") {
			return f
		}
	}
	return ""
}

// readRequirements reads a requirements file (relative to d) and the files
// it includes with -r, staying inside the service folder.
func (a *pyApp) readRequirements(rel string, seen map[string]bool, depth int) {
	if seen[rel] || depth > 8 || !hasPath(a.d, rel) {
		return
	}
	seen[rel] = true
	data := readPath(a.d, rel)
	if data == nil {
		return
	}
	a.reqFiles = append(a.reqFiles, rel)
	reqs, incs := parseRequirements(data)
	a.addDeps(rel, reqs)
	for _, inc := range incs {
		p := path.Clean(path.Join(path.Dir(rel), inc.Path))
		if strings.HasPrefix(p, "../") || p == ".." || path.IsAbs(p) {
			continue
		}
		a.readRequirements(p, seen, depth+1)
	}
}

// packageManager decides the installer from lockfiles first, then tool
// tables, then plain manifests.
func (a *pyApp) packageManager(s *Service) {
	d := a.d
	p := a.project
	set := func(pm, file, reason string, manifests ...string) {
		s.PackageManager = pm
		s.Evidence = append(s.Evidence, d.Evidence("package_manager", file, 0, reason))
		for _, m := range manifests {
			if hasPath(d, m) && !containsString(s.Build.Manifests, m) {
				s.Build.Manifests = append(s.Build.Manifests, m)
			}
		}
	}
	switch {
	case d.Has("uv.lock"):
		set("uv", "uv.lock", "uv.lock is present", "pyproject.toml", "uv.lock")
	case d.Has("poetry.lock"):
		set("poetry", "poetry.lock", "poetry.lock is present", "pyproject.toml", "poetry.lock")
		s.Build.PackageManagerVersion = poetryLockVersion(mustRead(d, "poetry.lock"))
	case d.Has("pdm.lock"):
		set("pdm", "pdm.lock", "pdm.lock is present", "pyproject.toml", "pdm.lock")
	case p != nil && p.HasUV:
		set("uv", "pyproject.toml", "[tool.uv] in pyproject.toml", "pyproject.toml")
	case p != nil && p.HasPoetry:
		set("poetry", "pyproject.toml", "[tool.poetry] in pyproject.toml", "pyproject.toml")
	case p != nil && p.HasPDM:
		set("pdm", "pyproject.toml", "[tool.pdm] in pyproject.toml", "pyproject.toml")
	case d.Has("Pipfile"):
		set("pipenv", "Pipfile", "Pipfile is present", "Pipfile", "Pipfile.lock")
	case len(a.reqFiles) > 0:
		set("pip", a.reqFiles[0], a.reqFiles[0]+" is present", a.reqFiles...)
	default:
		f := firstOf(d, "pyproject.toml", "setup.py", "setup.cfg")
		set("pip", f, "pip installs the project from "+f, "pyproject.toml", "setup.py", "setup.cfg")
	}
}

var poetryVersionRE = newPattern(`@generated by Poetry ([0-9][0-9A-Za-z.+-]*)`)

// poetryLockVersion returns the Poetry version named in a lockfile header.
func poetryLockVersion(data []byte) string {
	if m := poetryVersionRE.FindSubmatch(data); m != nil {
		return string(m[1])
	}
	return ""
}

// pythonVersion decides the Python version: exact pins first
// (.python-version, runtime.txt, .tool-versions, Pipfile), then ranges
// (requires-python, Poetry's python), then the default.
func (a *pyApp) pythonVersion() verPin {
	d := a.d
	if p, ok := readPinFile(d, ".python-version", "python-", "cpython-"); ok {
		return p
	}
	if d.Has("runtime.txt") {
		data := mustRead(d, "runtime.txt")
		v := strings.TrimSpace(string(data))
		if rest, ok := strings.CutPrefix(v, "python-"); ok && looksLikeVersion(rest) {
			return verPin{Version: rest, File: d.Rel("runtime.txt"), Line: 1, Reason: "runtime.txt pins " + v}
		}
	}
	if p, ok := toolVersionsPin(d, "python"); ok {
		return p
	}
	if a.pipfile != nil && looksLikeVersion(a.pipfile.PythonVersion) {
		return verPin{Version: a.pipfile.PythonVersion, File: d.Rel("Pipfile"), Line: a.pipfile.PythonLine,
			Reason: "Pipfile [requires] pins python " + a.pipfile.PythonVersion}
	}
	if p := a.project; p != nil {
		data := mustRead(d, "pyproject.toml")
		for _, c := range []struct{ constraint, key, what string }{
			{p.RequiresPython, "requires-python", "requires-python"},
			{p.PoetryPython, "python", "[tool.poetry.dependencies] python"},
		} {
			if c.constraint == "" {
				continue
			}
			if v, ok := lowestAllowedMinor(c.constraint, pythonSupportedMinors, dialectPEP440); ok {
				return verPin{Version: v, File: d.Rel("pyproject.toml"), Line: lineOfTOMLKey(data, c.key),
					Reason: c.what + ` "` + c.constraint + `": lowest supported minor it allows is ` + v}
			}
		}
	}
	return verPin{Version: pythonDefaultVersion, File: d.Path,
		Reason: "no Python version pinned; using the default " + pythonDefaultVersion}
}

var (
	djangoSettingsRE = newPattern(`DJANGO_SETTINGS_MODULE["']\s*,\s*["']([A-Za-z_][\w.]*)["']`)
	fastapiVarRE     = newPattern(`(?m)^([A-Za-z_]\w*)\s*(?::\s*[\w.\[\], ]+)?=\s*(?:fastapi\.)?FastAPI\(`)
	flaskVarRE       = newPattern(`(?m)^([A-Za-z_]\w*)\s*(?::\s*[\w.\[\], ]+)?=\s*(?:flask\.)?Flask\(`)
	flaskFactoryRE   = newPattern(`(?m)^def (create_app|make_app)\(`)
	celeryVarRE      = newPattern(`(?m)^([A-Za-z_]\w*)\s*=\s*(?:celery\.)?Celery\(`)
	dramatiqActorRE  = newPattern(`@dramatiq\.actor\b|^import dramatiq\b`)
	staticRootRE     = newPattern(`(?m)^\s*STATIC_ROOT\s*=`)
)

// framework recognises Django, FastAPI and Flask and sets the start command;
// it returns the claim strength, or 0 when there is no web framework.
func (a *pyApp) framework(s *Service) int {
	d := a.d
	switch {
	case a.has("django") || d.Has("manage.py"):
		a.django(s)
	case a.has("fastapi"):
		s.Framework = "fastapi"
		s.Evidence = append(s.Evidence, a.depEvidence("framework", "fastapi", "dependency fastapi"))
		if mod, v, file, line, ok := findAppVar(d, a.entryCandidates(), fastapiVarRE); ok {
			setASGI(s, mod+":"+v, d.Evidence("start_command", file, line, v+" = FastAPI(...) in "+file+": ASGI app served by uvicorn"+a.missing("uvicorn")))
		}
	case a.has("flask"):
		s.Framework = "flask"
		s.Evidence = append(s.Evidence, a.depEvidence("framework", "flask", "dependency flask"))
		if mod, v, file, line, ok := findAppVar(d, a.entryCandidates(), flaskVarRE); ok {
			setWSGI(s, mod+":"+v, d.Evidence("start_command", file, line, v+" = Flask(...) in "+file+": WSGI app served by gunicorn"+a.missing("gunicorn")))
		} else if mod, fn, file, line, ok := findAppVar(d, a.entryCandidates(), flaskFactoryRE); ok {
			setWSGI(s, mod+":"+fn+"()", d.Evidence("start_command", file, line, "application factory "+fn+"() in "+file+": WSGI app served by gunicorn"+a.missing("gunicorn")))
		}
	default:
		return 0
	}
	s.Kind = KindWeb
	s.Port = 8000
	fw := s.Evidence[len(s.Evidence)-1]
	for _, e := range s.Evidence {
		if e.Field == "framework" {
			fw = e
		}
	}
	s.Evidence = append(s.Evidence, Evidence{Field: "port", File: fw.File, Line: fw.Line, Reason: s.Framework + " default port 8000; the start command binds it"})
	return Strong
}

// setASGI serves an ASGI app with uvicorn on port 8000.
func setASGI(s *Service, target string, ev Evidence) {
	s.Build.Entrypoint = target
	s.StartCommand = "uvicorn " + target + " --host 0.0.0.0 --port 8000"
	s.Evidence = append(s.Evidence, ev)
}

// setWSGI serves a WSGI app (or an application factory call) with gunicorn
// on port 8000.
func setWSGI(s *Service, target string, ev Evidence) {
	s.Build.Entrypoint = target
	q := target
	if strings.Contains(q, "(") {
		q = `"` + q + `"`
	}
	s.StartCommand = "gunicorn --bind 0.0.0.0:8000 " + q
	s.Evidence = append(s.Evidence, ev)
}

// missing says when a server the start command uses is not a dependency.
func (a *pyApp) missing(dep string) string {
	if a.has(dep) {
		return ""
	}
	return " (" + dep + " is not among the dependencies: the image must install it)"
}

// django finds the project package from manage.py's DJANGO_SETTINGS_MODULE
// and serves its WSGI (or, with uvicorn and no gunicorn, ASGI) application.
func (a *pyApp) django(s *Service) {
	d := a.d
	s.Framework = "django"
	if a.has("django") {
		s.Evidence = append(s.Evidence, a.depEvidence("framework", "django", "dependency django"))
	} else {
		s.Evidence = append(s.Evidence, d.Evidence("framework", "manage.py", 0, "manage.py is Django's command-line entry point"))
	}
	settings, line := "", 0
	if data := mustRead(d, "manage.py"); data != nil {
		if m := djangoSettingsRE.FindSubmatchIndex(data); m != nil {
			settings, line = string(data[m[2]:m[3]]), LineOf(data, m[0])
		}
	}
	proj := ""
	if settings != "" {
		if i := strings.Index(settings, ".settings"); i > 0 {
			proj = settings[:i]
		} else if i := strings.LastIndex(settings, "."); i > 0 {
			proj = settings[:i]
		}
	}
	projDir := strings.ReplaceAll(proj, ".", "/")
	if proj == "" || !hasPath(d, projDir+"/wsgi.py") {
		// No readable settings module: the one sub-folder with a wsgi.py.
		proj = ""
		for _, sub := range d.Subdirs {
			if x := d.Sub(sub); x != nil && x.Has("wsgi.py") {
				proj, projDir = sub, sub
				line = 0
				break
			}
		}
	}
	if proj == "" {
		return
	}
	src := d.Evidence("start_command", projDir+"/wsgi.py", 0, "Django project package "+proj+" has wsgi.py")
	if settings != "" && line > 0 {
		src = d.Evidence("start_command", "manage.py", line, "DJANGO_SETTINGS_MODULE "+settings+" in manage.py names project package "+proj)
	}
	if !a.has("gunicorn") && a.has("uvicorn") && hasPath(d, projDir+"/asgi.py") {
		src.Reason += "; its ASGI application is served by uvicorn"
		setASGI(s, proj+".asgi:application", src)
	} else {
		src.Reason += "; its WSGI application is served by gunicorn" + a.missing("gunicorn")
		setWSGI(s, proj+".wsgi:application", src)
	}
	// collectstatic needs STATIC_ROOT; look in the settings module.
	settingsFiles := []string{projDir + "/settings.py"}
	if settings != "" {
		mod := strings.ReplaceAll(settings, ".", "/")
		settingsFiles = []string{mod + ".py", path.Dir(mod) + "/base.py", mod + "/__init__.py", mod + "/base.py"}
	}
	for _, f := range settingsFiles {
		data := readPath(d, f)
		if m := staticRootRE.FindIndex(data); m != nil {
			s.BuildCommand = "python manage.py collectstatic --noinput"
			s.Evidence = append(s.Evidence, d.Evidence("build_command", f, LineOf(data, m[0]), "STATIC_ROOT is set, so static files are collected at build time"))
			break
		}
	}
}

// entryCandidates are the few conventional files Detect may read to find an
// app instance; a wider search happens in Enrich.
func (a *pyApp) entryCandidates() []string {
	out := []string{"main.py", "app.py", "server.py", "asgi.py", "wsgi.py", "app/main.py", "app/app.py", "app/__init__.py", "api/main.py"}
	if a.project != nil && a.project.Name != "" {
		pkg := strings.ReplaceAll(normalizePyName(a.project.Name), "-", "_")
		out = append(out, pkg+"/main.py", pkg+"/app.py")
	}
	if src := a.d.Sub("src"); src != nil {
		for _, sub := range src.Subdirs {
			out = append(out, "src/"+sub+"/main.py", "src/"+sub+"/app.py")
		}
	}
	return out
}

// findAppVar reads the candidate files and returns the module path and name
// of the first module-level match of re (its first group).
func findAppVar(d *Dir, files []string, re *pattern) (module, name, file string, line int, ok bool) {
	for _, f := range files {
		data := readPath(d, f)
		if data == nil {
			continue
		}
		if m := re.FindSubmatchIndex(data); m != nil {
			return pyModule(f), string(data[m[2]:m[3]]), f, LineOf(data, m[0]), true
		}
	}
	return "", "", "", 0, false
}

// pyModule turns "src/shop/api/main.py" into "shop.api.main".
func pyModule(file string) string {
	m := strings.TrimSuffix(file, ".py")
	m = strings.TrimPrefix(m, "src/")
	m = strings.TrimSuffix(m, "/__init__")
	return strings.ReplaceAll(m, "/", ".")
}

// script recognises a runnable program without a web framework: a single
// console script, main.py, app.py or a package's __main__.py.
func (a *pyApp) script(s *Service) int {
	d := a.d
	s.Kind = KindWorker
	if p := a.project; p != nil && len(p.Scripts) == 1 {
		name := p.Scripts[0]
		s.StartCommand = name
		s.Build.Entrypoint = p.ScriptTargets[name]
		s.Evidence = append(s.Evidence, d.Evidence("start_command", "pyproject.toml", lineOfTOMLKey(mustRead(d, "pyproject.toml"), name),
			"console script "+name+" = "+p.ScriptTargets[name]+"; no web framework, so a worker"))
		return Medium
	}
	for _, f := range []string{"main.py", "app.py", "__main__.py"} {
		if d.Has(f) {
			s.StartCommand = "python " + f
			s.Build.Entrypoint = f
			s.Evidence = append(s.Evidence, d.Evidence("start_command", f, 0, f+" with no web framework: runs as a worker"))
			return Medium
		}
	}
	for _, base := range []string{"src", "."} {
		x := d.Sub(base)
		if base == "." {
			x = d
		}
		if x == nil {
			continue
		}
		for _, sub := range x.Subdirs {
			if y := x.Sub(sub); y != nil && y.Has("__main__.py") && y.Has("__init__.py") {
				s.StartCommand = "python -m " + sub
				s.Build.Entrypoint = sub
				s.Evidence = append(s.Evidence, d.Evidence("start_command", path.Join(base, sub, "__main__.py"), 0, "package "+sub+" has a __main__.py: runs as a worker"))
				return Medium
			}
		}
	}
	s.Kind = ""
	return 0
}

// workers adds Celery, RQ and Dramatiq worker processes.
func (a *pyApp) workers(s *Service) {
	d := a.d
	if a.has("celery") {
		cmd := ""
		proj := strings.TrimSuffix(strings.TrimSuffix(s.Build.Entrypoint, ".wsgi:application"), ".asgi:application")
		if s.Framework == "django" && proj != s.Build.Entrypoint && hasPath(d, strings.ReplaceAll(proj, ".", "/")+"/celery.py") {
			cmd = "celery -A " + proj + " worker --loglevel=info"
		} else if mod, v, _, _, ok := findAppVar(d, a.celeryCandidates(), celeryVarRE); ok {
			cmd = celeryCommand(mod, v)
		}
		f, _, _ := a.deps.find("celery")
		s.BackingServices = append(s.BackingServices, Backing{Kind: KindWorker, Evidence: d.Rel(f) + ": dependency celery", Command: cmd})
	}
	if a.has("rq") {
		f, _, _ := a.deps.find("rq")
		s.BackingServices = append(s.BackingServices, Backing{Kind: KindWorker, Evidence: d.Rel(f) + ": dependency rq", Command: "rq worker"})
	}
	if a.has("dramatiq") {
		cmd := ""
		for _, c := range []string{"tasks.py", "actors.py", "worker.py", "app/tasks.py", "app/actors.py"} {
			if dramatiqActorRE.Match(readPath(d, c)) {
				cmd = "dramatiq " + pyModule(c)
				break
			}
		}
		f, _, _ := a.deps.find("dramatiq")
		s.BackingServices = append(s.BackingServices, Backing{Kind: KindWorker, Evidence: d.Rel(f) + ": dependency dramatiq", Command: cmd})
	}
}

func (a *pyApp) celeryCandidates() []string {
	out := []string{"celery.py", "celery_app.py", "tasks.py", "worker.py", "app/celery.py", "app/celery_app.py", "app/worker.py", "app/tasks.py"}
	if a.project != nil && a.project.Name != "" {
		pkg := strings.ReplaceAll(normalizePyName(a.project.Name), "-", "_")
		out = append(out, pkg+"/celery.py", pkg+"/tasks.py")
	}
	return out
}

// celeryCommand is the worker command for a Celery app instance; -A finds an
// instance called app or celery by itself.
func celeryCommand(module, v string) string {
	target := module
	if v != "app" && v != "celery" {
		target += ":" + v
	}
	return "celery -A " + target + " worker --loglevel=info"
}

var (
	pyEnvPatterns = []*pattern{
		newPattern(`\benviron(?:\[\s*|\.get\(\s*|\.pop\(\s*)["']([A-Z][A-Z0-9_]*)["']`),
		newPattern(`\bgetenv\(\s*["']([A-Z][A-Z0-9_]*)["']`),
		// django-environ: env("X"), env.str("X"), env.bool("X"), ...
		newPattern(`\benv(?:\.[a-z_]+)?\(\s*["']([A-Z][A-Z0-9_]*)["']`),
		// python-decouple: config("X")
		newPattern(`\bconfig\(\s*["']([A-Z][A-Z0-9_]*)["']`),
	}
	boto3ClientRE = newPattern(`\b(?:client|resource)\(\s*["'](s3|sqs)["']`)
)

// Enrich collects environment variable names, boto3 S3/SQS use, and finds
// app instances that Detect's conventional files did not hold, in one
// pass over the sources.
func (pythonDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	env := newEnvCollector(s)
	needApp := (s.Framework == "fastapi" || s.Framework == "flask") && s.Build.Entrypoint == ""
	celeryIdx, dramatiqIdx := -1, -1
	for i, b := range s.BackingServices {
		if b.Kind == KindWorker && b.Command == "" {
			if strings.HasSuffix(b.Evidence, "dependency celery") {
				celeryIdx = i
			} else if strings.HasSuffix(b.Evidence, "dependency dramatiq") {
				dramatiqIdx = i
			}
		}
	}
	seen := map[string]bool{}
	scanSources(d, []string{".py"}, owned, false, func(rel string, data []byte) {
		env.scan(data, pyEnvPatterns)
		local := strings.TrimPrefix(rel, d.Path+"/")
		if d.Path == "." {
			local = rel
		}
		if isPyTest(local) {
			return
		}
		for _, m := range FindAll(data, boto3ClientRE) {
			if !seen[m.Value] {
				seen[m.Value] = true
				s.BackingServices = append(s.BackingServices, Backing{Kind: m.Value, Evidence: rel + ":" + strconv.Itoa(m.Line) + ": boto3 " + m.Value + " client"})
			}
		}
		if needApp {
			re := fastapiVarRE
			if s.Framework == "flask" {
				re = flaskVarRE
			}
			if ms := FindAll(data, re); len(ms) > 0 {
				needApp = false
				target := pyModule(local) + ":" + ms[0].Value
				if s.Framework == "fastapi" {
					setASGI(s, target, Evidence{Field: "start_command", File: rel, Line: ms[0].Line, Reason: ms[0].Value + " = FastAPI(...) in " + rel + ": ASGI app served by uvicorn"})
				} else {
					setWSGI(s, target, Evidence{Field: "start_command", File: rel, Line: ms[0].Line, Reason: ms[0].Value + " = Flask(...) in " + rel + ": WSGI app served by gunicorn"})
				}
			}
		}
		if celeryIdx >= 0 {
			if ms := FindAll(data, celeryVarRE); len(ms) > 0 {
				s.BackingServices[celeryIdx].Command = celeryCommand(pyModule(local), ms[0].Value)
				celeryIdx = -1
			}
		}
		if dramatiqIdx >= 0 && dramatiqActorRE.Match(data) {
			s.BackingServices[dramatiqIdx].Command = "dramatiq " + pyModule(local)
			dramatiqIdx = -1
		}
	})
	if needApp {
		// Nothing found: the conventional default, said plainly.
		target := "main:app"
		if s.Framework == "flask" {
			target = "app:app"
		}
		ev := Evidence{Field: "start_command", File: d.Path, Reason: "no " + s.Framework + " app instance found in the sources; assuming " + target}
		if s.Framework == "fastapi" {
			setASGI(s, target, ev)
		} else {
			setWSGI(s, target, ev)
		}
	}
	sort.SliceStable(s.BackingServices, func(i, j int) bool { return s.BackingServices[i].Kind < s.BackingServices[j].Kind })
}

// isPyTest reports whether a file is a test, whose app instances are not the app.
func isPyTest(rel string) bool {
	base := path.Base(rel)
	if strings.HasPrefix(base, "test_") || strings.HasSuffix(base, "_test.py") || base == "conftest.py" {
		return true
	}
	for part := range strings.SplitSeq(path.Dir(rel), "/") {
		if part == "tests" || part == "test" {
			return true
		}
	}
	return false
}
