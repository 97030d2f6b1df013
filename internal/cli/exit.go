package cli

import (
	"errors"
	"fmt"
)

// Exit codes. They are part of Hoist's interface; `hoist help exit-codes`
// prints this table and a test keeps the two in step.
const (
	ExitOK       = 0 // success
	ExitError    = 1 // the command failed
	ExitFindings = 2 // findings or changes, with --detailed-exitcode
	ExitUsage    = 3 // bad usage or bad input
)

// exitCodeDocs documents every exit code, in order.
var exitCodeDocs = []struct {
	Code int
	Text string
}{
	{ExitOK, "success: the command did what was asked"},
	{ExitError, "error: the command failed (I/O, an internal problem)"},
	{ExitFindings, "findings or changes: only with --detailed-exitcode, when there was something to report"},
	{ExitUsage, "bad usage or bad input: an unknown flag, a missing file, an invalid hoist.yaml, nothing to analyze"},
}

// UsageError is bad usage or bad input; it exits with ExitUsage.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// usageErrorf makes a UsageError.
func usageErrorf(format string, a ...any) error {
	return &UsageError{Err: fmt.Errorf(format, a...)}
}

// FindingsError means the command succeeded and found something worth a
// non-zero exit with --detailed-exitcode. It prints nothing more.
type FindingsError struct{ Summary string }

func (e *FindingsError) Error() string { return e.Summary }

// silentError has been reported already; only its exit code matters.
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// exitCode maps an error to its exit code. This is the only place that does.
func exitCode(err error) int {
	if err == nil {
		return ExitOK
	}
	var ue *UsageError
	var fe *FindingsError
	var se *silentError
	switch {
	case errors.As(err, &se):
		return se.code
	case errors.As(err, &fe):
		return ExitFindings
	case errors.As(err, &ue):
		return ExitUsage
	}
	return ExitError
}
