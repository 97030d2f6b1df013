package spec

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDefaults(t *testing.T) {
	tests := []struct {
		name string
		in   Spec
		want map[string]any // path -> value filled; every other path untouched
	}{
		{
			name: "bare",
			in:   Spec{Version: 1, Name: "a"},
			want: map[string]any{"region": DefaultRegion, "target": TargetECSExpress},
		},
		{
			name: "web service",
			in:   Spec{Version: 1, Name: "a", Services: []Service{{Name: "api", Port: 80, Runtime: Runtime{Language: "go"}}}},
			want: map[string]any{
				"region": DefaultRegion, "target": TargetECSExpress, "network.azs": 2, "network.nat": NATSingle,
				"services[0].cpu": 256, "services[0].memory": 512, "services[0].architecture": "x86_64",
				"services[0].min_count": 1, "services[0].max_count": 3, "services[0].health_check.path": "/",
			},
		},
		{
			name: "web service on fargate runs on graviton",
			in:   Spec{Version: 1, Name: "a", Target: TargetECSFargate, Services: []Service{{Name: "api", Port: 80, Runtime: Runtime{Language: "go"}}}},
			want: map[string]any{
				"region": DefaultRegion, "network.azs": 2, "network.nat": NATSingle,
				"services[0].cpu": 256, "services[0].memory": 512, "services[0].architecture": "arm64",
				"services[0].min_count": 1, "services[0].max_count": 3, "services[0].health_check.path": "/",
			},
		},
		{
			name: "worker with memory, unknown runtime",
			in:   Spec{Version: 1, Name: "a", Region: "eu-west-1", Target: TargetECSFargate, Network: Network{AZs: 3, NAT: NATNone}, Services: []Service{{Name: "w", Memory: 4096, MinCount: 5}}},
			want: map[string]any{
				"services[0].cpu": 512, "services[0].architecture": "x86_64", "services[0].max_count": 5,
			},
		},
		{
			name: "cpu without memory",
			in:   Spec{Region: "us-west-2", Target: TargetECSFargate, Services: []Service{{Name: "w", CPU: 4096, Architecture: "x86_64", MinCount: 1, MaxCount: 2}}, Network: Network{AZs: 2, NAT: NATSingle}},
			want: map[string]any{"services[0].memory": 8192},
		},
		{
			name: "apprunner is x86_64 only",
			in:   Spec{Region: "us-east-1", Target: TargetAppRunner, Network: Network{AZs: 2, NAT: NATSingle}, Services: []Service{{Name: "w", Port: 80, CPU: 256, Memory: 512, MinCount: 1, MaxCount: 1, HealthCheck: HealthCheck{Path: "/up"}, Runtime: Runtime{Language: "node"}}}},
			want: map[string]any{"services[0].architecture": "x86_64"},
		},
		{
			name: "unlisted runtime",
			in:   Spec{Region: "us-east-1", Target: TargetECSExpress, Network: Network{AZs: 2, NAT: NATSingle}, Services: []Service{{Name: "w", CPU: 256, Memory: 512, MinCount: 1, MaxCount: 1, Runtime: Runtime{Language: "cobol"}}}},
			want: map[string]any{"services[0].architecture": "x86_64"},
		},
		{
			name: "data stores",
			in: Spec{Region: "us-east-1", Target: TargetECSExpress, Network: Network{AZs: 2, NAT: NATSingle}, Databases: []Database{
				{Name: "p", Engine: "postgres"}, {Name: "m", Engine: "mysql"}, {Name: "ap", Engine: "aurora-postgres"}, {Name: "am", Engine: "aurora-mysql", Size: "db.r7g.large"},
				{Name: "set", Engine: "postgres", Version: "15", Size: "db.m7g.large", StorageGB: 100},
			}, Caches: []Cache{{Name: "r", Engine: "redis"}, {Name: "v", Engine: "valkey", Size: "cache.r7g.large"}}},
			want: map[string]any{
				"databases[0].version": "17", "databases[0].size": "db.t4g.micro", "databases[0].storage_gb": 20,
				"databases[1].version": "8.4", "databases[1].size": "db.t4g.micro", "databases[1].storage_gb": 20,
				"databases[2].version": "17", "databases[2].size": "serverless",
				"databases[3].version": "8.0",
				"caches[0].version":    "7.1", "caches[0].size": "cache.t4g.micro",
				"caches[1].version": "8.0",
			},
		},
		{
			name: "no network without something in a VPC",
			in:   Spec{Region: "us-east-1", Target: TargetECSExpress, Buckets: []Bucket{{Name: "b"}}, Queues: []Queue{{Name: "q"}}, StaticSites: []StaticSite{{Name: "s"}}},
			want: map[string]any{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Clone(&tt.in)
			got := map[string]any{}
			for _, d := range Defaults(s) {
				if d.Reason == "" {
					t.Errorf("%s: default %s has no reason", tt.name, d.Path)
				}
				if _, dup := got[d.Path]; dup {
					t.Errorf("%s: default %s reported twice", tt.name, d.Path)
				}
				got[d.Path] = d.Value
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: Defaults filled (-want +got):\n%s", tt.name, diff)
			}
			if again := Defaults(s); len(again) != 0 {
				t.Errorf("%s: second Defaults: got %v, want nothing", tt.name, again)
			}
			for _, e := range Validate(s) {
				if e.Path != "version" && e.Path != "name" {
					t.Errorf("%s: after Defaults, Validate: got %v, want no error", tt.name, e)
				}
			}
			// Defaults must leave set values alone.
			if tt.in.Region != "" && s.Region != tt.in.Region {
				t.Errorf("%s: Region: got %q, want %q kept", tt.name, s.Region, tt.in.Region)
			}
		})
	}
}

// TestDefaultMemoryIsValid checks that for every Fargate cpu the default
// memory is one Fargate accepts, and for every valid memory the chosen cpu
// accepts it.
func TestDefaultMemoryIsValid(t *testing.T) {
	for _, cpu := range FargateCPUs {
		s := &Spec{Version: 1, Name: "a", Services: []Service{{Name: "w", CPU: cpu}}}
		Defaults(s)
		if errs := Validate(s); len(errs) > 0 {
			t.Errorf("cpu %d: after Defaults got %v, want no errors", cpu, errs)
		}
		for _, mem := range FargateMemory(cpu) {
			s := &Spec{Version: 1, Name: "a", Services: []Service{{Name: "w", Memory: mem}}}
			Defaults(s)
			if errs := Validate(s); len(errs) > 0 {
				t.Errorf("memory %d: after Defaults got %v (cpu %d), want no errors", mem, errs, s.Services[0].CPU)
			}
		}
	}
}

func TestValidateNil(t *testing.T) {
	got := fmt.Sprint(Validate(nil))
	if got != "no spec" {
		t.Errorf("Validate(nil): got %q, want %q", got, "no spec")
	}
}
