package llm

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

var testSchema = []byte(`{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}`)

func testReq() Request {
	return Request{System: "You edit specs.", User: "name it shop", Schema: testSchema, SchemaName: "spec_edit"}
}

// recorder is an httptest handler that answers with a queue of canned
// responses and keeps every request body.
type recorder struct {
	mu      sync.Mutex
	bodies  []map[string]any
	raw     []string
	headers []http.Header
	paths   []string
	answers []answer
}

type answer struct {
	status int
	header map[string]string
	body   string
	delay  time.Duration
}

func (rc *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	data, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	var m map[string]any
	_ = json.Unmarshal(data, &m)
	rc.bodies = append(rc.bodies, m)
	rc.raw = append(rc.raw, string(data))
	rc.headers = append(rc.headers, r.Header.Clone())
	rc.paths = append(rc.paths, r.URL.Path)
	var a answer
	if len(rc.answers) > 0 {
		a = rc.answers[0]
		if len(rc.answers) > 1 {
			rc.answers = rc.answers[1:]
		}
	}
	rc.mu.Unlock()
	if a.delay > 0 {
		select {
		case <-time.After(a.delay):
		case <-r.Context().Done():
			return
		}
	}
	for k, v := range a.header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(a.status)
	io.WriteString(w, a.body)
}

func (rc *recorder) calls() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.bodies)
}

// noSleep records waits instead of sleeping.
type noSleep struct{ waits []time.Duration }

func (n *noSleep) sleep(_ context.Context, d time.Duration) error {
	n.waits = append(n.waits, d)
	return nil
}

func oaChoice(content string) string {
	b, _ := json.Marshal(map[string]any{"id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-test",
		"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": content, "refusal": nil}, "finish_reason": "stop"}},
		"usage":   map[string]any{"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}})
	return string(b)
}

func oaTool(args string) string {
	b, _ := json.Marshal(map[string]any{"id": "chatcmpl-2", "object": "chat.completion",
		"choices": []any{map[string]any{"index": 0, "finish_reason": "tool_calls", "message": map[string]any{"role": "assistant", "content": nil,
			"tool_calls": []any{map[string]any{"id": "call_1", "type": "function", "function": map[string]any{"name": "spec_edit", "arguments": args}}}}}}})
	return string(b)
}

