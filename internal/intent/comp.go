package intent

import (
	"fmt"
	"slices"

	"github.com/hoist-dev/hoist/internal/spec"
)

// comp is one component of the spec while the engine works on it: a
// service, database, cache, queue, topic, table, bucket, static site or
// function, with what the engine knows about how it came to be.
type comp struct {
	kind kind
	name string
	// role is what the description called a service or site (api, web,
	// worker, app, backend, frontend, site); it chooses default names,
	// ports and exposure.
	role string

	svc    spec.Service
	db     spec.Database
	cache  spec.Cache
	queue  spec.Queue
	topic  spec.Topic
	table  spec.Table
	bucket spec.Bucket
	site   spec.StaticSite
	fn     spec.Function

	existing bool // loaded from the spec being changed
	removed  bool
	named    bool // the description (or the spec) gave the name
	// publicSet and portSet say the description decided exposure and port.
	publicSet, portSet bool
	// consumer says a service only consumes (a queue, a topic): a worker.
	consumer bool
	// cdnOnly says a static site was made from a CDN phrase alone ("a CDN
	// in front of ..."): a site named later is the same one.
	cdnOnly bool
	// dbEngineHint is "aurora" or "aurora-serverless" until an engine is
	// chosen.
	dbEngineHint string

	deps    []*comp  // what a service or function depends on, in order
	rawDeps []string // depends_on entries of a loaded spec naming nothing
	subs    []*comp  // a topic's subscribers
	rawSubs []string

	// notes are the assumptions the engine made about this component,
	// with paths relative to it (".port").
	notes []note
}

type note struct{ field, value, reason string }

func (c *comp) note(field string, value any, reason string) {
	c.notes = append(c.notes, note{field, fmt.Sprint(value), reason})
}

// listName is the spec list the component belongs to.
func (c *comp) listName() string {
	switch c.kind {
	case kService:
		return "services"
	case kDatabase:
		return "databases"
	case kCache:
		return "caches"
	case kQueue:
		return "queues"
	case kTopic:
		return "topics"
	case kTable:
		return "tables"
	case kBucket:
		return "buckets"
	case kSite:
		return "static_sites"
	case kFunction:
		return "functions"
	}
	return ""
}

func (c *comp) addDep(d *comp) bool {
	if d == nil || d == c || slices.Contains(c.deps, d) {
		return false
	}
	c.deps = append(c.deps, d)
	return true
}

func (c *comp) addSub(d *comp) bool {
	if d == nil || d == c || slices.Contains(c.subs, d) {
		return false
	}
	c.subs = append(c.subs, d)
	return true
}

// isWeb says a service serves HTTP: it has a port, or is a kind of
// service that serves one by default.
func (c *comp) isWeb() bool {
	if c.kind != kService {
		return false
	}
	if c.svc.Port != 0 {
		return true
	}
	if c.existing || c.consumer {
		return false
	}
	return c.role != "worker"
}

// loadComps turns a spec's lists into components, resolving depends_on and
// subscribers to the components they name.
func loadComps(s *spec.Spec) []*comp {
	var out []*comp
	add := func(c *comp) {
		c.existing, c.named, c.publicSet, c.portSet = true, true, true, true
		out = append(out, c)
	}
	for _, x := range s.Services {
		add(&comp{kind: kService, name: x.Name, svc: x})
	}
	for _, x := range s.Databases {
		add(&comp{kind: kDatabase, name: x.Name, db: x})
	}
	for _, x := range s.Caches {
		add(&comp{kind: kCache, name: x.Name, cache: x})
	}
	for _, x := range s.Queues {
		add(&comp{kind: kQueue, name: x.Name, queue: x})
	}
	for _, x := range s.Buckets {
		add(&comp{kind: kBucket, name: x.Name, bucket: x})
	}
	for _, x := range s.StaticSites {
		add(&comp{kind: kSite, name: x.Name, site: x})
	}
	for _, x := range s.Topics {
		add(&comp{kind: kTopic, name: x.Name, topic: x})
	}
	for _, x := range s.Tables {
		add(&comp{kind: kTable, name: x.Name, table: x})
	}
	for _, x := range s.Functions {
		add(&comp{kind: kFunction, name: x.Name, fn: x})
	}
	byName := map[string]*comp{}
	for _, c := range out {
		if _, dup := byName[c.name]; !dup {
			byName[c.name] = c
		}
	}
	resolve := func(names []string) (found []*comp, raw []string) {
		for _, n := range names {
			if d, ok := byName[n]; ok {
				found = append(found, d)
			} else {
				raw = append(raw, n)
			}
		}
		return found, raw
	}
	for _, c := range out {
		switch c.kind {
		case kService:
			c.deps, c.rawDeps = resolve(c.svc.DependsOn)
			c.role = c.name
		case kFunction:
			c.deps, c.rawDeps = resolve(c.fn.DependsOn)
		case kTopic:
			c.subs, c.rawSubs = resolve(c.topic.Subscribers)
		}
	}
	return out
}

// assemble writes the components back into s's lists, in order.
func assemble(s *spec.Spec, comps []*comp) {
	s.Services, s.Databases, s.Caches, s.Queues, s.Buckets = nil, nil, nil, nil, nil
	s.StaticSites, s.Topics, s.Tables, s.Functions = nil, nil, nil, nil
	names := func(cs []*comp, raw []string) []string {
		var out []string
		for _, d := range cs {
			if !d.removed {
				out = append(out, d.name)
			}
		}
		return append(out, raw...)
	}
	for _, c := range comps {
		if c.removed {
			continue
		}
		switch c.kind {
		case kService:
			x := c.svc
			x.Name, x.DependsOn = c.name, names(c.deps, c.rawDeps)
			s.Services = append(s.Services, x)
		case kDatabase:
			x := c.db
			x.Name = c.name
			s.Databases = append(s.Databases, x)
		case kCache:
			x := c.cache
			x.Name = c.name
			s.Caches = append(s.Caches, x)
		case kQueue:
			x := c.queue
			x.Name = c.name
			s.Queues = append(s.Queues, x)
		case kBucket:
			x := c.bucket
			x.Name = c.name
			s.Buckets = append(s.Buckets, x)
		case kSite:
			x := c.site
			x.Name = c.name
			s.StaticSites = append(s.StaticSites, x)
		case kTopic:
			x := c.topic
			x.Name, x.Subscribers = c.name, names(c.subs, c.rawSubs)
			s.Topics = append(s.Topics, x)
		case kTable:
			x := c.table
			x.Name = c.name
			s.Tables = append(s.Tables, x)
		case kFunction:
			x := c.fn
			x.Name, x.DependsOn = c.name, names(c.deps, c.rawDeps)
			s.Functions = append(s.Functions, x)
		}
	}
}

// index is the component's position in its spec list, counting only
// components that are kept.
func index(comps []*comp, c *comp) int {
	i := 0
	for _, o := range comps {
		if o == c {
			return i
		}
		if !o.removed && o.kind == c.kind {
			i++
		}
	}
	return -1
}
