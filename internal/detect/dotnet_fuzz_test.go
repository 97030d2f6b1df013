package detect

import (
	"errors"
	"strings"
	"testing"
)

func FuzzParseCsproj(f *testing.F) {
	f.Add([]byte(`<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFrameworks>net8.0;net10.0</TargetFrameworks></PropertyGroup><ItemGroup><PackageReference Include="Npgsql" /></ItemGroup></Project>`))
	f.Add([]byte("<Project Sdk=\"Microsoft.NET.Sdk\">\n<PropertyGroup>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parseCsproj(data)
		if err != nil {
			var se *manifestXMLError
			if !errors.As(err, &se) {
				t.Fatalf("parseCsproj(%q): got %T, want a manifestXMLError", data, err)
			}
			return
		}
		_ = dotnetTFMVersion(p.TargetFramework)
		_ = MatchDependencies("x.csproj", p.Packages, dotnetBackingRules)
	})
}

func FuzzParseSln(f *testing.F) {
	f.Add([]byte(`Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\Api\Api.csproj", "{1}"` + "\nEndProject\n"))
	f.Add([]byte(`<Solution><Project Path="a/b.csproj" /></Solution>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, slnx := range []bool{false, true} {
			for _, p := range parseSln(data, slnx) {
				if strings.HasPrefix(p, "..") || strings.HasPrefix(p, "/") {
					t.Errorf("parseSln(%q): got path %q outside the solution", data, p)
				}
			}
		}
	})
}
