package detect

import (
	"encoding/json"
	"errors"
	"path"
	"sort"
	"strings"
)

// dotnetDetector recognises .NET projects (*.csproj, *.fsproj) and
// solutions (*.sln, *.slnx).
//
// Strength: Strong for an ASP.NET Core project (Microsoft.NET.Sdk.Web) or a
// worker (Microsoft.NET.Sdk.Worker), Medium for another executable
// (OutputType Exe), nothing for a class library or test project. A solution
// folder claims every project it lists; each web or worker project becomes
// a service with the solution folder as its build context.
type dotnetDetector struct{}

func (dotnetDetector) Name() string { return "dotnet" }

// dotnetDefaultVersion is the current .NET LTS.
const dotnetDefaultVersion = "10.0"

// csprojXML is the part of an MSBuild project file Hoist reads.
type csprojXML struct {
	Sdk      string `xml:"Sdk,attr"`
	SdkElems []struct {
		Name string `xml:"Name,attr"`
	} `xml:"Sdk"`
	PropertyGroups []struct {
		TargetFramework  string `xml:"TargetFramework"`
		TargetFrameworks string `xml:"TargetFrameworks"`
		AssemblyName     string `xml:"AssemblyName"`
		OutputType       string `xml:"OutputType"`
		IsTestProject    string `xml:"IsTestProject"`
	} `xml:"PropertyGroup"`
	ItemGroups []struct {
		PackageReferences []struct {
			Include string `xml:"Include,attr"`
		} `xml:"PackageReference"`
		FrameworkReferences []struct {
			Include string `xml:"Include,attr"`
		} `xml:"FrameworkReference"`
		ProjectReferences []struct {
			Include string `xml:"Include,attr"`
		} `xml:"ProjectReference"`
	} `xml:"ItemGroup"`
}

// csprojInfo is a parsed project file.
type csprojInfo struct {
	Sdk             string
	TargetFramework string
	AssemblyName    string
	OutputType      string
	IsTest          bool
	Packages        []string
	AspNetFramework bool // FrameworkReference Microsoft.AspNetCore.App
	ProjectRefs     []string
}

