// This file makes test-tools a module of its own so that the Go files npm
// packages ship under node_modules are not part of Hoist's ./... pattern.
module hoist.invalid/test-tools

go 1.26
