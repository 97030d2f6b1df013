package detect

import "testing"

// FuzzParseDenoConfig checks that deno.json(c) parsing never panics and that
// comment stripping keeps the input's length, so error positions stay right.
func FuzzParseDenoConfig(f *testing.F) {
	f.Add([]byte("{\n  // c\n  \"tasks\": {\"start\": \"deno run main.ts\",},\n  /* x */ \"imports\": {\"hono\": \"jsr:@hono/hono@4\"}\n}"))
	f.Add([]byte(`{"a": "\"//", "b": [1,],}`))
	f.Add([]byte("/*"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if got := jsStripComments(string(data)); len(got) != len(data) {
			t.Fatalf("jsStripComments(%q): length %d, want %d", data, len(got), len(data))
		}
		c, err := parseDenoConfig(data)
		if err == nil {
			for _, v := range c.Imports {
				denoPackageName(v)
			}
			denoStartTask(c.Tasks)
		}
	})
}
