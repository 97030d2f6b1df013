package llm

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
)

// anthropic speaks Anthropic's native Messages API. Its strongest
// structured-output mode is a forced tool call whose input schema is the
// answer's schema.
type anthropic struct {
	cfg  Config
	deps Deps
}

// anthropicVersion is the API version header the Messages API requires.
const anthropicVersion = "2023-06-01"

func (*anthropic) Name() string { return ProviderAnthropic }

type anthropicResponse struct {
	Content []struct {
		Type  string          `json:"type"`
		Text  string          `json:"text"`
		Name  string          `json:"name"`
		Input json.RawMessage `json:"input"`
	} `json:"content"`
	StopReason string `json:"stop_reason"`
}

func (p *anthropic) Complete(ctx context.Context, req Request) (Response, error) {
	var lastErr error
	for _, mode := range modesFrom(p.cfg, ModeTool, ModeText) {
		resp, err := p.try(ctx, req, mode)
		if err == nil {
			return resp, nil
		}
		if !modeRejected(err, "tool", "not support") {
			return Response{}, err
		}
		lastErr = err
	}
	return Response{}, lastErr
}

func (p *anthropic) try(ctx context.Context, req Request, mode string) (Response, error) {
	var schema any
	if err := json.Unmarshal(req.Schema, &schema); err != nil {
		return Response{}, err
	}
	system := req.System
	body := map[string]any{
		"model":       p.cfg.Model,
		"max_tokens":  p.cfg.MaxTokens,
		"temperature": p.cfg.Temperature,
		"messages":    []any{map[string]any{"role": "user", "content": req.User}},
	}
	switch mode {
	case ModeTool, ModeJSONSchema:
		mode = ModeTool
		body["tools"] = []any{map[string]any{"name": req.SchemaName, "description": "Give the answer.", "input_schema": schema}}
		body["tool_choice"] = map[string]any{"type": "tool", "name": req.SchemaName}
	default:
		system += "\n\nAnswer with one JSON object, and nothing else, that satisfies this JSON Schema:\n" + string(req.Schema)
	}
	body["system"] = system
	h := http.Header{}
	h.Set("x-api-key", p.deps.Getenv(p.cfg.APIKeyEnv))
	h.Set("anthropic-version", anthropicVersion)
	var out anthropicResponse
	if err := postJSON(ctx, p.deps, p.cfg, ProviderAnthropic, strings.TrimRight(p.cfg.BaseURL, "/")+"/v1/messages", h, body, &out); err != nil {
		return Response{}, err
	}
	if out.StopReason == "refusal" {
		return Response{}, refused(textOf(out))
	}
	if mode == ModeTool {
		for _, c := range out.Content {
			if c.Type == "tool_use" && c.Name == req.SchemaName && len(c.Input) > 0 {
				return Response{JSON: string(c.Input), Mode: ModeTool}, nil
			}
		}
	}
	j, ok := ExtractJSON(textOf(out))
	if !ok {
		return Response{}, ErrNoJSON
	}
	return Response{JSON: j, Mode: ModeText}, nil
}

func textOf(r anthropicResponse) string {
	var b strings.Builder
	for _, c := range r.Content {
		if c.Type == "text" {
			b.WriteString(c.Text)
		}
	}
	return b.String()
}
