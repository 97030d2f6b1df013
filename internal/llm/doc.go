// Package llm is Hoist's optional client layer for large language models:
// the providers (an OpenAI-compatible chat-completions client that also
// covers Ollama, vLLM, llama.cpp's server, LM Studio and LiteLLM; Anthropic's
// native Messages API; Amazon Bedrock's Converse API through aws-sdk-go-v2),
// structured output, redaction, a response cache and an audit log.
//
// It knows nothing of Hoist's spec. A caller (internal/intent) hands it a
// system prompt, a user prompt and a JSON Schema, and gets back JSON text.
// Each provider asks for that JSON in the strongest way its backend offers,
// in this order: a JSON Schema response format, then a forced tool call,
// then a JSON mode, then extraction of a JSON object from plain text; a
// backend that rejects one mode (HTTP 400 naming it) is asked again with the
// next. Rate limiting (429, honouring Retry-After) and server errors (5xx)
// are retried a bounded number of times; refusals are ErrRefused.
//
// Nothing leaves the machine unredacted when a Redactor is used (Client does
// it for every request): secrets, keys, tokens, AWS account IDs, ARNs and
// environment variable values become stable pseudonyms keyed by a
// per-install secret (HMAC-SHA256), and pseudonyms in the answer are
// restored. Client also consults the cache before calling a provider and
// appends one line per call to the audit log (provider, model, time, and
// SHA-256 of the payload sent). API keys are read only from the environment
// variable the configuration names, never from a file.
//
// The package never prints; it reads and writes only the cache and audit
// files its caller names.
package llm