func newOpenAI(t *testing.T, rc *recorder, ns *noSleep, cfg Config) Provider {
	t.Helper()
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	cfg.Provider, cfg.BaseURL, cfg.Model = ProviderOpenAI, srv.URL+"/v1", "gpt-test"
	env := map[string]string{"OPENAI_API_KEY": "sk-testkey-0123456789abcdefghij"}
	p, err := NewProvider(context.Background(), cfg, Deps{Getenv: func(k string) string { return env[k] }, HTTP: srv.Client(), Sleep: ns.sleep})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestOpenAI(t *testing.T) {
	tests := []struct {
		name      string
		answers   []answer
		cfg       Config
		wantJSON  string
		wantMode  string
		wantErr   string
		wantCalls int
		wantWaits []time.Duration
		check     func(t *testing.T, rc *recorder)
	}{
		{name: "json_schema", answers: []answer{{status: 200, body: oaChoice(`{"name":"shop"}`)}},
			wantJSON: `{"name":"shop"}`, wantMode: ModeJSONSchema, wantCalls: 1,
			check: func(t *testing.T, rc *recorder) {
				rf := rc.bodies[0]["response_format"].(map[string]any)
				if rf["type"] != "json_schema" || rf["json_schema"].(map[string]any)["name"] != "spec_edit" {
					t.Errorf("response_format = %v", rf)
				}
				if rc.paths[0] != "/v1/chat/completions" {
					t.Errorf("path %s, want /v1/chat/completions", rc.paths[0])
				}
				if got := rc.headers[0].Get("Authorization"); got != "Bearer sk-testkey-0123456789abcdefghij" {
					t.Errorf("Authorization = %q", got)
				}
			}},
		{name: "falls back to a forced tool call when json_schema is rejected",
			answers: []answer{
				{status: 400, body: `{"error":{"message":"response_format json_schema is not supported by this model","type":"invalid_request_error"}}`},
				{status: 200, body: oaTool(`{"name":"shop"}`)},
			},
			wantJSON: `{"name":"shop"}`, wantMode: ModeTool, wantCalls: 2,
			check: func(t *testing.T, rc *recorder) {
				tc := rc.bodies[1]["tool_choice"].(map[string]any)
				if tc["function"].(map[string]any)["name"] != "spec_edit" {
					t.Errorf("tool_choice = %v", tc)
				}
			}},
		{name: "text extraction from a fenced block", cfg: Config{Mode: ModeText},
			answers:  []answer{{status: 200, body: oaChoice("Sure! Here it is:\n```json\n{\"name\": \"shop\"}\n```\nAnything else?")}},
			wantJSON: `{"name": "shop"}`, wantMode: ModeText, wantCalls: 1},
		{name: "429 with retry-after is retried after the wait it asks",
			answers: []answer{
				{status: 429, header: map[string]string{"Retry-After": "2"}, body: `{"error":{"message":"Rate limit reached"}}`},
				{status: 200, body: oaChoice(`{"name":"shop"}`)},
			},
			wantJSON: `{"name":"shop"}`, wantMode: ModeJSONSchema, wantCalls: 2, wantWaits: []time.Duration{2 * time.Second}},
		{name: "500 is retried with backoff, then given up", cfg: Config{MaxRetries: 2},
			answers:   []answer{{status: 500, body: `{"error":{"message":"The server had an error"}}`}},
			wantErr:   "openai-compatible: HTTP 500: The server had an error",
			wantCalls: 3, wantWaits: []time.Duration{500 * time.Millisecond, time.Second}},
		{name: "401 is not retried", answers: []answer{{status: 401, body: `{"error":{"message":"Incorrect API key provided"}}`}},
			wantErr: "HTTP 401: Incorrect API key provided", wantCalls: 1},
		{name: "malformed JSON body", answers: []answer{{status: 200, body: `{"choices": [`}},
			wantErr: "not the JSON the API documents", wantCalls: 1},
		{name: "refusal", answers: []answer{{status: 200, body: `{"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":null,"refusal":"I can't help with that."}}]}`}},
			wantErr: "refused", wantCalls: 1},
		{name: "timeout", cfg: Config{Timeout: 50 * time.Millisecond},
			answers: []answer{{status: 200, body: oaChoice(`{}`), delay: 2 * time.Second}},
			wantErr: "Client.Timeout", wantCalls: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := &recorder{answers: tt.answers}
			ns := &noSleep{}
			p := newOpenAI(t, rc, ns, tt.cfg)
			if tt.cfg.Timeout > 0 {
				p.(*openAI).deps.HTTP = &http.Client{Timeout: tt.cfg.Timeout}
			}
			resp, err := p.Complete(context.Background(), testReq())
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if resp.JSON != tt.wantJSON || resp.Mode != tt.wantMode {
				t.Errorf("got (%q, %s), want (%q, %s)", resp.JSON, resp.Mode, tt.wantJSON, tt.wantMode)
			}
			if rc.calls() != tt.wantCalls {
				t.Errorf("got %d calls, want %d", rc.calls(), tt.wantCalls)
			}
			if len(tt.wantWaits) > 0 && !equalDurations(ns.waits, tt.wantWaits) {
				t.Errorf("waited %v, want %v", ns.waits, tt.wantWaits)
			}
			if tt.check != nil {
				tt.check(t, rc)
			}
		})
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func anthropicTool(input string) string {
	return `{"id":"msg_1","type":"message","role":"assistant","model":"claude-test","content":[{"type":"tool_use","id":"toolu_1","name":"spec_edit","input":` + input + `}],"stop_reason":"tool_use","usage":{"input_tokens":10,"output_tokens":5}}`
}

func TestAnthropic(t *testing.T) {
	tests := []struct {
		name      string
		answers   []answer
		wantJSON  string
		wantErr   string
		wantCalls int
	}{
		{name: "forced tool call", answers: []answer{{status: 200, body: anthropicTool(`{"name":"shop"}`)}}, wantJSON: `{"name":"shop"}`, wantCalls: 1},
		{name: "429 then success", answers: []answer{
			{status: 429, header: map[string]string{"retry-after": "1"}, body: `{"type":"error","error":{"type":"rate_limit_error","message":"Number of requests has exceeded your rate limit"}}`},
			{status: 200, body: anthropicTool(`{"name":"shop"}`)},
		}, wantJSON: `{"name":"shop"}`, wantCalls: 2},
		{name: "overloaded 529 exhausts retries", answers: []answer{{status: 529, body: `{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}`}},
			wantErr: "anthropic: HTTP 529: Overloaded", wantCalls: 4},
		{name: "refusal", answers: []answer{{status: 200, body: `{"id":"msg_2","type":"message","role":"assistant","content":[{"type":"text","text":"I won't do that."}],"stop_reason":"refusal"}`}},
			wantErr: "refused to answer: I won't do that.", wantCalls: 1},
		{name: "malformed", answers: []answer{{status: 200, body: `<html>`}}, wantErr: "not the JSON the API documents", wantCalls: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := &recorder{answers: tt.answers}
			srv := httptest.NewServer(rc)
			defer srv.Close()
			ns := &noSleep{}
			env := map[string]string{"ANTHROPIC_API_KEY": "sk-ant-api03-secretsecretsecret"}
			p, err := NewProvider(context.Background(), Config{Provider: ProviderAnthropic, BaseURL: srv.URL, Model: "claude-test"},
				Deps{Getenv: func(k string) string { return env[k] }, HTTP: srv.Client(), Sleep: ns.sleep})
			if err != nil {
				t.Fatal(err)
			}
			resp, err := p.Complete(context.Background(), testReq())
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			} else if resp.JSON != tt.wantJSON || resp.Mode != ModeTool {
				t.Errorf("got (%q, %s), want (%q, tool)", resp.JSON, resp.Mode, tt.wantJSON)
			}
			if rc.calls() != tt.wantCalls {
				t.Errorf("got %d calls, want %d", rc.calls(), tt.wantCalls)
			}
			if rc.paths[0] != "/v1/messages" || rc.headers[0].Get("anthropic-version") != anthropicVersion || rc.headers[0].Get("x-api-key") != env["ANTHROPIC_API_KEY"] {
				t.Errorf("request %s with headers %v", rc.paths[0], rc.headers[0])
			}
			tc, _ := rc.bodies[0]["tool_choice"].(map[string]any)
			if tc["type"] != "tool" || tc["name"] != "spec_edit" {
				t.Errorf("tool_choice = %v", tc)
			}
		})
	}
}

