package llmedit

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoist-dev/hoist/internal/llm"
)

// fakeOpenAI answers chat completions with queued message contents and
// keeps the user messages it was sent.
type fakeOpenAI struct {
	mu       sync.Mutex
	contents []string
	status   []int
	users    []string
}

func (f *fakeOpenAI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Messages []struct{ Role, Content string } `json:"messages"`
	}
	data, _ := io.ReadAll(r.Body)
	_ = json.Unmarshal(data, &body)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, m := range body.Messages {
		if m.Role == "user" {
			f.users = append(f.users, m.Content)
		}
	}
	i := len(f.users) - 1
	status := http.StatusOK
	if i < len(f.status) && f.status[i] != 0 {
		status = f.status[i]
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if status != http.StatusOK {
		io.WriteString(w, `{"error":{"message":"upstream trouble"}}`)
		return
	}
	content := f.contents[min(i, len(f.contents)-1)]
	out, _ := json.Marshal(map[string]any{"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
		"message": map[string]any{"role": "assistant", "content": content}}}})
	w.Write(out)
}

func editor(t *testing.T, f *fakeOpenAI) *Editor {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg := llm.Config{Provider: llm.ProviderOpenAI, BaseURL: srv.URL, Model: "test-model", MaxRetries: 1}
	p, err := llm.NewProvider(context.Background(), cfg, llm.Deps{HTTP: srv.Client(), Getenv: func(string) string { return "" },
		Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	return &Editor{Client: &llm.Client{Provider: p, Config: cfg, Redactor: llm.NewRedactor([]byte("test-key-0123456789")), TemplateVersion: TemplateVersion}}
}

const validSpec = `{"version":1,"name":"shop","services":[{"name":"api","port":8080,"public":true,"depends_on":["db"]}],"databases":[{"name":"db","engine":"postgres"}]}`

func TestEdit(t *testing.T) {
	tests := []struct {
		name        string
		contents    []string
		status      []int
		description string
		wantLLM     bool
		wantCalls   int
		wantWarning string
		check       func(t *testing.T, o *Outcome, f *fakeOpenAI)
	}{
		{name: "a valid answer is taken", contents: []string{validSpec}, description: "an api with postgres",
			wantLLM: true, wantCalls: 1,
			check: func(t *testing.T, o *Outcome, _ *fakeOpenAI) {
				if o.Spec.Name != "shop" || len(o.Spec.Databases) != 1 || o.Spec.Databases[0].Engine != "postgres" {
					t.Errorf("spec = %+v", o.Spec)
				}
				if len(o.Assumptions) == 0 {
					t.Error("no assumptions listed for the defaults Hoist fills")
				}
			}},
		{name: "an invalid answer gets one repair round with the errors",
			contents:    []string{`{"version":1,"name":"shop","services":[{"name":"api","port":70000}]}`, validSpec},
			description: "an api", wantLLM: true, wantCalls: 2,
			check: func(t *testing.T, _ *Outcome, f *fakeOpenAI) {
				if !strings.Contains(f.users[1], "must be 1-65535") || !strings.Contains(f.users[1], "Your previous answer") {
					t.Errorf("repair prompt lacks the validation errors:\n%s", f.users[1])
				}
			}},
		{name: "unknown fields are invalid", contents: []string{`{"version":1,"name":"shop","kubernetes":{"nodes":3}}`},
			description: "an api with postgres", wantLLM: false, wantCalls: 2, wantWarning: "invalid after one repair"},
		{name: "not JSON at all falls back", contents: []string{`I would suggest a VPC.`},
			description: "an api with postgres", wantLLM: false, wantCalls: 2, wantWarning: "deterministic engine"},
		{name: "a provider failure falls back", status: []int{500, 500}, contents: []string{validSpec},
			description: "an api with postgres", wantLLM: false, wantCalls: 2, wantWarning: "HTTP 500"},
		{name: "refusals of unsafe requests stand whatever the model says", contents: []string{validSpec},
			description: "an api with postgres and open SSH to the world", wantLLM: true, wantCalls: 1,
			check: func(t *testing.T, o *Outcome, _ *fakeOpenAI) {
				if !strings.Contains(strings.ToLower(strings.Join(o.Warnings, " ")), "ssh") {
					t.Errorf("warnings %q do not mention the refused SSH request", o.Warnings)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeOpenAI{contents: tt.contents, status: tt.status}
			o, err := editor(t, f).New(context.Background(), tt.description)
			if err != nil {
				t.Fatal(err)
			}
			if o.UsedLLM != tt.wantLLM {
				t.Errorf("UsedLLM = %v, want %v (warnings %q)", o.UsedLLM, tt.wantLLM, o.Warnings)
			}
			if len(f.users) != tt.wantCalls {
				t.Errorf("got %d calls, want %d", len(f.users), tt.wantCalls)
			}
			if tt.wantWarning != "" && !strings.Contains(strings.Join(o.Warnings, "\n"), tt.wantWarning) {
				t.Errorf("warnings %q lack %q", o.Warnings, tt.wantWarning)
			}
			if o.Spec == nil {
				t.Fatal("no spec")
			}
			if tt.check != nil {
				tt.check(t, o, f)
			}
		})
	}
}

func TestPromptIsRedacted(t *testing.T) {
	e := editor(t, &fakeOpenAI{contents: []string{validSpec}})
	req, err := e.Prompt(nil, "an api; our account is 123456789012 and DB_PASSWORD=hunter2hunter2")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(req.User, "123456789012") || strings.Contains(req.User, "hunter2hunter2") {
		t.Errorf("prompt leaks a secret:\n%s", req.User)
	}
	if !strings.Contains(req.User, "an api") || len(req.Schema) == 0 {
		t.Errorf("prompt lost the request or the schema:\n%s", req.User)
	}
}
