package intent

import (
	"slices"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/spec"
)

func loadBase(t *testing.T, name string) *spec.Spec {
	t.Helper()
	doc, err := spec.Load("testdata/corpus/bases/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Spec
}

func deps(s *spec.Spec, name string) []string {
	for _, x := range s.Services {
		if x.Name == name {
			return x.DependsOn
		}
	}
	for _, x := range s.Functions {
		if x.Name == name {
			return x.DependsOn
		}
	}
	return nil
}

// TestRelationUndone: a negated relation removes the depends_on entry
// and keeps the component; without a service as its subject it removes
// the component.
func TestRelationUndone(t *testing.T) {
	tests := []struct {
		desc              string
		api, worker       []string
		queues, databases int
	}{
		{"the worker no longer uses the queue", []string{"db", "jobs"}, []string{"db"}, 1, 1},
		{"the worker stops using the jobs queue", []string{"db", "jobs"}, []string{"db"}, 1, 1},
		{"the worker doesn't need the queue anymore", []string{"db", "jobs"}, []string{"db"}, 1, 1},
		{"the worker should not read from the queue", []string{"db", "jobs"}, []string{"db"}, 1, 1},
		{"the queue is no longer used by the worker", []string{"db", "jobs"}, []string{"db"}, 1, 1},
		{"the api and the worker no longer use the database", []string{"jobs"}, []string{"jobs"}, 1, 1},
		{"the worker uses the db but no longer uses the queue", []string{"db", "jobs"}, []string{"db"}, 1, 1},
		{"the worker stops using the queue, and the api doesn't need the database anymore", []string{"jobs"}, []string{"db"}, 1, 1},
		{"we no longer need the queue", []string{"db"}, []string{"db"}, 0, 1},
		{"I don't need the worker anymore", []string{"db", "jobs"}, nil, 1, 1},
	}
	for _, tt := range tests {
		r, err := Change(loadBase(t, "shop.yaml"), tt.desc)
		if err != nil {
			t.Fatalf("%q: %v", tt.desc, err)
		}
		if got := deps(r.Spec, "api"); !slices.Equal(got, tt.api) {
			t.Errorf("%q: api depends on %q, want %q", tt.desc, got, tt.api)
		}
		if got := deps(r.Spec, "worker"); !slices.Equal(got, tt.worker) {
			t.Errorf("%q: worker depends on %q, want %q", tt.desc, got, tt.worker)
		}
		if len(r.Spec.Queues) != tt.queues || len(r.Spec.Databases) != tt.databases {
			t.Errorf("%q: %d queues and %d databases, want %d and %d", tt.desc, len(r.Spec.Queues), len(r.Spec.Databases), tt.queues, tt.databases)
		}
		if len(r.Unrecognized) > 0 {
			t.Errorf("%q: unrecognized %v", tt.desc, r.Unrecognized)
		}
	}
}

// TestUnsubscribe: a queue that no longer subscribes keeps the topic.
func TestUnsubscribe(t *testing.T) {
	for _, desc := range []string{"the audit queue no longer subscribes to the events topic", "the events topic no longer feeds the audit queue"} {
		r, err := Change(loadBase(t, "events.yaml"), desc)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Spec.Topics) != 1 || len(r.Spec.Topics[0].Subscribers) != 0 || len(r.Spec.Queues) != 1 {
			t.Errorf("%q: topics %+v, queues %+v; want the topic without subscribers and the queue kept", desc, r.Spec.Topics, r.Spec.Queues)
		}
	}
}

// TestRelativeClause: a relative clause attaches to the nearest head;
// a plain plural subject shares the relation.
func TestRelativeClause(t *testing.T) {
	tests := []struct {
		desc        string
		api, worker []string
	}{
		{"an api and a worker that reads from a queue", nil, []string{"queue"}},
		{"an api and a worker which uses a queue and writes to a bucket", nil, []string{"queue", "bucket"}},
		{"an api and a worker, which both use a queue", []string{"queue"}, []string{"queue"}},
		{"the api and the worker use the queue", []string{"queue"}, []string{"queue"}},
		{"an api that uses postgres and a worker that reads from a queue", []string{"db"}, []string{"queue"}},
		{"an api and a worker. the worker uses the queue and the api uses the database", []string{"db"}, []string{"queue"}},
	}
	for _, tt := range tests {
		r, err := New(tt.desc)
		if err != nil {
			t.Fatal(err)
		}
		if got := deps(r.Spec, "api"); !slices.Equal(got, tt.api) {
			t.Errorf("%q: api depends on %q, want %q", tt.desc, got, tt.api)
		}
		if got := deps(r.Spec, "worker"); !slices.Equal(got, tt.worker) {
			t.Errorf("%q: worker depends on %q, want %q", tt.desc, got, tt.worker)
		}
	}
}