func TestAnthropicNeedsKey(t *testing.T) {
	_, err := NewProvider(context.Background(), Config{Provider: ProviderAnthropic, Model: "m"}, Deps{Getenv: func(string) string { return "" }})
	if err == nil || !strings.Contains(err.Error(), "ANTHROPIC_API_KEY") {
		t.Fatalf("got %v, want an error naming ANTHROPIC_API_KEY", err)
	}
}

func bedrockMessage(content string, stop string) string {
	return `{"output":{"message":{"role":"assistant","content":[` + content + `]}},"stopReason":"` + stop + `","usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15},"metrics":{"latencyMs":12}}`
}

// noBackoff makes the SDK's retries immediate.
type noBackoff struct{}

func (noBackoff) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

func newTestBedrock(t *testing.T, rc *recorder) *bedrock {
	srv := httptest.NewServer(rc)
	t.Cleanup(srv.Close)
	awsCfg := aws.Config{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKIATESTTESTTESTTEST", "secretsecretsecretsecretsecretsecret1234", ""),
		HTTPClient:  srv.Client(),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) { o.MaxAttempts = 3; o.Backoff = noBackoff{} })
		},
	}
	return newBedrockWith(Config{Provider: ProviderBedrock, Model: "anthropic.claude-test-v1:0", BaseURL: srv.URL}, awsCfg)
}

