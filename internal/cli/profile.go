package cli

import (
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/hoist-dev/hoist/internal/detect"
	"github.com/hoist-dev/hoist/internal/spec"
)

// secretNameRE picks environment variable names that carry credentials:
// they become Secrets Manager references (secrets:) instead of plain env.
var secretNameRE = regexp.MustCompile(`(?i)(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|_DSN$|DATABASE_URL|REDIS_URL|MONGO(DB)?_UR[IL])`)

// backingResource says which spec collection a backing service kind lands in
// and under what name. One resource of each kind serves every service that
// needs it.
var backingResource = map[string]struct{ collection, name, engine string }{
	"postgres": {"databases", "db", "postgres"},
	"mysql":    {"databases", "db", "mysql"},
	"redis":    {"caches", "cache", "redis"},
	"s3":       {"buckets", "files", ""},
	"sqs":      {"queues", "jobs", ""},
}

// specFromAnalysis turns detected services into a hoist.yaml: every service,
// a database/cache/queue/bucket for every backing service they imply, wired
// through depends_on, and a worker service for every worker process. It
// returns notes about what it could not express.
func specFromAnalysis(a *detect.Analysis, root string) (*spec.Spec, []string) {
	abs, _ := filepath.Abs(root)
	s := &spec.Spec{
		Version: spec.Version,
		Name:    detect.ServiceName(filepath.Base(abs)),
		Region:  spec.DefaultRegion,
		Target:  spec.TargetECSExpress,
	}
	var notes []string
	taken := map[string]bool{}
	for _, d := range a.Services {
		taken[d.Name] = true
	}
	claim := func(name string) string {
		n := name
		for i := 2; taken[n]; i++ {
			n = fmt.Sprintf("%s-%d", name, i)
		}
		taken[n] = true
		return n
	}
	resources := map[string]string{} // backing kind -> resource name
	resourceFor := func(kind string) (string, bool) {
		if n, ok := resources[kind]; ok {
			return n, true
		}
		br, ok := backingResource[kind]
		if !ok {
			return "", false
		}
		// postgres and mysql both want "db": the second engine gets its own name.
		name := claim(br.name)
		resources[kind] = name
		switch br.collection {
		case "databases":
			s.Databases = append(s.Databases, spec.Database{Name: name, Engine: br.engine})
		case "caches":
			s.Caches = append(s.Caches, spec.Cache{Name: name, Engine: br.engine})
		case "buckets":
			s.Buckets = append(s.Buckets, spec.Bucket{Name: name})
		case "queues":
			s.Queues = append(s.Queues, spec.Queue{Name: name})
		}
		return name, true
	}

	for _, d := range a.Services {
		if d.Kind == detect.KindStatic {
			s.StaticSites = append(s.StaticSites, spec.StaticSite{
				Name: d.Name, Path: d.Path, BuildCommand: d.BuildCommand, OutputDir: d.Build.OutputDir,
			})
			continue
		}
		svc := spec.Service{
			Name:    d.Name,
			Path:    d.Path,
			Build:   spec.Build{Dockerfile: dockerfilePath(d), Context: d.Build.Context},
			Runtime: spec.Runtime{Language: d.Language, Version: d.LanguageVersion},
			Port:    d.Port,
		}
		if d.Language == "docker" {
			svc.Runtime = spec.Runtime{}
		}
		if d.Kind == detect.KindWeb && d.Port > 0 {
			svc.Public = true
			svc.HealthCheck = spec.HealthCheck{Path: "/"}
		}
		for _, e := range d.Env {
			if secretNameRE.MatchString(e) {
				svc.Secrets = append(svc.Secrets, e)
			} else {
				svc.Env = append(svc.Env, e)
			}
		}
		var workers []detect.Backing
		for _, b := range d.BackingServices {
			if b.Kind == detect.KindWorker {
				workers = append(workers, b)
				continue
			}
			name, ok := resourceFor(b.Kind)
			if !ok {
				notes = append(notes, fmt.Sprintf("%s: %s (%s) has no hoist.yaml resource yet; add it by hand", d.Name, b.Kind, b.Evidence))
				continue
			}
			svc.DependsOn = append(svc.DependsOn, name)
		}
		sort.Strings(svc.DependsOn)
		s.Services = append(s.Services, svc)
		for _, w := range workers {
			ws := svc
			ws.Name = claim(d.Name + "-worker")
			ws.Command = w.Command
			ws.Port = 0
			ws.Public = false
			ws.HealthCheck = spec.HealthCheck{}
			s.Services = append(s.Services, ws)
		}
	}
	return s, notes
}

// dockerfilePath is where the service's Dockerfile is, or will be written,
// relative to the repository root.
func dockerfilePath(d detect.Service) string {
	if d.Build.Dockerfile != "" {
		return d.Build.Dockerfile
	}
	return path.Join(d.Path, "Dockerfile")
}
