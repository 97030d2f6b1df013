package llm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Request is one question for a model: answer JSON that fits Schema.
type Request struct {
	System string
	User   string
	// Schema is a JSON Schema (as JSON) the answer must satisfy.
	Schema []byte
	// SchemaName names the schema and the tool that carries it
	// ("spec_edit").
	SchemaName string
}

// Response is a model's answer.
type Response struct {
	// JSON is the answer: a JSON value, as text.
	JSON string
	// Mode is how the JSON was obtained: json_schema, tool, json or text.
	Mode string
	// Cached is true when the answer came from the cache.
	Cached bool
}

// Structured-output modes, strongest first.
const (
	ModeJSONSchema = "json_schema"
	ModeTool       = "tool"
	ModeJSON       = "json"
	ModeText       = "text"
)

// Modes lists the modes in the order they are tried.
var Modes = []string{ModeJSONSchema, ModeTool, ModeJSON, ModeText}

// Provider is one backend.
type Provider interface {
	// Name is the provider's configuration name.
	Name() string
	// Complete asks the model. It returns ErrRefused when the model
	// declines, and an *APIError for an HTTP failure after retries.
	Complete(ctx context.Context, req Request) (Response, error)
}

// Errors a provider returns.
var (
	ErrRefused    = errors.New("the model refused to answer")
	ErrNoJSON     = errors.New("the model's answer holds no JSON value")
	ErrNotEnabled = errors.New("no LLM provider configured (provider: none)")
)

// APIError is an HTTP failure from a provider.
type APIError struct {
	Provider string
	Status   int
	Message  string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%s: HTTP %d: %s", e.Provider, e.Status, e.Message)
}

// Config configures a provider. It comes from the config file and the
// HOIST_LLM_* environment variables (the CLI resolves precedence).
type Config struct {
	// Provider is none (the default), openai-compatible, anthropic or
	// bedrock.
	Provider string `json:"provider" yaml:"provider"`
	// BaseURL is the API's base: https://api.openai.com/v1,
	// http://localhost:11434/v1 for Ollama, https://api.anthropic.com;
	// for Bedrock an endpoint override (empty: the region's endpoint).
	BaseURL string `json:"base_url" yaml:"base_url"`
	Model   string `json:"model" yaml:"model"`
	// APIKeyEnv names the environment variable holding the API key
	// (OPENAI_API_KEY). The key itself is never configured in a file.
	APIKeyEnv string `json:"api_key_env" yaml:"api_key_env"`
	// Region is Bedrock's AWS region.
	Region string `json:"region" yaml:"region"`
	// Mode forces one structured-output mode instead of trying them in
	// order: json_schema, tool, json or text.
	Mode        string        `json:"mode" yaml:"mode"`
	Temperature float64       `json:"temperature" yaml:"temperature"`
	MaxTokens   int           `json:"max_tokens" yaml:"max_tokens"`
	Timeout     time.Duration `json:"timeout" yaml:"timeout"`
	// MaxRetries bounds retries of 429 and 5xx answers.
	MaxRetries int `json:"max_retries" yaml:"max_retries"`
}

// Provider names.
const (
	ProviderNone      = "none"
	ProviderOpenAI    = "openai-compatible"
	ProviderAnthropic = "anthropic"
	ProviderBedrock   = "bedrock"
)

// Providers lists the provider names.
var Providers = []string{ProviderNone, ProviderOpenAI, ProviderAnthropic, ProviderBedrock}

// Deps are what providers need from outside: the environment (for the API
// key), an HTTP client, and a clock for retries.
type Deps struct {
	Getenv func(string) string
	HTTP   *http.Client
	// Sleep waits between retries; tests make it instant.
	Sleep func(ctx context.Context, d time.Duration) error
}

// withDefaults fills in what the configuration left out.
func (c Config) withDefaults() Config {
	if c.Provider == "" {
		c.Provider = ProviderNone
	}
	if c.MaxTokens == 0 {
		c.MaxTokens = 4096
	}
	if c.Timeout == 0 {
		c.Timeout = 60 * time.Second
	}
	if c.MaxRetries == 0 {
		c.MaxRetries = 3
	}
	switch c.Provider {
	case ProviderOpenAI:
		if c.BaseURL == "" {
			c.BaseURL = "https://api.openai.com/v1"
		}
		if c.APIKeyEnv == "" {
			c.APIKeyEnv = "OPENAI_API_KEY"
		}
	case ProviderAnthropic:
		if c.BaseURL == "" {
			c.BaseURL = "https://api.anthropic.com"
		}
		if c.APIKeyEnv == "" {
			c.APIKeyEnv = "ANTHROPIC_API_KEY"
		}
	}
	return c
}

// NewProvider builds the configured provider. Provider none is
// ErrNotEnabled.
func NewProvider(ctx context.Context, cfg Config, deps Deps) (Provider, error) {
	cfg = cfg.withDefaults()
	if deps.Getenv == nil {
		deps.Getenv = func(string) string { return "" }
	}
	if deps.HTTP == nil {
		deps.HTTP = &http.Client{Timeout: cfg.Timeout}
	}
	if deps.Sleep == nil {
		deps.Sleep = sleepCtx
	}
	if cfg.Mode != "" && !slices.Contains(Modes, cfg.Mode) {
		return nil, fmt.Errorf("llm mode %q: want one of %s", cfg.Mode, strings.Join(Modes, ", "))
	}
	if cfg.Provider != ProviderNone && cfg.Model == "" {
		return nil, fmt.Errorf("llm provider %s: no model configured (set llm.model or HOIST_LLM_MODEL)", cfg.Provider)
	}
	switch cfg.Provider {
	case ProviderNone:
		return nil, ErrNotEnabled
	case ProviderOpenAI:
		return &openAI{cfg: cfg, deps: deps}, nil
	case ProviderAnthropic:
		if deps.Getenv(cfg.APIKeyEnv) == "" {
			return nil, fmt.Errorf("llm provider anthropic: the environment variable %s (llm.api_key_env) is empty", cfg.APIKeyEnv)
		}
		return &anthropic{cfg: cfg, deps: deps}, nil
	case ProviderBedrock:
		return newBedrock(ctx, cfg, deps)
	}
	return nil, fmt.Errorf("unknown llm provider %q: want one of %s", cfg.Provider, strings.Join(Providers, ", "))
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
