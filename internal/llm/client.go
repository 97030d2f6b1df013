package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/hoist-dev/hoist/internal/filewrite"
)

// Client wraps a provider with redaction, the response cache and the
// audit log. It is what callers use.
type Client struct {
	Provider Provider
	Config   Config
	Redactor *Redactor
	// CacheDir holds cached answers; empty turns the cache off.
	CacheDir string
	// AuditLog is the file one JSON line per call is appended to; empty
	// turns the log off.
	AuditLog string
	// TemplateVersion is the caller's prompt-template version: a new
	// template does not reuse answers given to the old one.
	TemplateVersion string
	Now             func() time.Time

	mu sync.Mutex
}

// Prompt returns the request exactly as it would be sent: redacted.
func (c *Client) Prompt(req Request) Request {
	req.System = c.Redactor.Redact(req.System)
	req.User = c.Redactor.Redact(req.User)
	return req
}

// Complete redacts req, answers from the cache or the provider, logs the
// call, and restores pseudonyms in the answer.
func (c *Client) Complete(ctx context.Context, req Request) (Response, error) {
	if c.Provider == nil {
		return Response{}, ErrNotEnabled
	}
	sent := c.Prompt(req)
	key := c.cacheKey(sent)
	if resp, ok := c.cached(key); ok {
		c.audit(sent, resp, nil)
		resp.JSON = c.Redactor.RestoreJSON(resp.JSON)
		return resp, nil
	}
	resp, err := c.Provider.Complete(ctx, sent)
	c.audit(sent, resp, err)
	if err != nil {
		return Response{}, err
	}
	c.store(key, resp)
	resp.JSON = c.Redactor.RestoreJSON(resp.JSON)
	return resp, nil
}

// cacheKey hashes everything that changes the answer: provider, endpoint,
// model, parameters, schema, template version and the redacted input.
func (c *Client) cacheKey(sent Request) string {
	schema := sha256.Sum256(sent.Schema)
	k, _ := json.Marshal(struct {
		Provider, BaseURL, Model, Mode string
		Temperature                    float64
		MaxTokens                      int
		Schema, SchemaName, Template   string
		System, User                   string
	}{c.Provider.Name(), c.Config.BaseURL, c.Config.Model, c.Config.Mode, c.Config.Temperature, c.Config.MaxTokens,
		hex.EncodeToString(schema[:]), sent.SchemaName, c.TemplateVersion, sent.System, sent.User})
	sum := sha256.Sum256(k)
	return hex.EncodeToString(sum[:])
}

type cacheEntry struct {
	JSON string `json:"json"`
	Mode string `json:"mode"`
}

func (c *Client) cached(key string) (Response, bool) {
	if c.CacheDir == "" {
		return Response{}, false
	}
	data, err := os.ReadFile(filepath.Join(c.CacheDir, key+".json"))
	if err != nil {
		return Response{}, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.JSON == "" {
		return Response{}, false
	}
	return Response{JSON: e.JSON, Mode: e.Mode, Cached: true}, true
}

func (c *Client) store(key string, resp Response) {
	if c.CacheDir == "" {
		return
	}
	data, err := json.Marshal(cacheEntry{JSON: resp.JSON, Mode: resp.Mode})
	if err != nil || os.MkdirAll(c.CacheDir, 0o700) != nil {
		return
	}
	_ = filewrite.WriteAtomic(filepath.Join(c.CacheDir, key+".json"), data, 0o600)
}

// AuditRecord is one line of the audit log.
type AuditRecord struct {
	Time          string `json:"time"`
	Provider      string `json:"provider"`
	Model         string `json:"model"`
	BaseURL       string `json:"base_url,omitempty"`
	PayloadSHA256 string `json:"payload_sha256"`
	Mode          string `json:"mode,omitempty"`
	Cached        bool   `json:"cached"`
	Error         string `json:"error,omitempty"`
}

func (c *Client) audit(sent Request, resp Response, callErr error) {
	if c.AuditLog == "" {
		return
	}
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	payload, _ := json.Marshal(sent)
	sum := sha256.Sum256(payload)
	rec := AuditRecord{Time: now().UTC().Format(time.RFC3339), Provider: c.Provider.Name(), Model: c.Config.Model, BaseURL: c.Config.BaseURL,
		PayloadSHA256: hex.EncodeToString(sum[:]), Mode: resp.Mode, Cached: resp.Cached}
	if callErr != nil {
		rec.Error = callErr.Error()
	}
	line, _ := json.Marshal(rec)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(c.AuditLog), 0o700); err != nil {
		return
	}
	f, err := os.OpenFile(c.AuditLog, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "%s\n", line)
}