func TestBedrock(t *testing.T) {
	tests := []struct {
		name      string
		answers   []answer
		wantJSON  string
		wantMode  string
		wantErr   string
		wantCalls int
	}{
		{name: "json schema output", answers: []answer{{status: 200, body: bedrockMessage(`{"text":"{\"name\":\"shop\"}"}`, "end_turn")}},
			wantJSON: `{"name":"shop"}`, wantMode: ModeJSONSchema, wantCalls: 1},
		{name: "falls back to a forced tool when structured output is not supported", answers: []answer{
			{status: 400, header: map[string]string{"X-Amzn-Errortype": "ValidationException"}, body: `{"message":"This model doesn't support the outputConfig field."}`},
			{status: 200, body: bedrockMessage(`{"toolUse":{"toolUseId":"t1","name":"spec_edit","input":{"name":"shop"}}}`, "tool_use")},
		}, wantJSON: `{"name":"shop"}`, wantMode: ModeTool, wantCalls: 2},
		{name: "throttling is retried by the SDK", answers: []answer{
			{status: 429, header: map[string]string{"X-Amzn-Errortype": "ThrottlingException"}, body: `{"message":"Too many requests, please wait before trying again."}`},
			{status: 200, body: bedrockMessage(`{"text":"{\"name\":\"shop\"}"}`, "end_turn")},
		}, wantJSON: `{"name":"shop"}`, wantMode: ModeJSONSchema, wantCalls: 2},
		{name: "500 exhausts retries", answers: []answer{{status: 500, header: map[string]string{"X-Amzn-Errortype": "InternalServerException"}, body: `{"message":"boom"}`}},
			wantErr: "InternalServerException", wantCalls: 3},
		{name: "content filtered is a refusal", answers: []answer{{status: 200, body: bedrockMessage(`{"text":"blocked"}`, "content_filtered")}},
			wantErr: "refused", wantCalls: 1},
		{name: "malformed body", answers: []answer{{status: 200, body: `{"output": 7`}}, wantErr: "bedrock", wantCalls: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := &recorder{answers: tt.answers}
			p := newTestBedrock(t, rc)
			resp, err := p.Complete(context.Background(), testReq())
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			} else if resp.JSON != tt.wantJSON || resp.Mode != tt.wantMode {
				t.Errorf("got (%q, %s), want (%q, %s)", resp.JSON, resp.Mode, tt.wantJSON, tt.wantMode)
			}
			if rc.calls() != tt.wantCalls {
				t.Errorf("got %d calls, want %d", rc.calls(), tt.wantCalls)
			}
			if want := "/model/anthropic.claude-test-v1:0/converse"; rc.paths[0] != want && rc.paths[0] != "/model/anthropic.claude-test-v1%3A0/converse" {
				t.Errorf("path %s, want %s", rc.paths[0], want)
			}
			if !strings.HasPrefix(rc.headers[0].Get("Authorization"), "AWS4-HMAC-SHA256 Credential=AKIATESTTESTTESTTEST/") {
				t.Errorf("request not SigV4-signed: %q", rc.headers[0].Get("Authorization"))
			}
		})
	}
}

// secrets are values that must never reach a provider.
var secrets = []string{
	"AKIAIOSFODNN7EXAMPLE",
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	"123456789012",
	"arn:aws:iam::123456789012:role/deploy",
	"ghp_abcdefghijklmnopqrstuvwxyz0123456789",
	"sk-proj-abcdefghijklmnopqrstuvwxyz",
	"hunter2hunter2",
	"s3cr3t-db-pass",
	"db.internal",
	"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
}

const leakyPrompt = `Add a database. Our account is 123456789012 and the deploy role is arn:aws:iam::123456789012:role/deploy.
Keys: AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
GITHUB_TOKEN is ghp_abcdefghijklmnopqrstuvwxyz0123456789 and the OpenAI key sk-proj-abcdefghijklmnopqrstuvwxyz.
password: hunter2hunter2, DATABASE_URL=postgres://app:s3cr3t-db-pass@db.internal:5432/app
session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U`

func TestRedactionNothingLeaves(t *testing.T) {
	// The fake model echoes the pseudonym of the account back; the client
	// must restore it.
	rc := &recorder{}
	ns := &noSleep{}
	p := newOpenAI(t, rc, ns, Config{})
	red := NewRedactor([]byte("install-key-0123456789abcdef"))
	pseudo := red.Redact("123456789012")
	rc.answers = []answer{{status: 200, body: oaChoice(`{"name":"shop","account":"` + pseudo + `"}`)}}
	dir := t.TempDir()
	c := &Client{Provider: p, Config: Config{Model: "gpt-test"}, Redactor: red, CacheDir: filepath.Join(dir, "cache"), AuditLog: filepath.Join(dir, "audit.log"), TemplateVersion: "1",
		Now: func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }}
	req := testReq()
	req.User = leakyPrompt
	resp, err := c.Complete(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if strings.Contains(rc.raw[0], s) {
			t.Errorf("the provider received %q", s)
		}
	}
	if !strings.Contains(resp.JSON, `"account":"123456789012"`) {
		t.Errorf("pseudonym not restored: %s", resp.JSON)
	}
	// The same input is answered from the cache: no second call.
	resp2, err := c.Complete(context.Background(), req)
	if err != nil || !resp2.Cached || resp2.JSON != resp.JSON || rc.calls() != 1 {
		t.Errorf("second call: cached=%v json=%s calls=%d err=%v", resp2.Cached, resp2.JSON, rc.calls(), err)
	}
	log, err := os.ReadFile(c.AuditLog)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(log)), "\n")
	if len(lines) != 2 {
		t.Fatalf("audit log has %d lines, want 2", len(lines))
	}
	var rec AuditRecord
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Provider != ProviderOpenAI || rec.Model != "gpt-test" || len(rec.PayloadSHA256) != 64 || rec.Time != "2026-11-26T12:00:00Z" || rec.Cached {
		t.Errorf("audit record %+v", rec)
	}
	for _, s := range secrets {
		if strings.Contains(string(log), s) {
			t.Errorf("the audit log holds %q", s)
		}
	}
}

