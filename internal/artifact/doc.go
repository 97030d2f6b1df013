// Package artifact renders the files that build and ship a service: a
// production Dockerfile and .dockerignore per detected service, and
// compose.yaml (local development), a CodeBuild buildspec.yml and a GitHub
// Actions deploy workflow from hoist.yaml.
//
// It owns those templates. Its tests hold every generated Dockerfile to
// BuildKit's own linter (package dockerlint), the rules `docker build`
// applies.
//
// It must not: read the repository or run detection (it takes a
// detect.Service or a spec.Spec), touch the network or AWS, write files
// (callers write the bytes it returns), or put a value of any environment
// variable or secret into an artifact. Environment variables appear by name
// only; passwords in compose.yaml come from ${VAR:?} interpolation of the
// developer's .env; CI authenticates with OIDC roles, never stored keys.
//
// Output is deterministic: the same input renders byte-identical text.
// Dockerfile generators are one file per language, chosen through the
// ordered dockerfileGenerators slice.
package artifact
