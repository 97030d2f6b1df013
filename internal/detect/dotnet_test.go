package detect

import (
	"errors"
	"strings"
	"testing"
)

func TestDotnetTFMVersion(t *testing.T) {
	for in, want := range map[string]string{
		"net8.0": "8.0", "net10.0": "10.0", "net9.0-windows": "9.0", "netcoreapp3.1": "3.1",
		"netstandard2.0": "", "net48": "", "": "",
	} {
		if got := dotnetTFMVersion(in); got != want {
			t.Errorf("dotnetTFMVersion(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestParseCsproj(t *testing.T) {
	tests := []struct {
		name, src               string
		sdk, tfm, assembly, out string
		test, aspnet            bool
		packages                string
	}{
		{
			name: "web",
			src:  `<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework><AssemblyName>api</AssemblyName></PropertyGroup><ItemGroup><PackageReference Include="Npgsql" Version="8.0.0" /></ItemGroup></Project>`,
			sdk:  "Microsoft.NET.Sdk.Web", tfm: "net8.0", assembly: "api", packages: "Npgsql",
		},
		{
			name: "multi target picks highest",
			src:  `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFrameworks>net10.0;net8.0;net9.0</TargetFrameworks><OutputType>Exe</OutputType></PropertyGroup></Project>`,
			sdk:  "Microsoft.NET.Sdk", tfm: "net10.0", out: "Exe",
		},
		{
			name: "sdk element and framework reference",
			src:  `<Project><Sdk Name="Microsoft.NET.Sdk" /><ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup></Project>`,
			sdk:  "Microsoft.NET.Sdk", aspnet: true,
		},
		{
			name: "test project",
			src:  `<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" /></ItemGroup></Project>`,
			sdk:  "Microsoft.NET.Sdk", test: true, packages: "Microsoft.NET.Test.Sdk",
		},
	}
	for _, tt := range tests {
		p, err := parseCsproj([]byte(tt.src))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if p.Sdk != tt.sdk || p.TargetFramework != tt.tfm || p.AssemblyName != tt.assembly || p.OutputType != tt.out || p.IsTest != tt.test || p.AspNetFramework != tt.aspnet || strings.Join(p.Packages, ",") != tt.packages {
			t.Errorf("%s: parseCsproj: got %+v", tt.name, p)
		}
	}
	_, err := parseCsproj([]byte("<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <PropertyGroup>\n</Project>"))
	var se *manifestXMLError
	if !errors.As(err, &se) || se.Line != 3 {
		t.Errorf("parseCsproj on mismatched tags: got %v, want a syntax error on line 3", err)
	}
}

func TestParseSln(t *testing.T) {
	sln := "Microsoft Visual Studio Solution File, Format Version 12.00\n" +
		`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\Api\Api.csproj", "{1}"` + "\nEndProject\n" +
		`Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{2}"` + "\nEndProject\n" +
		`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Out", "..\other\Out.csproj", "{3}"` + "\nEndProject\n"
	if got := strings.Join(parseSln([]byte(sln), false), ","); got != "src/Api/Api.csproj" {
		t.Errorf("parseSln: got %q, want src/Api/Api.csproj (folders and paths outside skipped)", got)
	}
	slnx := `<Solution><Folder Name="/src/"><Project Path="src/Api/Api.csproj" /><Project Path="src/Jobs/Jobs.fsproj" /></Folder></Solution>`
	if got := strings.Join(parseSln([]byte(slnx), true), ","); got != "src/Api/Api.csproj,src/Jobs/Jobs.fsproj" {
		t.Errorf("parseSln slnx: got %q, want both projects", got)
	}
}

func TestDotnetDetect(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // name kind port version, per service
		notes int
	}{
		{
			name:  "class library only",
			files: map[string]string{"Lib.csproj": `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>`},
		},
		{
			name: "web without target falls back to global.json",
			files: map[string]string{
				"App.csproj":  `<Project Sdk="Microsoft.NET.Sdk.Web"></Project>`,
				"global.json": `{"sdk": {"version": "9.0.100"}}`,
			},
			want: "app web 8080 9.0",
		},
		{
			name:  "malformed web project is claimed weakly",
			files: map[string]string{"Api.csproj": "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n<PropertyGroup>\n"},
			want:  "api web 8080 10.0",
			notes: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := AnalyzeWith(writeTree(t, tt.files), []Detector{dotnetDetector{}})
			if tt.want == "" {
				if !errors.Is(err, ErrNoServices) {
					t.Fatalf("%s: got %v, want ErrNoServices", tt.name, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range a.Services {
				got = append(got, strings.Join([]string{s.Name, s.Kind, itoaPort(s.Port), s.LanguageVersion}, " "))
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
			}
			if len(a.Notes) != tt.notes {
				t.Errorf("%s: got notes %v, want %d", tt.name, a.Notes, tt.notes)
			}
		})
	}
}
