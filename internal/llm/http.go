package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxBody bounds how much of an answer is read.
const maxBody = 8 << 20

// postJSON sends body to url and decodes a 2xx answer into out. 429 and
// 5xx answers are retried up to cfg.MaxRetries times, waiting Retry-After
// when the server gives it and an exponential backoff otherwise. Other
// answers are an *APIError whose message is the provider's own.
func postJSON(ctx context.Context, deps Deps, cfg Config, provider, url string, header http.Header, body, out any) error {
	payload, err := json.Marshal(body)
	if err != nil {
		return err
	}
	backoff := 500 * time.Millisecond
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(payload))
		if err != nil {
			return err
		}
		for k, vs := range header {
			req.Header[k] = vs
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := deps.HTTP.Do(req)
		if err != nil {
			return fmt.Errorf("%s: %w", provider, err)
		}
		data, rerr := io.ReadAll(io.LimitReader(resp.Body, maxBody))
		resp.Body.Close()
		if rerr != nil {
			return fmt.Errorf("%s: reading the answer: %w", provider, rerr)
		}
		if resp.StatusCode/100 == 2 {
			if err := json.Unmarshal(data, out); err != nil {
				return fmt.Errorf("%s: the answer is not the JSON the API documents: %w", provider, err)
			}
			return nil
		}
		apiErr := &APIError{Provider: provider, Status: resp.StatusCode, Message: errorMessage(data)}
		retryable := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
		if !retryable || attempt >= cfg.MaxRetries {
			return apiErr
		}
		wait := backoff
		if ra := retryAfter(resp.Header.Get("Retry-After")); ra > 0 {
			wait = ra
		}
		if wait > time.Minute {
			return fmt.Errorf("%w (the server asks to wait %s)", apiErr, wait)
		}
		if err := deps.Sleep(ctx, wait); err != nil {
			return err
		}
		backoff *= 2
	}
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}

// errorMessage pulls the message out of the error bodies OpenAI-style and
// Anthropic APIs send ({"error":{"message":...}}), or returns the start of
// the body.
func errorMessage(data []byte) string {
	var e struct {
		Error struct {
			Message string `json:"message"`
			Type    string `json:"type"`
		} `json:"error"`
		Message string `json:"message"`
	}
	if json.Unmarshal(data, &e) == nil {
		switch {
		case e.Error.Message != "":
			return e.Error.Message
		case e.Message != "":
			return e.Message
		}
	}
	s := strings.TrimSpace(string(data))
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	if s == "" {
		s = "no message"
	}
	return s
}

// modeRejected reports whether an HTTP 400 says the backend does not
// support what the mode asked for, so the next mode should be tried.
func modeRejected(err error, words ...string) bool {
	ae, ok := err.(*APIError)
	if !ok || (ae.Status != http.StatusBadRequest && ae.Status != http.StatusUnprocessableEntity && ae.Status != http.StatusNotImplemented) {
		return false
	}
	msg := strings.ToLower(ae.Message)
	for _, w := range words {
		if strings.Contains(msg, w) {
			return true
		}
	}
	return false
}

// modesFrom is the list of modes to try: the forced one, or all of those
// the provider supports, strongest first.
func modesFrom(cfg Config, supported ...string) []string {
	if cfg.Mode != "" {
		return []string{cfg.Mode}
	}
	return supported
}
