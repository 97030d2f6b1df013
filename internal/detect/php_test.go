package detect

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseComposerJSON(t *testing.T) {
	c, err := parseComposerJSON([]byte(`{"name":"a/b","require":{"PHP":">=8.2","Laravel/Framework":"^11"},"config":{"platform":{"php":"8.3.4"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "a/b" || c.RequirePHP != ">=8.2" || c.PlatformPHP != "8.3.4" || !reflect.DeepEqual(c.Require, []string{"laravel/framework"}) {
		t.Errorf("parseComposerJSON: got %+v, want name a/b, php >=8.2, platform 8.3.4, require [laravel/framework]", c)
	}
	tests := []struct {
		name, input string
		line, col   int
	}{
		{"missing comma", "{\n  \"name\": \"a/b\"\n  \"type\": \"project\"\n}\n", 3, 3},
		{"trailing comma", "{\n  \"require\": {\"php\": \"^8.3\",}\n}", 2, 29},
		{"not an object", "[1, 2]", 1, 1},
		{"truncated", "{\"name\": ", 1, 0},
	}
	for _, tt := range tests {
		_, err := parseComposerJSON([]byte(tt.input))
		se, ok := err.(*syntaxError)
		if !ok {
			t.Errorf("%s: got error %v, want a *syntaxError", tt.name, err)
			continue
		}
		if se.Line != tt.line || (tt.col != 0 && se.Column != tt.col) {
			t.Errorf("%s: got %d:%d, want %d:%d (%s)", tt.name, se.Line, se.Column, tt.line, tt.col, se.Msg)
		}
	}
}

func TestPHPDetect(t *testing.T) {
	tests := []struct {
		name               string
		files              map[string]string
		framework, version string
		worker             string
		services           int
		note               string
	}{
		{
			name: "laravel with jobs and no horizon runs queue:work",
			files: map[string]string{
				"composer.json": `{"require":{"laravel/framework":"^11"},"config":{"platform":{"php":"8.3.9"}}}`,
				"artisan":       "", "public/index.php": "<?php", "app/Jobs/Send.php": "<?php",
			},
			framework: "laravel", version: "8.3", worker: "php artisan queue:work", services: 1,
		},
		{
			name:      "malformed composer.json with an index.php still gives a plain PHP app",
			files:     map[string]string{"composer.json": "{\n  \"require\": {\n}", "index.php": "<?php echo 1;"},
			framework: "", version: "8.4", services: 1, note: "composer.json",
		},
		{
			name:      "index.php below a composer project is part of it",
			files:     map[string]string{"composer.json": `{"require":{"symfony/framework-bundle":"7.1.*"}}`, "public/index.php": "<?php", "tools/index.php": "<?php"},
			framework: "symfony", version: "8.4", services: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyzeOnly(t, phpDetector{}, tt.files)
			if len(a.Services) != tt.services {
				t.Fatalf("got %d services, want %d: %+v", len(a.Services), tt.services, a.Services)
			}
			s := a.Services[0]
			if s.Framework != tt.framework || s.LanguageVersion != tt.version || s.StartCommand != "php-fpm" {
				t.Errorf("framework, version, start: got %q %q %q, want %q %q php-fpm", s.Framework, s.LanguageVersion, s.StartCommand, tt.framework, tt.version)
			}
			if tt.worker != "" {
				found := false
				for _, b := range s.BackingServices {
					found = found || b.Command == tt.worker
				}
				if !found {
					t.Errorf("workers: got %+v, want %q", s.BackingServices, tt.worker)
				}
			}
			if tt.note != "" && (len(a.Notes) != 1 || a.Notes[0].File != tt.note || a.Notes[0].Line == 0) {
				t.Errorf("notes: got %+v, want one for %s with a line", a.Notes, tt.note)
			}
		})
	}
}

func TestPHPEnvSkipsServerVariables(t *testing.T) {
	src := `<?php
$a = env('APP_KEY');
$b = getenv("DB_HOST");
$c = $_ENV['MAILER_DSN'];
$d = $_SERVER['REQUEST_METHOD'] . $_SERVER['HTTP_HOST'] . $_SERVER['DOCUMENT_ROOT'];
$e = $_SERVER['APP_SECRET'];
$f = env('lower_case');
`
	a := analyzeOnly(t, phpDetector{}, map[string]string{"index.php": src})
	want := []string{"APP_KEY", "APP_SECRET", "DB_HOST", "MAILER_DSN"}
	if got := a.Services[0].Env; !reflect.DeepEqual(got, want) {
		t.Errorf("env names from index.php: got %v, want %v", got, want)
	}
	if !strings.Contains(a.Services[0].Evidence[0].Reason, "front controller") {
		t.Errorf("language evidence: got %q, want it to name the front controller", a.Services[0].Evidence[0].Reason)
	}
}
