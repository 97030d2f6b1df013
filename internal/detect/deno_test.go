package detect

import (
	"reflect"
	"strings"
	"testing"
)

func TestJSStripComments(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a": 1} // c`, `{"a": 1}     `},
		{"{/* x\ny */\"a\": 1}", "{    \n    \"a\": 1}"},
		{`{"url": "https://x//y", "b": "/* no */"}`, `{"url": "https://x//y", "b": "/* no */"}`},
		{`{"a": [1, 2,], "b": 3,}`, `{"a": [1, 2 ], "b": 3 }`},
		{"{\"a\": 1, // last\n}", "{\"a\": 1         \n}"},
		{`{"q": "say \"//\"", }`, `{"q": "say \"//\""  }`},
		{`{"a": 1 /* unterminated`, `{"a": 1 ` + strings.Repeat(" ", len("/* unterminated"))},
	}
	for _, tt := range tests {
		if got := jsStripComments(tt.in); got != tt.want {
			t.Errorf("jsStripComments(%q):\n got %q\nwant %q", tt.in, got, tt.want)
		}
		if got := jsStripComments(tt.in); len(got) != len(tt.in) {
			t.Errorf("jsStripComments(%q): length %d, want %d (offsets must be kept)", tt.in, len(got), len(tt.in))
		}
	}
}

func TestParseDenoConfig(t *testing.T) {
	data := []byte("{\n  // comment\n  \"name\": \"@a/b\",\n  \"tasks\": {\"start\": \"deno run main.ts\", \"obj\": {\"command\": \"deno test\"}, \"bad\": 1,},\n  \"imports\": {\"hono\": \"jsr:@hono/hono@^4\"},\n}\n")
	c, err := parseDenoConfig(data)
	if err != nil {
		t.Fatalf("parseDenoConfig: got error %v, want none", err)
	}
	wantTasks := map[string]string{"start": "deno run main.ts", "obj": "deno test"}
	if c.Name != "@a/b" || !reflect.DeepEqual(c.Tasks, wantTasks) || c.Imports["hono"] != "jsr:@hono/hono@^4" {
		t.Errorf("parseDenoConfig: got name %q tasks %v imports %v; want @a/b, %v, hono", c.Name, c.Tasks, c.Imports, wantTasks)
	}
	if got := jsKeyLine(c.raw, "tasks"); got != 4 {
		t.Errorf("line of tasks: got %d, want 4", got)
	}
	_, err = parseDenoConfig([]byte("{\n  \"tasks\": {\n    \"start\" \"x\"\n  }\n}"))
	se, ok := err.(*jsSyntaxError)
	if !ok || se.Line != 3 || se.Column != 13 {
		t.Errorf("parseDenoConfig(malformed): got %v, want a syntax error at 3:13", err)
	}
}

func TestDenoPackageName(t *testing.T) {
	tests := map[string]string{
		"npm:pg@8":                               "pg",
		"npm:@aws-sdk/client-s3@^3":              "@aws-sdk/client-s3",
		"npm:/express@4/router":                  "express",
		"jsr:@hono/hono@^4.6":                    "@hono/hono",
		"jsr:@db/postgres":                       "@db/postgres",
		"https://deno.land/x/oak@v12.6.1/mod.ts": "deno.land/x/oak",
		"https://esm.sh/preact@10":               "",
		"./local.ts":                             "",
		"npm:@scope":                             "@scope",
	}
	for in, want := range tests {
		if got := denoPackageName(in); got != want {
			t.Errorf("denoPackageName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDenoStartTask(t *testing.T) {
	tests := []struct {
		tasks map[string]string
		want  string
	}{
		{map[string]string{"start": "deno run -A main.ts"}, "start"},
		{map[string]string{"start": "deno run -A --watch=static/ dev.ts", "preview": "deno run -A main.ts"}, "preview"},
		{map[string]string{"start": "deno run -A dev.ts"}, ""},
		{map[string]string{"dev": "deno run --watch main.ts"}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		if got, _ := denoStartTask(tt.tasks); got != tt.want {
			t.Errorf("denoStartTask(%v) = %q, want %q", tt.tasks, got, tt.want)
		}
	}
}