// parseCsproj parses an MSBuild project file.
func parseCsproj(data []byte) (*csprojInfo, error) {
	var x csprojXML
	if err := decodeManifestXML(data, &x); err != nil {
		return nil, err
	}
	info := &csprojInfo{Sdk: strings.TrimSpace(x.Sdk)}
	if info.Sdk == "" && len(x.SdkElems) > 0 {
		info.Sdk = strings.TrimSpace(x.SdkElems[0].Name)
	}
	if i := strings.Index(info.Sdk, "/"); i > 0 { // Sdk="Microsoft.NET.Sdk.Web/8.0.0"
		info.Sdk = info.Sdk[:i]
	}
	for _, pg := range x.PropertyGroups {
		if v := strings.TrimSpace(pg.TargetFramework); v != "" && info.TargetFramework == "" {
			info.TargetFramework = v
		}
		if v := strings.TrimSpace(pg.TargetFrameworks); v != "" && info.TargetFramework == "" {
			// Several targets: the highest is what a container runs.
			fws := strings.Split(v, ";")
			sort.Slice(fws, func(i, j int) bool { return dotnetVersionLess(dotnetTFMVersion(fws[i]), dotnetTFMVersion(fws[j])) })
			info.TargetFramework = strings.TrimSpace(fws[len(fws)-1])
		}
		if v := strings.TrimSpace(pg.AssemblyName); v != "" {
			info.AssemblyName = v
		}
		if v := strings.TrimSpace(pg.OutputType); v != "" {
			info.OutputType = v
		}
		if strings.EqualFold(strings.TrimSpace(pg.IsTestProject), "true") {
			info.IsTest = true
		}
	}
	for _, ig := range x.ItemGroups {
		for _, p := range ig.PackageReferences {
			if v := strings.TrimSpace(p.Include); v != "" {
				info.Packages = append(info.Packages, v)
				if v == "Microsoft.NET.Test.Sdk" {
					info.IsTest = true
				}
			}
		}
		for _, f := range ig.FrameworkReferences {
			if strings.TrimSpace(f.Include) == "Microsoft.AspNetCore.App" {
				info.AspNetFramework = true
			}
		}
		for _, p := range ig.ProjectReferences {
			if v := strings.TrimSpace(p.Include); v != "" {
				info.ProjectRefs = append(info.ProjectRefs, strings.ReplaceAll(v, `\`, "/"))
			}
		}
	}
	return info, nil
}

var dotnetTFMRE = newPattern(`^net(?:coreapp)?(\d+)\.(\d+)`)

// dotnetTFMVersion turns "net8.0" or "net9.0-windows" into "8.0"; "" for
// .NET Framework and netstandard targets.
func dotnetTFMVersion(tfm string) string {
	m := dotnetTFMRE.FindStringSubmatch(strings.TrimSpace(strings.ToLower(tfm)))
	if m == nil {
		return ""
	}
	return m[1] + "." + m[2]
}

func dotnetVersionLess(a, b string) bool {
	pa, pb := strings.SplitN(a, ".", 2), strings.SplitN(b, ".", 2)
	if len(pa) < 2 || len(pb) < 2 {
		return len(pa) < len(pb)
	}
	if len(pa[0]) != len(pb[0]) {
		return len(pa[0]) < len(pb[0])
	}
	if pa[0] != pb[0] {
		return pa[0] < pb[0]
	}
	return pa[1] < pb[1]
}

var (
	slnProjectRE  = newPattern(`(?m)^Project\("\{[^}]*\}"\)\s*=\s*"[^"]*"\s*,\s*"([^"]+\.(?:cs|fs|vb)proj)"`)
	slnxProjectRE = newPattern(`<Project\s+Path="([^"]+\.(?:cs|fs|vb)proj)"`)
)

// parseSln lists the project paths (slash-separated, relative to the
// solution folder) of a .sln or .slnx file, in file order.
func parseSln(data []byte, slnx bool) []string {
	re := slnProjectRE
	if slnx {
		re = slnxProjectRE
	}
	var out []string
	for _, m := range re.FindAllSubmatch(data, -1) {
		p := path.Clean(strings.ReplaceAll(string(m[1]), `\`, "/"))
		if !strings.HasPrefix(p, "..") && !path.IsAbs(p) {
			out = append(out, p)
		}
	}
	return out
}

// dotnetBackingRules map NuGet packages to backing services.
var dotnetBackingRules = []DependencyRule{
	{"Npgsql", "postgres"},
	{"Npgsql.*", "postgres"},
	{"MySqlConnector", "mysql"},
	{"MySql.Data", "mysql"},
	{"Pomelo.EntityFrameworkCore.MySql", "mysql"},
	{"StackExchange.Redis", "redis"},
	{"Microsoft.Extensions.Caching.StackExchangeRedis", "redis"},
	{"MongoDB.Driver", "mongodb"},
	{"MongoDB.EntityFrameworkCore", "mongodb"},
	{"AWSSDK.S3", "s3"},
	{"AWSSDK.SQS", "sqs"},
}

// dotnetProjectFiles lists project files in d, sorted.
func dotnetProjectFiles(d *Dir) []string {
	var out []string
	for _, f := range d.Files {
		if strings.HasSuffix(f, ".csproj") || strings.HasSuffix(f, ".fsproj") || strings.HasSuffix(f, ".vbproj") {
			out = append(out, f)
		}
	}
	return out
}

func (n dotnetDetector) Detect(d *Dir) *Claim {
	var slnFile string
	for _, f := range d.Files {
		if strings.HasSuffix(f, ".sln") || strings.HasSuffix(f, ".slnx") {
			slnFile = f
			break
		}
	}
	if slnFile != "" {
		if c := n.detectSolution(d, slnFile); c != nil {
			return c
		}
	}
	projects := dotnetProjectFiles(d)
	if len(projects) == 0 {
		return nil
	}
	manifests := dotnetSharedManifests(d)
	claim := &Claim{}
	for _, p := range projects {
		ms := append([]string{p}, manifests...)
		if d.Has("packages.lock.json") {
			ms = append(ms, "packages.lock.json")
		}
		s, st := dotnetProject(d, p, d, javaSortedUnique(ms))
		if s == nil {
			continue
		}
		claim.Services = append(claim.Services, *s)
		claim.Strength = max(claim.Strength, st)
	}
	if len(claim.Services) == 0 {
		return nil
	}
	return claim
}

// dotnetSharedManifests lists solution-level files restore needs.
func dotnetSharedManifests(d *Dir) []string {
	var out []string
	for _, f := range []string{"global.json", "NuGet.config", "nuget.config", "NuGet.Config", "Directory.Build.props", "Directory.Packages.props", "Directory.Build.targets"} {
		if d.Has(f) {
			out = append(out, f)
		}
	}
	return out
}

// detectSolution claims a solution folder and every project it lists.
func (dotnetDetector) detectSolution(d *Dir, slnFile string) *Claim {
	data, err := d.Read(slnFile)
	if err != nil {
		return nil
	}
	projects := parseSln(data, strings.HasSuffix(slnFile, ".slnx"))
	if len(projects) == 0 {
		return nil
	}
	manifests := append([]string{slnFile}, dotnetSharedManifests(d)...)
	type proj struct {
		dir  *Dir
		file string
	}
	var projs []proj
	claim := &Claim{}
	for _, p := range projects {
		pd := d.Sub(path.Dir(p))
		if path.Dir(p) == "." {
			pd = d
		}
		if pd == nil || !pd.Has(path.Base(p)) {
			d.Repo().Note(Note{File: d.Rel(slnFile), Reason: "solution lists " + p + ", which is missing"})
			continue
		}
		manifests = append(manifests, p)
		if pd.Has("packages.lock.json") {
			manifests = append(manifests, relToContext(d.Path, pd.Rel("packages.lock.json")))
		}
		if pd != d {
			claim.Covers = append(claim.Covers, pd.Path)
		}
		projs = append(projs, proj{pd, path.Base(p)})
	}
	manifests = javaSortedUnique(manifests)
	for _, p := range projs {
		s, st := dotnetProject(p.dir, p.file, d, append([]string(nil), manifests...))
		if s == nil {
			continue
		}
		if len(projs) > 1 {
			s.Build.Workspace = d.Path
		}
		claim.Services = append(claim.Services, *s)
		claim.Strength = max(claim.Strength, st)
	}
	if len(claim.Services) == 0 {
		return nil
	}
	return claim
}

// dotnetGlobalSDK reads sdk.version from the nearest global.json at or
// above d.
func dotnetGlobalSDK(d *Dir) (string, *Dir, int) {
	for x := d; x != nil; x = x.Parent() {
		if !x.Has("global.json") {
			continue
		}
		data, err := x.Read("global.json")
		if err != nil {
			return "", nil, 0
		}
		var g struct {
			SDK struct {
				Version string `json:"version"`
			} `json:"sdk"`
		}
		if err := json.Unmarshal(data, &g); err != nil {
			var se *json.SyntaxError
			line := 0
			if errors.As(err, &se) {
				line = LineOf(data, int(se.Offset))
			}
			x.Repo().Note(Note{File: x.Rel("global.json"), Line: line, Reason: "global.json does not parse: " + err.Error()})
			return "", nil, 0
		}
		if g.SDK.Version == "" {
			return "", nil, 0
		}
		return g.SDK.Version, x, LineOf(data, strings.Index(string(data), `"version"`))
	}
	return "", nil, 0
}

// dotnetProject builds the service for one project, or nil for a library
// or test project. file is the project file name in d; ctx the build context.
func dotnetProject(d *Dir, file string, ctx *Dir, manifests []string) (*Service, int) {
	data, err := d.Read(file)
	if err != nil {
		return nil, 0
	}
	p, err := parseCsproj(data)
	if err != nil {
		var se *manifestXMLError
		if errors.As(err, &se) {
			d.Repo().Note(Note{File: d.Rel(file), Line: se.Line, Reason: file + " does not parse: " + se.Msg})
		}
		// Claimed weakly from the Sdk attribute, if it can be read, so the
		// project still shows up.
		p = &csprojInfo{OutputType: "Exe"}
		if m := csprojSdkRE.FindSubmatch(data); m != nil {
			p.Sdk = string(m[1])
		}
		s, _ := dotnetService(d, file, ctx, manifests, p, data)
		if s == nil {
			return nil, 0
		}
		s.Evidence = append(s.Evidence, d.Evidence("build", file, 0, file+" does not parse; package references unknown"))
		return s, Weak
	}
	return dotnetService(d, file, ctx, manifests, p, data)
}

var csprojSdkRE = newPattern(`<Project\s+Sdk="([^"/]+)`)

// dotnetService builds the service from a parsed project file.
func dotnetService(d *Dir, file string, ctx *Dir, manifests []string, p *csprojInfo, data []byte) (*Service, int) {
	if p.IsTest {
		return nil, 0
	}
	s := &Service{Path: d.Path, Language: "dotnet", PackageManager: "nuget"}
	sdkLine := LineOf(data, strings.Index(string(data), "Sdk"))
	var strength int
	switch {
	case p.Sdk == "Microsoft.NET.Sdk.Web" || p.AspNetFramework:
		s.Kind, s.Framework, s.Port, strength = KindWeb, "aspnet-core", 8080, Strong
		s.Evidence = append(s.Evidence,
			d.Evidence("framework", file, sdkLine, "ASP.NET Core project ("+p.Sdk+")"),
			d.Evidence("port", file, sdkLine, "ASP.NET Core images listen on 8080 (ASPNETCORE_HTTP_PORTS); launchSettings.json is for development only"))
	case p.Sdk == "Microsoft.NET.Sdk.Worker":
		s.Kind, s.Framework, strength = KindWorker, "dotnet-worker", Strong
		s.Evidence = append(s.Evidence, d.Evidence("framework", file, sdkLine, "worker service project (Microsoft.NET.Sdk.Worker)"))
	case strings.EqualFold(p.OutputType, "Exe"):
		s.Kind, strength = KindWorker, Medium
		s.Evidence = append(s.Evidence, d.Evidence("kind", file, LineOf(data, strings.Index(string(data), "OutputType")), "console application (OutputType Exe); runs as a worker"))
	default:
		return nil, 0
	}
	s.Evidence = append(s.Evidence, d.Evidence("language", file, sdkLine, ".NET project "+file))

	if v := dotnetTFMVersion(p.TargetFramework); v != "" {
		s.LanguageVersion = v
		s.Evidence = append(s.Evidence, d.Evidence("language_version", file, LineOf(data, strings.Index(string(data), p.TargetFramework)), "TargetFramework "+p.TargetFramework))
	}
	if sdk, gd, line := dotnetGlobalSDK(d); sdk != "" {
		s.Build.PackageManagerVersion = sdk
		s.Evidence = append(s.Evidence, gd.Evidence("build", "global.json", line, "global.json pins SDK "+sdk))
		if s.LanguageVersion == "" {
			if parts := strings.SplitN(sdk, ".", 3); len(parts) >= 2 {
				s.LanguageVersion = parts[0] + "." + parts[1]
				s.Evidence = append(s.Evidence, gd.Evidence("language_version", "global.json", line, "SDK "+sdk))
			}
		}
	}
	if s.LanguageVersion == "" {
		s.LanguageVersion = dotnetDefaultVersion
		s.Evidence = append(s.Evidence, d.Evidence("language_version", file, 0, "no TargetFramework; current LTS .NET "+dotnetDefaultVersion+" assumed"))
	}

	assembly := p.AssemblyName
	if assembly == "" {
		assembly = strings.TrimSuffix(file, path.Ext(file))
	}
	s.Name = assembly
	s.Build.Context = ctx.Path
	s.Build.Entrypoint = assembly + ".dll"
	s.Build.Manifests = manifests
	projRel := relToContext(ctx.Path, d.Rel(file))
	s.BuildCommand = "dotnet publish " + projRel + " -c Release -o /out"
	s.StartCommand = "dotnet /app/" + assembly + ".dll"
	s.Evidence = append(s.Evidence, d.Evidence("build", file, 0, "published assembly "+assembly+".dll"))
	s.BackingServices = MatchDependencies(d.Rel(file), p.Packages, dotnetBackingRules)
	return s, strength
}

var (
	dotnetEnvRE  = newPattern(`\bEnvironment\.GetEnvironmentVariable\(\s*"([A-Za-z_][A-Za-z0-9_]*)"`)
	dotnetPortRE = []*pattern{
		newPattern(`\.(?:Urls\.Add|UseUrls|Run)\(\s*"https?://(?:\*|\+|0\.0\.0\.0|\[::\]|localhost):(\d{2,5})"`),
		newPattern(`\.Listen(?:AnyIP)?\(\s*(?:IPAddress\.Any\s*,\s*)?(\d{2,5})\s*[,)]`),
	}
)

// Enrich collects env var names and a port set in code.
func (dotnetDetector) Enrich(d *Dir, s *Service, owned func(*Dir) bool) {
	exts := []string{".cs", ".fs", ".vb"}
	CollectEnv(d, s, exts, owned, dotnetEnvRE)
	if s.Kind == KindWeb {
		port, evidence := s.Port, s.Evidence
		s.Port = 0
		s.Evidence = nil
		for _, e := range evidence {
			if e.Field != "port" {
				s.Evidence = append(s.Evidence, e)
			}
		}
		FindPort(d, s, exts, owned, dotnetPortRE...)
		if s.Port == 0 {
			s.Port, s.Evidence = port, evidence
		}
	}
}
