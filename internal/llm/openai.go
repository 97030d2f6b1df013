package llm

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
)

// openAI speaks the chat-completions API that OpenAI, Ollama, vLLM,
// llama.cpp's server, LM Studio and LiteLLM share.
type openAI struct {
	cfg  Config
	deps Deps
}

func (*openAI) Name() string { return ProviderOpenAI }

type oaMessage struct {
	Role      string       `json:"role"`
	Content   *string      `json:"content"`
	Refusal   *string      `json:"refusal,omitempty"`
	ToolCalls []oaToolCall `json:"tool_calls,omitempty"`
}

type oaToolCall struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Function struct {
		Name      string `json:"name"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

type oaResponse struct {
	Choices []struct {
		Message      oaMessage `json:"message"`
		FinishReason string    `json:"finish_reason"`
	} `json:"choices"`
}

func (p *openAI) Complete(ctx context.Context, req Request) (Response, error) {
	var lastErr error
	for _, mode := range modesFrom(p.cfg, ModeJSONSchema, ModeTool, ModeJSON, ModeText) {
		resp, err := p.try(ctx, req, mode)
		if err == nil {
			return resp, nil
		}
		// A backend without the feature says so with a 400 that names it;
		// anything else is a real failure.
		if !modeRejected(err, "response_format", "json_schema", "tool", "function", "not support", "unsupported", "unrecognized", "unknown") {
			return Response{}, err
		}
		lastErr = err
	}
	return Response{}, lastErr
}

func (p *openAI) try(ctx context.Context, req Request, mode string) (Response, error) {
	system, user := req.System, req.User
	body := map[string]any{
		"model":       p.cfg.Model,
		"temperature": p.cfg.Temperature,
		"max_tokens":  p.cfg.MaxTokens,
	}
	var schema any
	if err := json.Unmarshal(req.Schema, &schema); err != nil {
		return Response{}, err
	}
	switch mode {
	case ModeJSONSchema:
		body["response_format"] = map[string]any{"type": "json_schema", "json_schema": map[string]any{"name": req.SchemaName, "schema": schema, "strict": false}}
	case ModeTool:
		body["tools"] = []any{map[string]any{"type": "function", "function": map[string]any{"name": req.SchemaName, "description": "Give the answer.", "parameters": schema}}}
		body["tool_choice"] = map[string]any{"type": "function", "function": map[string]any{"name": req.SchemaName}}
	case ModeJSON:
		body["response_format"] = map[string]any{"type": "json_object"}
		system += "\n\nAnswer with one JSON object that satisfies this JSON Schema:\n" + string(req.Schema)
	case ModeText:
		system += "\n\nAnswer with one JSON object, and nothing else, that satisfies this JSON Schema:\n" + string(req.Schema)
	}
	body["messages"] = []any{
		map[string]any{"role": "system", "content": system},
		map[string]any{"role": "user", "content": user},
	}
	h := http.Header{}
	if key := p.deps.Getenv(p.cfg.APIKeyEnv); key != "" {
		h.Set("Authorization", "Bearer "+key)
	}
	var out oaResponse
	if err := postJSON(ctx, p.deps, p.cfg, ProviderOpenAI, strings.TrimRight(p.cfg.BaseURL, "/")+"/chat/completions", h, body, &out); err != nil {
		return Response{}, err
	}
	if len(out.Choices) == 0 {
		return Response{}, errors.New("openai-compatible: the answer has no choices")
	}
	msg := out.Choices[0].Message
	if msg.Refusal != nil && *msg.Refusal != "" {
		return Response{}, refused(*msg.Refusal)
	}
	if out.Choices[0].FinishReason == "content_filter" {
		return Response{}, refused("content filter")
	}
	if mode == ModeTool {
		for _, tc := range msg.ToolCalls {
			if tc.Function.Name == req.SchemaName {
				return Response{JSON: tc.Function.Arguments, Mode: mode}, nil
			}
		}
	}
	text := ""
	if msg.Content != nil {
		text = *msg.Content
	}
	if mode == ModeJSONSchema || mode == ModeJSON {
		return Response{JSON: strings.TrimSpace(text), Mode: mode}, nil
	}
	j, ok := ExtractJSON(text)
	if !ok {
		return Response{}, ErrNoJSON
	}
	return Response{JSON: j, Mode: ModeText}, nil
}

// refused wraps ErrRefused with the model's words.
func refused(why string) error {
	if len(why) > 200 {
		why = why[:200] + "..."
	}
	return &refusalError{why: why}
}

type refusalError struct{ why string }

func (e *refusalError) Error() string { return ErrRefused.Error() + ": " + e.why }
func (e *refusalError) Unwrap() error { return ErrRefused }