// TestAmbiguousNotApplied: with two databases, "the database" changes
// neither and says so.
func TestAmbiguousNotApplied(t *testing.T) {
	for _, desc := range []string{"make the database multi-AZ", "make the database bigger", "remove the database", "set the database storage to 100 GB", "the database should be highly available"} {
		base := loadBase(t, "ledger.yaml")
		r, err := Change(base, desc)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(r.Spec.Databases, base.Databases, func(a, b spec.Database) bool { return a == b }) {
			t.Errorf("%q changed the databases: %+v", desc, r.Spec.Databases)
		}
		if !slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.Contains(w, "could mean any of main, reports") }) {
			t.Errorf("%q: warnings %q lack the ambiguity", desc, r.Warnings)
		}
	}
}

// TestCDNIsTheSite: a CDN named with a static site is that site, and a
// bucket behind a CDN is the site's own.
func TestCDNIsTheSite(t *testing.T) {
	tests := []struct {
		desc           string
		sites, buckets int
	}{
		{"a static site with a CDN", 1, 0},
		{"a static site behind CloudFront", 1, 0},
		{"a CDN in front of the bucket", 1, 0},
		{"a CloudFront distribution in front of a React frontend", 1, 0},
		{"a CDN and a React frontend", 1, 0},
		{"an api and a CDN", 1, 0},
		{"a CDN in front of the api", 0, 0},
		{"two static sites with a CDN", 2, 0},
		{"a static site and an uploads bucket for the api", 1, 1},
	}
	for _, tt := range tests {
		r, err := New(tt.desc)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Spec.StaticSites) != tt.sites || len(r.Spec.Buckets) != tt.buckets {
			t.Errorf("%q: %d sites and %d buckets, want %d and %d", tt.desc, len(r.Spec.StaticSites), len(r.Spec.Buckets), tt.sites, tt.buckets)
		}
	}
}

// TestServiceAndFunction: a Lambda phrase joined by "and" is a function
// of its own; right after "on" or "as" it is what the service runs on.
func TestServiceAndFunction(t *testing.T) {
	tests := []struct {
		desc           string
		services, fns  int
		minCount       int
		wantDropWarned bool
	}{
		{"a web app with 3 tasks and a python lambda", 1, 1, 3, false},
		{"an api with a redis cache and a lambda", 1, 1, 0, false},
		{"a REST API on Lambda in node", 0, 1, 0, false},
		{"a worker as a Lambda function", 0, 1, 0, false},
		{"an api with 3 tasks on lambda", 0, 1, 0, true},
	}
	for _, tt := range tests {
		r, err := New(tt.desc)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Spec.Services) != tt.services || len(r.Spec.Functions) != tt.fns {
			t.Errorf("%q: %d services and %d functions, want %d and %d", tt.desc, len(r.Spec.Services), len(r.Spec.Functions), tt.services, tt.fns)
			continue
		}
		if tt.services > 0 && r.Spec.Services[0].MinCount != tt.minCount {
			t.Errorf("%q: min_count %d, want %d", tt.desc, r.Spec.Services[0].MinCount, tt.minCount)
		}
		warned := slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.HasPrefix(w, "a Lambda function has no task count") })
		if warned != tt.wantDropWarned {
			t.Errorf("%q: warnings %q; want a dropped-settings warning: %v", tt.desc, r.Warnings, tt.wantDropWarned)
		}
	}
}

// TestRefusedWordsNotUnrecognized: what a refusal quoted is reported
// once, by the refusal.
func TestRefusedWordsNotUnrecognized(t *testing.T) {
	for _, desc := range []string{"give the app admin access to everything", "an api with admin access to everything", "an api with full access to", "a worker with root permissions"} {
		r, err := New(desc)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Unrecognized) > 0 {
			t.Errorf("%q: unrecognized %v after the refusal %q", desc, r.Unrecognized, r.Warnings)
		}
		if !slices.ContainsFunc(r.Warnings, func(w string) bool { return strings.HasPrefix(w, "refused: admin rights") }) {
			t.Errorf("%q: no refusal in %q", desc, r.Warnings)
		}
	}
}