func TestRedactorStableAndKeyed(t *testing.T) {
	a := NewRedactor([]byte("key-a-0123456789abcdef"))
	b := NewRedactor([]byte("key-b-0123456789abcdef"))
	s := "account 123456789012"
	if a.Redact(s) != a.Redact(s) {
		t.Error("redaction is not stable")
	}
	if a.Redact(s) == b.Redact(s) {
		t.Error("pseudonyms do not depend on the install key")
	}
	if got := a.Restore(a.Redact(leakyPrompt)); got != leakyPrompt {
		t.Errorf("round trip lost text:\n%s", got)
	}
	// Plain prose is left alone.
	plain := "a VPC with two public subnets, an ALB and a Fargate service, plus Postgres 16 with 100 GB"
	if got := a.Redact(plain); got != plain {
		t.Errorf("redacted plain text: %s", got)
	}
}

func TestLoadOrCreateKey(t *testing.T) {
	p := filepath.Join(t.TempDir(), "hoist", "llm.key")
	k1, err := LoadOrCreateKey(p)
	if err != nil {
		t.Fatal(err)
	}
	k2, err := LoadOrCreateKey(p)
	if err != nil || string(k1) != string(k2) || len(k1) != 32 {
		t.Fatalf("key not kept: %x %x %v", k1, k2, err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o600 {
		t.Errorf("key mode %v, want 0600", st.Mode().Perm())
	}
}

func TestExtractJSON(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{"a":1}`, `{"a":1}`},
		{"Here you go: {\"a\": {\"b\": \"}\"}} done", `{"a": {"b": "}"}}`},
		{"```\n{\"a\":1}\n```", `{"a":1}`},
		{"no json here", ""},
		{"{broken {\"ok\":true}", `{"ok":true}`},
	} {
		got, _ := ExtractJSON(tt.in)
		if got != tt.want {
			t.Errorf("ExtractJSON(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestProviderNoneAndBadConfig(t *testing.T) {
	if _, err := NewProvider(context.Background(), Config{}, Deps{}); !errors.Is(err, ErrNotEnabled) {
		t.Errorf("none: got %v", err)
	}
	if _, err := NewProvider(context.Background(), Config{Provider: "gemini", Model: "x"}, Deps{}); err == nil || !strings.Contains(err.Error(), "openai-compatible") {
		t.Errorf("unknown provider: got %v", err)
	}
	if _, err := NewProvider(context.Background(), Config{Provider: ProviderOpenAI}, Deps{}); err == nil || !strings.Contains(err.Error(), "model") {
		t.Errorf("no model: got %v", err)
	}
}

func FuzzRedact(f *testing.F) {
	f.Add(leakyPrompt)
	f.Add("arn:aws:s3:::bucket/key 123456789012 X=1")
	r := NewRedactor([]byte("fuzz-key-0123456789"))
	f.Fuzz(func(t *testing.T, s string) {
		red := r.Redact(s)
		if r.Restore(red) != s {
			t.Fatalf("round trip changed %q", s)
		}
	})
}

func FuzzExtractJSON(f *testing.F) {
	f.Add("```json\n{\"a\":1}\n```")
	f.Add("{{{{")
	f.Fuzz(func(t *testing.T, s string) {
		if j, ok := ExtractJSON(s); ok && !json.Valid([]byte(j)) {
			t.Fatalf("extracted invalid JSON %q", j)
		}
	})
}
