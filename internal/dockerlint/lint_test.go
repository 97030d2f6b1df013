package dockerlint

import (
	"fmt"
	"strings"
	"testing"
)

// badDockerfile breaks one rule per marked line; the comments say which.
const badDockerfile = `FROM node:22 as build
ARG GITHUB_TOKEN
ENV AWS_SECRET_ACCESS_KEY=abc
COPY . .
ENV APP_HOME=$UNDEFINED_HOME
RUN npm ci
CMD node server.js
FROM build AS final
maintainer me
WORKDIR app
`

func TestLintReportsWarningsWithLines(t *testing.T) {
	got, err := Lint("bad.Dockerfile", []byte(badDockerfile))
	if err != nil {
		t.Fatalf("Lint(bad.Dockerfile): %v", err)
	}
	want := []string{
		"1:FromAsCasing",
		"2:SecretsUsedInArgOrEnv",
		"3:SecretsUsedInArgOrEnv",
		"5:UndefinedVar",
		"7:JSONArgsRecommended",
		"9:ConsistentInstructionCasing",
		"9:MaintainerDeprecated",
		"10:WorkdirRelativePath",
	}
	var have []string
	for _, w := range got {
		have = append(have, fmt.Sprintf("%d:%s", w.Line, w.Rule))
	}
	if strings.Join(have, "\n") != strings.Join(want, "\n") {
		t.Errorf("Lint(bad.Dockerfile): got warnings\n%s\nwant\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"))
	}
}

func TestLintConversionRules(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"undefined arg in FROM", "FROM node:${NODE_VERSION:-22}-slim\nCMD [\"node\"]\n", "1:UndefinedArgInFrom"},
		{"experimental stage description", "# compiles things\nFROM golang:1.23 AS build\nCMD [\"go\"]\n", "2:InvalidDefinitionDescription"},
		{"undefined var in COPY", "FROM alpine:3.20\nCOPY $SRC /x\nCMD [\"sh\"]\n", "2:UndefinedVar"},
	}
	for _, tc := range tests {
		got, err := Lint(tc.name, []byte(tc.file))
		if err != nil {
			t.Fatalf("Lint(%s): %v", tc.name, err)
		}
		found := false
		var have []string
		for _, w := range got {
			have = append(have, fmt.Sprintf("%d:%s", w.Line, w.Rule))
			if fmt.Sprintf("%d:%s", w.Line, w.Rule) == tc.want {
				found = true
			}
		}
		if !found {
			t.Errorf("Lint(%s): got %v, want %s among them", tc.name, have, tc.want)
		}
	}
}

func TestLintErrors(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"empty", "  \n", "empty.Dockerfile: the Dockerfile is empty"},
		{"no FROM", "RUN echo hi\n", "no FROM.Dockerfile"},
		{"unknown instruction", "FROM alpine:3.20\nFROBNICATE x\n", "FROBNICATE"},
	}
	for _, tc := range tests {
		_, err := Lint(tc.name+".Dockerfile", []byte(tc.file))
		if err == nil {
			t.Errorf("Lint(%s): got no error, want one containing %q", tc.name, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Lint(%s): got error %q, want it to contain %q", tc.name, err, tc.want)
		}
	}
}

func FuzzLint(f *testing.F) {
	f.Add([]byte(badDockerfile))
	f.Add([]byte("FROM scratch\n"))
	f.Add([]byte("# syntax=docker/dockerfile:1\nFROM alpine:3.20 AS a\nRUN <<EOF\necho hi\nEOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Must return, never panic, whatever the input.
		_, _ = Lint("fuzz.Dockerfile", data)
	})
}
