package dockerrules

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"empty", " \n", "empty.Dockerfile: the Dockerfile is empty"},
		{"no FROM", "RUN echo hi\n", "no FROM.Dockerfile:1: RUN before the first FROM"},
		{"only ARG", "ARG A=1\n", "only ARG.Dockerfile:1: no FROM instruction"},
		{"unknown instruction", "FROM alpine:3.20\n\nFROBNICATE x\n", "unknown instruction.Dockerfile:3: unknown instruction: FROBNICATE"},
		{"bad flag", "FROM alpine:3.20\nCOPY --frm=x a b\n", "bad flag.Dockerfile:2: "},
	}
	for _, tc := range tests {
		_, err := Parse(tc.name+".Dockerfile", []byte(tc.file), nil)
		if err == nil {
			t.Errorf("Parse(%s): got no error, want %q", tc.name, tc.want)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%s): got error %q, want it to start with %q", tc.name, err, tc.want)
		}
	}
}

func TestParseStages(t *testing.T) {
	src := `ARG BASE=node:22-bookworm-slim
FROM ${BASE} AS base
ENV A=1
FROM base AS build
RUN --mount=type=cache,target=/root/.npm npm ci
FROM build
`
	d, err := Parse("stages.Dockerfile", []byte(src), []byte("# comment\n.git\n/dist/\n!dist/keep\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Stages {
		got = append(got, fmt.Sprintf("%d %s line=%d base=%s parent=%d", s.Index, s.Name, s.Line, s.Base, s.Parent))
	}
	want := []string{
		"0 base line=2 base=node:22-bookworm-slim parent=-1",
		"1 build line=4 base=base parent=0",
		"2  line=6 base=build parent=1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stages: got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !d.HasDockerignore || strings.Join(d.Dockerignore, " ") != ".git dist !dist/keep" {
		t.Errorf("dockerignore: got %v %q, want true [.git dist !dist/keep]", d.HasDockerignore, d.Dockerignore)
	}
	if len(d.runs) != 1 || len(d.runs[0].mounts) != 1 || d.runs[0].mounts[0].Target != "/root/.npm" || d.runs[0].env["A"] != "1" {
		t.Errorf("run analysis: got %+v, want one RUN with the npm cache mount and A=1 inherited", d.runs)
	}
	if len(d.Lines) != 6 {
		t.Errorf("Lines: got %d, want 6", len(d.Lines))
	}
}

// TestRuleCases covers cases a fixture folder cannot hold at once (a
// rule's behaviour on a whole file rather than a line).
func TestRuleCases(t *testing.T) {
	tests := []struct {
		id, file string
		ignore   []byte
		want     []int
	}{
		{"HOIST-DF-003", "FROM node:22\nCMD [\"node\"]\n", nil, []int{1}},
		{"HOIST-DF-003", "FROM node:22\nUSER 0:0\n", nil, []int{2}},
		{"HOIST-DF-003", "FROM scratch\nCOPY app /app\n", nil, []int{1}},
		{"HOIST-DF-003", "FROM gcr.io/distroless/static-debian12:nonroot\n", nil, nil},
		{"HOIST-DF-003", "FROM node:22 AS a\nUSER root\nFROM a\nUSER node\n", nil, nil},
		{"HOIST-DF-023", "FROM alpine:3.20\nHEALTHCHECK NONE\n", nil, nil},
		{"HOIST-DF-029", "FROM alpine:3.20\nCOPY app /app\n", nil, nil},
		{"HOIST-DF-030", "FROM golang:1.24\nCOPY . .\n", []byte(".git\n"), nil},
		{"HOIST-DF-030", "FROM golang:1.24\nCOPY . .\n", []byte("bin\n"), []int{2}},
		{"HOIST-DF-010", "FROM debian:12\nRUN echo 'APT::Install-Recommends \"false\";' > /etc/apt/apt.conf.d/norec\nRUN apt-get install -y curl\n", nil, nil},
		{"HOIST-DF-016", "FROM python:3.13\nRUN <<EOF\npip install flask\nEOF\n", nil, []int{2}},
		{"HOIST-DF-011", "FROM debian:12\nRUN [\"/bin/sh\", \"-c\", \"apt-get update && apt-get install -y x\"]\n", nil, []int{2}},
		{"HOIST-DF-031", "FROM golang:1.24\nARG CACHE=/gocache\nRUN --mount=type=cache,target=$CACHE GOCACHE=/gocache go build ./...\n", nil, nil},
	}
	byID := map[string]Rule{}
	for _, r := range Rules() {
		byID[r.ID] = r
	}
	for i, tc := range tests {
		d, err := Parse(fmt.Sprintf("case%d.Dockerfile", i), []byte(tc.file), tc.ignore)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		var got []int
		for _, f := range byID[tc.id].Check(d) {
			got = append(got, f.Line)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s on %q: got lines %v, want %v", tc.id, tc.file, got, tc.want)
		}
	}
}

func TestBuildKitLint(t *testing.T) {
	d, err := Parse("bk.Dockerfile", []byte("FROM alpine:3.20 as build\nCMD echo hi\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := BuildKitLint(d)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%s", f.Line, strings.SplitN(f.Message, ":", 2)[0]))
	}
	want := "[1:FromAsCasing 2:JSONArgsRecommended]"
	if fmt.Sprint(got) != want {
		t.Errorf("BuildKitLint: got %v, want %s", got, want)
	}
	// The registry rule leaves out what HOIST-DF-008 reports.
	var r Rule
	for _, x := range Rules() {
		if x.ID == "HOIST-DF-BUILDKIT" {
			r = x
		}
	}
	if got := r.Check(d); len(got) != 1 || got[0].Line != 1 {
		t.Errorf("HOIST-DF-BUILDKIT: got %+v, want only the FromAsCasing finding on line 1", got)
	}
}
