package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/filewrite"
	"github.com/hoist-dev/hoist/internal/intent"
	"github.com/hoist-dev/hoist/internal/intent/llmedit"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/llm"
	"github.com/hoist-dev/hoist/internal/policy"
	"github.com/hoist-dev/hoist/internal/policy/rule"
	"github.com/hoist-dev/hoist/internal/spec"
)

// llmOptions are the LLM flags new and change share; every one may come
// from HOIST_LLM_* or the config file (llm_provider, llm_model, ...).
type llmOptions struct {
	Provider, Model, BaseURL, APIKeyEnv, Region, Mode string
	Temperature                                       float64
	MaxTokens, MaxRetries                             int
	Timeout                                           time.Duration
	ShowPrompt                                        bool
}

func (o *llmOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&o.Provider, "llm-provider", llm.ProviderNone, "LLM provider: "+strings.Join(llm.Providers, ", "))
	f.StringVar(&o.Model, "llm-model", "", "model name (gpt-4.1, claude-sonnet-4-5, llama3.1, a Bedrock model ID)")
	f.StringVar(&o.BaseURL, "llm-base-url", "", "API base URL (http://localhost:11434/v1 for Ollama)")
	f.StringVar(&o.APIKeyEnv, "llm-api-key-env", "", "name of the environment variable holding the API key")
	f.StringVar(&o.Region, "llm-region", "", "AWS region for Bedrock")
	f.StringVar(&o.Mode, "llm-mode", "", "force one structured-output mode: "+strings.Join(llm.Modes, ", "))
	f.Float64Var(&o.Temperature, "llm-temperature", 0, "sampling temperature")
	f.IntVar(&o.MaxTokens, "llm-max-tokens", 4096, "longest answer, in tokens")
	f.IntVar(&o.MaxRetries, "llm-max-retries", 3, "retries of rate-limited (429) and failed (5xx) calls")
	f.DurationVar(&o.Timeout, "llm-timeout", 60*time.Second, "time limit of one call")
	f.BoolVar(&o.ShowPrompt, "show-prompt", false, "print exactly what would be sent to the LLM (redacted), send nothing")
	markConfigurable(f, "llm-provider", "llm-model", "llm-base-url", "llm-api-key-env", "llm-region", "llm-mode",
		"llm-temperature", "llm-max-tokens", "llm-max-retries", "llm-timeout")
}

// editor returns the LLM editor, or nil when no provider is configured.
func (o *llmOptions) editor(ctx context.Context, deps *Deps) (*llmedit.Editor, error) {
	if o.Provider == "" || o.Provider == llm.ProviderNone {
		return nil, nil
	}
	cfg := llm.Config{Provider: o.Provider, Model: o.Model, BaseURL: o.BaseURL, APIKeyEnv: o.APIKeyEnv, Region: o.Region, Mode: o.Mode,
		Temperature: o.Temperature, MaxTokens: o.MaxTokens, MaxRetries: o.MaxRetries, Timeout: o.Timeout}
	p, err := llm.NewProvider(ctx, cfg, llm.Deps{Getenv: deps.Getenv})
	if err != nil {
		return nil, &UsageError{Err: err}
	}
	conf := configPath(deps.Getenv)
	if conf == "" {
		return nil, usageErrorf("no folder for the redaction key: set XDG_CONFIG_HOME or HOME")
	}
	confDir := filepath.Dir(conf)
	key, err := llm.LoadOrCreateKey(filepath.Join(confDir, "llm.key"))
	if err != nil {
		return nil, err
	}
	c := &llm.Client{Provider: p, Config: cfg, Redactor: llm.NewRedactor(key), TemplateVersion: llmedit.TemplateVersion}
	if dir := userCacheDir(deps.Getenv); dir != "" {
		c.CacheDir = filepath.Join(dir, "llm")
	}
	state := userStateDir(deps.Getenv)
	if state == "" {
		return nil, usageErrorf("no folder for the LLM audit log: set XDG_STATE_HOME or HOME")
	}
	c.AuditLog = filepath.Join(state, "llm-audit.log")
	return &llmedit.Editor{Client: c}, nil
}

