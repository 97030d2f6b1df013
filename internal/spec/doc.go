// Package spec owns hoist.yaml: the typed model of what the user wants
// deployed, its JSON Schema, loading with line-numbered errors, validation,
// and edits that keep the user's comments.
//
// spec imports nothing of Hoist's: it is vocabulary that detection, the
// intent engine, expansion and the CLI share. It never prints and never
// touches AWS.
//
// The life of a hoist.yaml:
//
//   - [Load] or [Parse] reads the file into a [Document]: the YAML node tree
//     (kept for comment-preserving edits) and the decoded [Spec]. Decoding is
//     strict: unknown keys, duplicate keys and wrong types are errors, each
//     with file:line:col and a field path such as services[1].port.
//     Loading never changes what the user wrote.
//   - [Document.Validate] (or [Validate] for a Spec built in code) checks the
//     rules that the types cannot express: Fargate cpu/memory pairs, names
//     that depends_on can refer to, engine versions, hostnames. Every
//     message says what is wrong and what is allowed.
//   - [Defaults] fills what the user left unset and returns each value it
//     chose with its reason, so callers can report them as assumptions.
//   - [Marshal] writes a Spec as canonical YAML; [Document.Update] writes an
//     edited Spec back into the original node tree so the user's comments and
//     key order survive.
//   - [JSONSchema] is the draft 2020-12 schema of the file, built from the
//     same tables the validator uses.
//
// The Go zero value means "unset" for every field: min_count: 0 and
// public: false read the same as leaving the key out.
package spec
