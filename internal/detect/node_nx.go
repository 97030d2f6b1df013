package detect

import (
	"errors"
	"path"
	"strings"
)

// nodeImportRE finds the server framework a source file imports.
var nodeImportRE = newPattern(`(?:from\s+|require\(\s*)['"](@nestjs/core|fastify|express|koa|hono|@hapi/hapi)['"]`)

// detectNxProject claims an application project of an integrated Nx
// workspace: a folder with project.json and no package.json, whose
// dependencies live in the workspace root's package.json.
func detectNxProject(d *Dir) *Claim {
	ws := findJSWorkspace(d)
	if ws == nil || !ws.nx {
		return nil
	}
	data, err := d.Read("project.json")
	if err != nil {
		return nil
	}
	proj, err := parseNxProject(data)
	if err != nil {
		n := Note{File: d.Rel("project.json"), Reason: "project.json is not valid JSON, ignored: " + err.Error()}
		var se *jsSyntaxError
		if errors.As(err, &se) {
			n.Line, n.Column, n.Reason = se.Line, se.Column, "project.json is not valid JSON, ignored: "+se.Msg
		}
		d.Repo().Note(n)
		return nil
	}
	line := jsKeyLine(data, "projectType")
	switch proj.ProjectType {
	case "application":
	case "":
		if !strings.HasPrefix(ws.relTo(d), "apps/") {
			return nil
		}
		line = 0
	default:
		return nil // a library
	}
	rootPkg := ws.pkg
	if rootPkg == nil {
		rootPkg = &packageJSON{}
	}
	name := proj.Name
	if name == "" {
		name = path.Base(d.Path)
	}
	a := &nodeApp{d: d, pkg: rootPkg, pkgDir: ws.root, ws: ws}
	a.s.Name, a.s.Language = name, "node"
	a.detectPackageManager()
	a.cmds = nodeCmds{pm: a.s.PackageManager, ws: ws, name: name, rel: ws.relTo(d)}
	a.evFile("language", "project.json", line, "Nx application project "+name)

	build := proj.Targets["build"]
	exe := build.Executor
	exeLine := jsKeyLine(data, "executor")
	out := build.Options.OutputPath
	if out == "" {
		out = path.Join("dist", ws.relTo(d))
	}
	out = path.Clean(out)
	a.s.BuildCommand = a.cmds.build()
	a.evFile("build_command", "project.json", exeLine, "Nx build target ("+exe+")")

	serve := proj.executor("serve")
	switch {
	case strings.Contains(exe, "/next:"):
		a.s.Framework, a.s.Kind, a.s.Port = "nextjs", KindWeb, 3000
		a.evFile("framework", "project.json", exeLine, "Nx Next.js executor "+exe)
		a.s.StartCommand = a.cmds.rootExec("next start " + out)
	case strings.Contains(exe, "/vite:") || strings.Contains(exe, "/angular:") || strings.Contains(exe, ":browser") ||
		strings.Contains(serve, "dev-server") || build.Options.Target == "web":
		a.s.Kind = KindStatic
		if strings.Contains(exe, "/vite:") {
			a.s.Framework = "vite"
		}
		a.s.Build.OutputDir = nodeUpTo(ws.relTo(d)) + out
		a.evFile("kind", "project.json", exeLine, "Nx browser build ("+exe+") writes static files to "+out)
	default:
		main := build.Options.Main
		entry := "main.js"
		if main != "" {
			entry = strings.TrimSuffix(path.Base(main), path.Ext(main)) + ".js"
		}
		a.s.StartCommand = "node " + path.Join(out, entry)
		if a.s.PackageManager == "bun" {
			a.s.StartCommand = "bun run " + path.Join(out, entry)
		}
		a.evFile("start_command", "project.json", exeLine, "Nx build ("+exe+") writes the server bundle to "+out)
		a.s.Kind = KindWeb
		if main != "" {
			if src, err := ws.root.Repo().Read(jsJoin(ws.root.Path, main)); err == nil {
				if ms := FindAll(src, nodeImportRE); len(ms) > 0 {
					for _, f := range nodeServerFrameworks {
						if f.dep == ms[0].Value {
							a.s.Framework = f.slug
						}
					}
					a.s.Evidence = append(a.s.Evidence, Evidence{Field: "framework", File: jsJoin(ws.root.Path, main), Line: ms[0].Line, Reason: "imports " + ms[0].Value})
				}
			}
		}
	}
	a.nodeVersion()
	a.backingServices()
	a.manifests()
	return &Claim{Strength: Strong, Services: []Service{a.s}}
}

// nodeUpTo returns the "../" path from a folder back to its base ("apps/web" -> "../../").
func nodeUpTo(rel string) string {
	if rel == "." || rel == "" {
		return ""
	}
	return strings.Repeat("../", strings.Count(rel, "/")+1)
}

// jsJoin joins a repository-relative folder and a path below it.
func jsJoin(dir, p string) string {
	if dir == "." {
		return path.Clean(p)
	}
	return path.Join(dir, p)
}
