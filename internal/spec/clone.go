package spec

import "slices"

// Clone returns a deep copy of s: editing the copy (with Defaults, say)
// never changes s. Clone(nil) is nil.
func Clone(s *Spec) *Spec {
	if s == nil {
		return nil
	}
	c := *s
	c.Services = slices.Clone(s.Services)
	for i := range c.Services {
		svc := &c.Services[i]
		svc.Env = slices.Clone(svc.Env)
		svc.Secrets = slices.Clone(svc.Secrets)
		svc.DependsOn = slices.Clone(svc.DependsOn)
	}
	c.Databases = slices.Clone(s.Databases)
	c.Caches = slices.Clone(s.Caches)
	c.Queues = slices.Clone(s.Queues)
	c.Buckets = slices.Clone(s.Buckets)
	c.StaticSites = slices.Clone(s.StaticSites)
	c.Topics = slices.Clone(s.Topics)
	for i := range c.Topics {
		c.Topics[i].Subscribers = slices.Clone(c.Topics[i].Subscribers)
	}
	c.Tables = slices.Clone(s.Tables)
	c.Functions = slices.Clone(s.Functions)
	for i := range c.Functions {
		f := &c.Functions[i]
		f.Env = slices.Clone(f.Env)
		f.Secrets = slices.Clone(f.Secrets)
		f.DependsOn = slices.Clone(f.DependsOn)
	}
	return &c
}