// intentView is the JSON output of new and change.
type intentView struct {
	Spec         *spec.Spec            `json:"spec"`
	Resources    []resourceView        `json:"resources"`
	Assumptions  []intent.Assumption   `json:"assumptions"`
	Unrecognized []intent.Unrecognized `json:"unrecognized"`
	Warnings     []string              `json:"warnings"`
	Findings     []findingView         `json:"findings"`
	Engine       string                `json:"engine"`
	Diff         string                `json:"diff,omitempty"`
	Files        []filewrite.Result    `json:"files"`
}

type resourceView struct {
	Type       string `json:"type"`
	LogicalID  string `json:"logical_id"`
	Properties any    `json:"properties"`
}

type findingView struct {
	RuleID   string `json:"rule_id"`
	Severity string `json:"severity"`
	Title    string `json:"title"`
	Message  string `json:"message"`
	Resource string `json:"resource"`
}

type newOptions struct {
	Description string
	Format      string
	Out         string
	writeOptions
	llm llmOptions
}

func newNewCmd(deps *Deps) *cobra.Command {
	opts := &newOptions{}
	cmd := &cobra.Command{
		Use:   `new "DESCRIPTION"`,
		Short: "Describe infrastructure in plain English; get hoist.yaml and checked IaC",
		Long: `New turns a plain-English description into hoist.yaml and renders it as
CloudFormation, Terraform or CDK, through the same compilers, schemas and
policy checks as a hand-written spec. It works offline with a deterministic
engine that knows the words a solo operator uses (services, databases,
caches, queues, buckets, networks, sizes, counts, relations, negations).
Every default it picks is listed as an assumption with its reason; every
phrase it did not understand is listed as unrecognized, never dropped.
Requests that would weaken security (SSH open to the world, public buckets,
admin rights) are not complied with silently: they come back as warnings, and
policy findings of the result are shown.

With an LLM configured (--llm-provider or HOIST_LLM_PROVIDER) the model
proposes the spec as JSON against hoist.yaml's schema; the answer is
validated, repaired once if invalid, and otherwise replaced by the
deterministic engine's. Secrets, keys, account IDs and ARNs are replaced by
pseudonyms before anything is sent; --show-prompt prints the request.

Files go to --out (default: the current folder): hoist.yaml and
infra/<format>/. Existing files that differ are not replaced without --force;
--dry-run prints the diff instead.`,
		Example: `  $ hoist new "a VPC with two public subnets, an ALB and a Fargate service, plus Postgres" --dry-run
  $ hoist new "an api and a worker that reads from a queue, postgres 16 multi-AZ" --format terraform --out shop
  $ hoist new "a static site with a CDN" -o json
  $ HOIST_LLM_PROVIDER=openai-compatible HOIST_LLM_MODEL=gpt-4.1 hoist new "..." --show-prompt`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Description = args[0]
			return runNew(cmd.Context(), deps, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "cloudformation", "IaC to write: "+strings.Join(iacFormatNames(), ", "))
	cmd.Flags().StringVar(&opts.Out, "out", ".", "folder to write hoist.yaml and infra/<format>/ into")
	opts.writeOptions.register(cmd)
	opts.llm.register(cmd)
	return cmd
}

func runNew(ctx context.Context, deps *Deps, opts *newOptions) error {
	if err := deps.checkOutput("text", "json"); err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ed, err := opts.llm.editor(ctx, deps)
	if err != nil {
		return err
	}
	if opts.llm.ShowPrompt {
		return showPrompt(deps, ed, nil, opts.Description)
	}
	res, engine, err := interpret(ctx, ed, nil, opts.Description)
	if err != nil {
		return err
	}
	view, g, err := intentResult(res, engine)
	if err != nil {
		return err
	}
	data, err := spec.Marshal(res.Spec)
	if err != nil {
		return err
	}
	files := []filewrite.File{{Path: SpecFile, Content: data}}
	infra, err := renderIaC(g, opts.Format, path.Join("infra", opts.Format))
	if err != nil {
		return err
	}
	files = append(files, infra...)
	writes, applyErr := filewrite.Apply(opts.Out, files, filewrite.Options{Force: opts.Force, DryRun: opts.DryRun})
	if applyErr != nil && !errors.Is(applyErr, filewrite.ErrExists) {
		return applyErr
	}
	view.Files = writes
	if err := renderIntent(deps, view, data); err != nil {
		return err
	}
	if deps.Output != "json" {
		renderWrites(deps.IO.Out, writes, opts.DryRun)
	}
	if applyErr != nil {
		return &UsageError{Err: applyErr}
	}
	return nil
}

type changeOptions struct {
	Description string
	SpecPath    string
	Write       bool
	llm         llmOptions
}

func newChangeCmd(deps *Deps) *cobra.Command {
	opts := &changeOptions{}
	cmd := &cobra.Command{
		Use:   `change "DESCRIPTION"`,
		Short: "Edit hoist.yaml in plain English and see the diff",
		Long: `Change edits an existing hoist.yaml as the description says ("add a redis
cache", "make the database multi-AZ", "remove the NAT gateway", "scale the api
to 2-10 tasks") and prints the diff of the spec, with the assumptions made,
the phrases not understood, and the policy findings of the result. Comments
and key order of the file are kept.

The file is only rewritten with --write (atomically). The same LLM options
as 'hoist new' apply.`,
		Example: `  $ hoist change "add a redis cache"
  $ hoist change "make the database multi-AZ and scale the api to 2-10 tasks" --write
  $ hoist change "remove the NAT gateway" --spec infra/hoist.yaml -o json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Description = args[0]
			return runChange(cmd.Context(), deps, opts)
		},
	}
	cmd.Flags().StringVar(&opts.SpecPath, "spec", SpecFile, "the hoist.yaml to edit")
	cmd.Flags().BoolVar(&opts.Write, "write", false, "rewrite the file with the change (atomically)")
	opts.llm.register(cmd)
	return cmd
}

func runChange(ctx context.Context, deps *Deps, opts *changeOptions) error {
	if err := deps.checkOutput("text", "json"); err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	doc, err := spec.Load(opts.SpecPath)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return usageErrorf("%s: no such file; create one with 'hoist new' or 'hoist init'", opts.SpecPath)
		}
		return &UsageError{Err: err}
	}
	if errs := doc.Validate(); len(errs) > 0 {
		return &UsageError{Err: errs}
	}
	ed, err := opts.llm.editor(ctx, deps)
	if err != nil {
		return err
	}
	if opts.llm.ShowPrompt {
		return showPrompt(deps, ed, doc.Spec, opts.Description)
	}
	res, engine, err := interpret(ctx, ed, doc.Spec, opts.Description)
	if err != nil {
		return err
	}
	view, _, err := intentResult(res, engine)
	if err != nil {
		return err
	}
	old, err := os.ReadFile(opts.SpecPath)
	if err != nil {
		return err
	}
	updated, err := doc.Update(res.Spec)
	if err != nil {
		return err
	}
	view.Diff = filewrite.Diff(opts.SpecPath, old, updated)
	view.Files = []filewrite.Result{}
	if opts.Write && view.Diff != "" {
		if err := filewrite.WriteAtomic(opts.SpecPath, updated, 0o644); err != nil {
			return err
		}
		view.Files = append(view.Files, filewrite.Result{Path: opts.SpecPath, Action: filewrite.Overwrite})
	}
	if deps.Output == "json" {
		return writeJSON(deps.IO.Out, view)
	}
	w := deps.IO.Out
	if view.Diff == "" {
		fmt.Fprintln(w, "no change to the spec")
	} else {
		fmt.Fprint(w, view.Diff)
	}
	renderIntentNotes(deps.IO.ErrOut, view)
	if opts.Write && view.Diff != "" {
		fmt.Fprintf(deps.IO.ErrOut, "wrote %s\n", opts.SpecPath)
	} else if view.Diff != "" {
		fmt.Fprintf(deps.IO.ErrOut, "nothing written: run again with --write to apply\n")
	}
	return nil
}

// interpret runs the LLM editor when one is configured, else the
// deterministic engine.
func interpret(ctx context.Context, ed *llmedit.Editor, base *spec.Spec, description string) (*intent.Result, string, error) {
	if ed != nil {
		var o *llmedit.Outcome
		var err error
		if base == nil {
			o, err = ed.New(ctx, description)
		} else {
			o, err = ed.Change(ctx, base, description)
		}
		if err != nil {
			return nil, "", &UsageError{Err: err}
		}
		if o.UsedLLM {
			return o.Result, "llm:" + ed.Client.Provider.Name(), nil
		}
		return o.Result, "deterministic", nil
	}
	var res *intent.Result
	var err error
	if base == nil {
		res, err = intent.New(description)
	} else {
		res, err = intent.Change(base, description)
	}
	if err != nil {
		return nil, "", &UsageError{Err: err}
	}
	return res, "deterministic", nil
}

func showPrompt(deps *Deps, ed *llmedit.Editor, base *spec.Spec, description string) error {
	if ed == nil {
		return usageErrorf("--show-prompt needs an LLM provider (--llm-provider or HOIST_LLM_PROVIDER)")
	}
	req, err := ed.Prompt(base, description)
	if err != nil {
		return err
	}
	if deps.Output == "json" {
		return writeJSON(deps.IO.Out, map[string]any{"provider": ed.Client.Provider.Name(), "model": ed.Client.Config.Model,
			"system": req.System, "user": req.User, "schema_name": req.SchemaName, "schema": string(req.Schema)})
	}
	_, err = fmt.Fprintf(deps.IO.Out, "provider: %s\nmodel: %s\n\n--- system ---\n%s\n\n--- user ---\n%s\n\n--- schema (%s) ---\n%s\n",
		ed.Client.Provider.Name(), ed.Client.Config.Model, req.System, req.User, req.SchemaName, req.Schema)
	return err
}

// intentResult expands the result's spec and checks it with Hoist's policy
// rules, so that unsafe results carry their findings. It returns the
// expanded graph too, for rendering.
func intentResult(res *intent.Result, engine string) (intentView, *ir.Graph, error) {
	view := intentView{Spec: res.Spec, Resources: []resourceView{}, Assumptions: res.Assumptions, Unrecognized: res.Unrecognized,
		Warnings: res.Warnings, Findings: []findingView{}, Engine: engine, Files: []filewrite.Result{}}
	if view.Assumptions == nil {
		view.Assumptions = []intent.Assumption{}
	}
	if view.Unrecognized == nil {
		view.Unrecognized = []intent.Unrecognized{}
	}
	if view.Warnings == nil {
		view.Warnings = []string{}
	}
	full := withDefaults(res.Spec)
	if errs := spec.Validate(full); len(errs) > 0 {
		return view, nil, &UsageError{Err: fmt.Errorf("the description gives an invalid spec: %w", errs)}
	}
	ex, err := expand.Expand(full)
	if err != nil {
		return view, nil, &UsageError{Err: fmt.Errorf("the description gives a spec Hoist cannot build: %w", err)}
	}
	for _, r := range ex.Graph.Resources {
		view.Resources = append(view.Resources, resourceView{Type: r.Type, LogicalID: r.ID, Properties: ir.Plain(r.Properties)})
	}
	rep, err := policy.Check([]policy.Target{{Kind: policy.KindSpec, Path: SpecFile, Graph: ex.Graph}}, policy.Options{Now: time.Now()})
	if err != nil {
		return view, nil, err
	}
	for _, f := range rep.Unsuppressed() {
		if f.Severity < rule.Medium {
			continue
		}
		view.Findings = append(view.Findings, findingView{RuleID: f.RuleID, Severity: f.Severity.String(), Title: f.Title, Message: f.Message, Resource: f.Resource})
	}
	return view, ex.Graph, nil
}

func renderIntent(deps *Deps, view intentView, specYAML []byte) error {
	if deps.Output == "json" {
		return writeJSON(deps.IO.Out, view)
	}
	fmt.Fprintf(deps.IO.Out, "# hoist.yaml (%s engine)\n%s\n", view.Engine, specYAML)
	renderIntentNotes(deps.IO.ErrOut, view)
	return nil
}

func renderIntentNotes(w io.Writer, view intentView) {
	for _, a := range view.Assumptions {
		fmt.Fprintf(w, "assumed %s = %s: %s\n", a.Field, a.Value, a.Reason)
	}
	for _, u := range view.Unrecognized {
		fmt.Fprintf(w, "not understood (at %d): %q\n", u.Position, u.Text)
	}
	for _, s := range view.Warnings {
		fmt.Fprintf(w, "warning: %s\n", s)
	}
	for _, f := range view.Findings {
		fmt.Fprintf(w, "finding: %s %s %s: %s\n", f.Severity, f.RuleID, f.Resource, f.Message)
	}
	fmt.Fprintf(w, "%d resources\n", len(view.Resources))
}
