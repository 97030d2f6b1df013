package detect

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// jsSourceExts are the files scanned for environment variables and ports.
var jsSourceExts = []string{".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".vue", ".svelte", ".astro"}

// jsEnvPatterns find environment variable names read by JavaScript code.
var jsEnvPatterns = []*pattern{
	newPattern(`\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]*)`),
	newPattern("\\bprocess\\.env\\[\\s*['\"`]([A-Za-z_][A-Za-z0-9_]*)['\"`]\\s*\\]"),
	newPattern(`\bimport\.meta\.env\.([A-Za-z_][A-Za-z0-9_]*)`),
	newPattern(`\bBun\.env\.([A-Za-z_][A-Za-z0-9_]*)`),
	newPattern(`\bDeno\.env\.get\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]`),
}

// jsEnvDestructureRE finds `const { A, B: b, C = "x" } = process.env`.
var jsEnvDestructureRE = newPattern(`\{([^{}]+)\}\s*=\s*(?:process\.env|Bun\.env|Deno\.env\.toObject\(\))`)

// viteBuiltinEnv are import.meta.env keys Vite defines itself.
var viteBuiltinEnv = map[string]bool{"MODE": true, "DEV": true, "PROD": true, "SSR": true, "BASE_URL": true}

// jsPortPatterns find the port a server listens on, strongest sign first.
var jsPortPatterns = []*pattern{
	newPattern(`\.listen\(\s*(\d{2,5})\b`),
	newPattern(`\bPORT\b[^\n;]{0,40}?(?:\|\||\?\?)\s*['"]?(\d{2,5})\b`),
	newPattern(`(?i)\bport\s*[:=]\s*(\d{2,5})\b`),
}

// jsDatastorePorts are well-known database and cache ports: a `port: 5432`
// in a connection config is not the port the app listens on.
var jsDatastorePorts = map[int]bool{5432: true, 3306: true, 6379: true, 27017: true, 11211: true, 5672: true, 9200: true, 1433: true}

// jsScan is what one pass over a service's sources found.
type jsScan struct {
	env    []string
	port   [3]*Match // best match per port pattern
	ports  [3]string // file of each
	server *Match    // code that starts an HTTP server
	file   string
}

// scanJSSources reads the service's JavaScript/TypeScript sources once,
// collecting environment variable names, port candidates and whether some
// code starts an HTTP server.
func scanJSSources(d *Dir, owned func(*Dir) bool, exts []string) jsScan {
	var sc jsScan
	seen := map[string]bool{}
	addEnv := func(name string) {
		if plausibleEnvName(name) && !seen[name] {
			seen[name] = true
			sc.env = append(sc.env, name)
		}
	}
	addEnvBytes := func(name []byte) {
		if plausibleEnvName(string(name)) && !seen[string(name)] {
			addEnv(string(name))
		}
	}
	addViteEnv := func(name []byte) {
		if !viteBuiltinEnv[string(name)] {
			addEnvBytes(name)
		}
	}
	scanSources(d, exts, owned, false, func(rel string, data []byte) {
		for i, re := range jsEnvPatterns {
			if i == 2 {
				eachValue(data, re, addViteEnv)
			} else {
				eachValue(data, re, addEnvBytes)
			}
		}
		if !bytes.Contains(data, []byte(".env")) {
			goto ports // no destructuring of process.env, Bun.env or Deno.env here
		}
		for _, m := range FindAll(data, jsEnvDestructureRE) {
			if len(m.Value) > 1000 {
				continue // a block of code, not a destructuring pattern
			}
			for _, item := range strings.Split(m.Value, ",") {
				item = strings.TrimSpace(item)
				if strings.HasPrefix(item, "...") {
					continue
				}
				if i := strings.IndexAny(item, ":="); i >= 0 {
					item = strings.TrimSpace(item[:i])
				}
				addEnv(item)
			}
		}
	ports:
		for i, re := range jsPortPatterns {
			if sc.port[i] != nil {
				continue
			}
			for _, m := range FindAll(data, re) {
				p, err := strconv.Atoi(m.Value)
				if err != nil || p < 1 || p > 65535 || (i == 2 && jsDatastorePorts[p]) {
					continue
				}
				m := m
				sc.port[i], sc.ports[i] = &m, rel
				break
			}
		}
		if sc.server == nil {
			if loc := nodeServerCodeRE.FindIndex(data); loc != nil {
				sc.server = &Match{Line: LineOf(data, loc[0])}
				sc.file = rel
			}
		}
	})
	return sc
}

// nodeCodePortFrameworks take their port from the code, with 3000 when the
// code does not say.
var nodeCodePortFrameworks = map[string]bool{"": true, "express": true, "fastify": true, "koa": true, "hono": true, "nestjs": true, "hapi": true}

// Enrich adds the environment variable names the code reads and, for
// servers whose port is set in code, that port (3000 when none is found).
func (nodeDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	sc := scanJSSources(d, owned, jsSourceExts)
	s.Env = append(s.Env, sc.env...)
	// The workspace packages the service depends on run inside it: the
	// variables they read are the service's too.
	if s.Build.Workspace != "" && d.Has("package.json") {
		if ws := findJSWorkspace(d); ws != nil {
			if pkg, err := readPackageJSON(d); err == nil {
				for _, dep := range ws.localDeps(pkg) {
					if !owned(dep) {
						s.Env = append(s.Env, scanJSSources(dep, owned, jsSourceExts).env...)
					}
				}
			}
		}
	}
	if s.Kind == KindStatic || s.Port != 0 || !nodeCodePortFrameworks[s.Framework] {
		return
	}
	for i, m := range sc.port {
		if m == nil {
			continue
		}
		s.Port, _ = strconv.Atoi(m.Value)
		s.Kind = KindWeb
		s.Evidence = append(s.Evidence, Evidence{Field: "port", File: sc.ports[i], Line: m.Line, Reason: "port " + m.Value + " in the code"})
		return
	}
	if s.Kind == KindWeb || sc.server != nil {
		s.Port, s.Kind = 3000, KindWeb
		manifest, _ := d.HasAny("package.json", "project.json")
		ev := Evidence{Field: "port", File: d.Rel(manifest), Reason: "no port in the code; 3000 by default (the app should read PORT)"}
		if s.Framework != "" {
			ev.Reason = fmt.Sprintf("no port in the code; 3000 by default for %s (the app should read PORT)", s.Framework)
		}
		if sc.server != nil {
			ev.File, ev.Line = sc.file, sc.server.Line
		}
		s.Evidence = append(s.Evidence, ev)
	}
}
