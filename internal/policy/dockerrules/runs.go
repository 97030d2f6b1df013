package dockerrules

import (
	"path"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// run is one RUN instruction, read for the rules that look inside scripts.
type run struct {
	cmd   *instructions.RunCommand
	stage *Stage
	line  int
	// cmds are the script's simple commands in order (heredoc scripts
	// included).
	cmds []shCmd
	// mounts are the RUN's --mount options.
	mounts []*instructions.Mount
	// env is the stage's environment at this RUN: ENV and ARG defaults of
	// the stage and the stages it is built FROM.
	env map[string]string
	// shellPipefail is true when the SHELL in effect sets -o pipefail.
	shellPipefail bool
	// shellForm is false for exec-form RUN ["a", "b"].
	shellForm bool
}

// stageState is what a stage hands to the stages built FROM it.
type stageState struct {
	env      map[string]string
	pipefail bool
}

func (d *Dockerfile) analyzeRuns() []*run {
	var out []*run
	lex := shell.NewLex(d.escape)
	states := make([]stageState, len(d.Stages))
	for i := range d.Stages {
		s := &d.Stages[i]
		st := stageState{env: map[string]string{}}
		if s.Parent >= 0 && s.Parent < i {
			for k, v := range states[s.Parent].env {
				st.env[k] = v
			}
			st.pipefail = states[s.Parent].pipefail
		}
		for _, c := range s.Commands {
			switch c := c.(type) {
			case *instructions.EnvCommand:
				for _, kv := range c.Env {
					st.env[kv.Key] = kv.Value
				}
			case *instructions.ArgCommand:
				for _, kv := range c.Args {
					if kv.Value != nil {
						st.env[kv.Key] = *kv.Value
					}
				}
			case *instructions.ShellCommand:
				st.pipefail = shellSetsPipefail(c.Shell)
			case *instructions.RunCommand:
				// Mount options are only parsed once variables can be
				// expanded; expand with the stage's environment, leaving
				// unknown variables as written.
				env := copyEnv(st.env)
				_ = c.Expand(func(word string) (string, error) {
					res, err := lex.ProcessWordWithMatches(word, mapEnv(env))
					if err != nil || len(res.Unmatched) > 0 {
						return word, nil
					}
					return res.Result, nil
				})
				r := &run{cmd: c, stage: s, line: lineOf(c), mounts: instructions.GetMounts(c), env: env, shellPipefail: st.pipefail, shellForm: c.PrependShell}
				r.cmds = readRunScript(c)
				out = append(out, r)
			}
		}
		states[i] = st
	}
	return out
}

// mapEnv adapts a variable map to BuildKit's shell lexer.
func mapEnv(m map[string]string) shell.EnvGetter {
	kv := make([]string, 0, len(m))
	for k, v := range m {
		kv = append(kv, k+"="+v)
	}
	return shell.EnvsFromSlice(kv)
}

func copyEnv(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// shellSetsPipefail reports whether SHELL ["bash", "-o", "pipefail", "-c"]
// (or -eo pipefail, ...) turns pipefail on.
func shellSetsPipefail(sh []string) bool {
	for i := 1; i < len(sh); i++ {
		if sh[i] == "pipefail" && strings.HasPrefix(sh[i-1], "-") && strings.HasSuffix(sh[i-1], "o") {
			return true
		}
	}
	return false
}

// readRunScript returns the simple commands of a RUN, in either form.
func readRunScript(c *instructions.RunCommand) []shCmd {
	var cmds []shCmd
	if c.PrependShell {
		cmds = splitScript(strings.Join(c.CmdLine, " "))
	} else if len(c.CmdLine) > 0 {
		var p scriptReader
		p.add(append([]string(nil), c.CmdLine...), false, false, 0)
		cmds = p.cmds
	}
	// A heredoc is the script when the command line is only the heredoc
	// or feeds it to a shell.
	if len(c.Files) > 0 && (len(cmds) == 0 || shellNames[cmds[0].name()]) {
		for _, f := range c.Files {
			data := f.Data
			if first, _, _ := strings.Cut(data, "\n"); strings.HasPrefix(first, "#!") && !strings.Contains(first, "sh") {
				continue
			}
			cmds = append(cmds, splitScript(data)...)
		}
	}
	return cmds
}

// runs returns the RUN instructions of stage s (every stage when s is nil).
func (d *Dockerfile) runsOf(s *Stage) []*run {
	if s == nil {
		return d.runs
	}
	var out []*run
	for _, r := range d.runs {
		if r.stage == s {
			out = append(out, r)
		}
	}
	return out
}

// cacheMounted reports whether a --mount=type=cache of r covers the cache
// of package manager m.
func (r *run) cacheMounted(m manager, inline map[string]string) bool {
	for _, mt := range r.mounts {
		if mt.Type != instructions.MountTypeCache || mt.Target == "" {
			continue
		}
		t := path.Clean(mt.Target)
		for _, dir := range m.cacheDirs {
			if coversDir(t, dir) {
				return true
			}
		}
		for _, v := range m.envVars {
			if val, ok := inline[v]; ok && val != "" && coversDir(t, path.Clean(val)) {
				return true
			}
			if val, ok := r.env[v]; ok && val != "" && coversDir(t, path.Clean(val)) {
				return true
			}
		}
		for _, h := range m.hints {
			if strings.Contains(strings.ToLower(t), h) {
				return true
			}
		}
	}
	return false
}

// coversDir reports whether a mount at target contains dir; "~" in dir
// stands for /root or any /home/<user>.
func coversDir(target, dir string) bool {
	if rest, ok := strings.CutPrefix(dir, "~"); ok {
		if coversDir(target, "/root"+rest) {
			return true
		}
		if strings.HasPrefix(target, "/home/") {
			parts := strings.SplitN(strings.TrimPrefix(target, "/home/"), "/", 2)
			return coversDir(target, "/home/"+parts[0]+rest)
		}
		return false
	}
	return target == dir || strings.HasPrefix(dir, target+"/") || target == "/"
}

// hasCmd reports whether the run contains a command named one of names.
func (r *run) hasCmd(names ...string) bool {
	for _, c := range r.cmds {
		for _, n := range names {
			if c.name() == n {
				return true
			}
		}
	}
	return false
}

// envSet reports whether variable k is set for command c, inline or in
// the stage's environment.
func (r *run) envSet(c shCmd, k string) (string, bool) {
	if v, ok := c.env[k]; ok {
		return v, true
	}
	v, ok := r.env[k]
	return v, ok
}
