package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunWritesCommittedSnapshot(t *testing.T) {
	const in = "../../../../shared/data/aws-prices.json"
	if _, err := os.Stat(in); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is not here", in)
	}
	out := filepath.Join(t.TempDir(), "snapshot.json")
	if err := run(in, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../snapshot.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("gen output differs from the committed ../snapshot.json; run go generate ./internal/prices")
	}
}

func TestRunNamesBadInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "prices.json")
	if err := os.WriteFile(in, []byte("{\n  \"currency\": 5\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "snapshot.json")
	err := run(in, out)
	if err == nil || !strings.HasPrefix(err.Error(), in+":2:15: ") {
		t.Errorf("run(bad input) error = %v, want it to start with %q", err, in+":2:15: ")
	}
	if _, statErr := os.Stat(out); !errors.Is(statErr, fs.ErrNotExist) {
		t.Error("run wrote an output file for bad input")
	}
}
