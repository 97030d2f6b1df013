package spec

import (
	"fmt"
	"slices"
	"strings"
)

// Default is one value Defaults filled in, with why, so that callers can
// show it to the user as an assumption.
type Default struct {
	Path   string `json:"path"`
	Value  any    `json:"value"`
	Reason string `json:"reason"`
}

// Default values.
const (
	DefaultTarget       = TargetECSExpress
	DefaultAZs          = 2
	DefaultNAT          = NATSingle
	DefaultCPU          = 256
	DefaultMinCount     = 1
	DefaultMaxCount     = 3
	DefaultHealthCheck  = "/"
	DefaultDBSize       = "db.t4g.micro"
	DefaultAuroraSize   = "serverless"
	DefaultStorageGB    = 20
	DefaultCacheSize    = "cache.t4g.micro"
	DefaultArchitecture = "arm64"

	DefaultPartitionKey    = "id"
	DefaultFunctionMemory  = 512
	DefaultFunctionTimeout = 30
)

var defaultHandler = map[string]string{
	"node":   "index.handler",
	"python": "app.handler",
	"ruby":   "app.handler",
	"go":     "bootstrap",
	"rust":   "bootstrap",
}

var defaultDBVersion = map[string]string{
	"postgres":        "17",
	"aurora-postgres": "17",
	"mysql":           "8.4",
	"aurora-mysql":    "8.0",
}

var defaultCacheVersion = map[string]string{
	"redis":  "7.1",
	"valkey": "8.0",
}

// arm64Runtimes are the runtime languages whose official images and usual
// native dependencies are published for arm64. A service written in one of
// them defaults to arm64 (Graviton), which costs about 20% less on Fargate.
var arm64Runtimes = []string{"go", "node", "python", "java", "ruby", "php", "rust", "dotnet", "elixir", "deno", "bun"}

// Defaults fills the values s leaves unset and returns each one it filled,
// in file order, with its reason. It never overwrites a value that is set,
// and it does not fill version (a file must say which format it is in).
// Calling it twice changes nothing the second time.
//
// Choices that depend on other values:
//   - cpu: 256, or the smallest Fargate cpu that allows the memory given;
//     memory: the smallest size valid for the cpu.
//   - architecture: arm64 when the runtime language is known to run there
//     and the target is not apprunner (App Runner runs x86_64 only) and the
//     service is not an ecs-express web service (Express Mode runs x86_64);
//     otherwise x86_64, the safe choice for an image Hoist knows nothing of.
//   - health_check, for services with a port only (workers serve nothing).
//   - max_count: 3, or min_count if that is larger.
//   - network: only when something runs in a VPC (a service, database or
//     cache); buckets, queues and static sites need none.
//   - database size: db.t4g.micro, or "serverless" (Aurora Serverless v2)
//     for Aurora engines, which have no micro class; storage_gb only for
//     non-Aurora engines.
func Defaults(s *Spec) []Default {
	var out []Default
	set := func(path string, value any, reason string) {
		out = append(out, Default{Path: path, Value: value, Reason: reason})
	}
	if s.Region == "" {
		s.Region = DefaultRegion
		set("region", s.Region, "no region given; "+DefaultRegion+" is Hoist's default and has every service Hoist uses")
	}
	if s.Target == "" {
		s.Target = DefaultTarget
		set("target", s.Target, "ECS Express Mode (Fargate with a load balancer and autoscaling) is the default; App Runner is closed to new customers since 2026-04-30")
	}
	if len(s.Services) > 0 || len(s.Databases) > 0 || len(s.Caches) > 0 {
		if s.Network.AZs == 0 {
			s.Network.AZs = DefaultAZs
			set("network.azs", s.Network.AZs, "two availability zones is the least a load balancer and a Multi-AZ database accept, and the cheapest")
		}
		if s.Network.NAT == "" {
			s.Network.NAT = DefaultNAT
			set("network.nat", s.Network.NAT, "one NAT gateway shared by all zones gives private tasks internet access at a third of the cost of one per zone; outbound traffic stops if its zone fails")
		}
	}
	for i := range s.Services {
		svc := &s.Services[i]
		p := fmt.Sprintf("services[%d]", i)
		if svc.CPU == 0 {
			if svc.Memory != 0 && cpuForMemory(svc.Memory) != 0 {
				svc.CPU = cpuForMemory(svc.Memory)
				set(p+".cpu", svc.CPU, fmt.Sprintf("the smallest Fargate cpu that allows memory %d MiB", svc.Memory))
			} else {
				svc.CPU = DefaultCPU
				set(p+".cpu", svc.CPU, "a quarter vCPU, the smallest Fargate size; raise it if the service is CPU-bound")
			}
		}
		if svc.Memory == 0 {
			if valid := FargateMemory(svc.CPU); valid != nil {
				svc.Memory = valid[0]
				set(p+".memory", svc.Memory, fmt.Sprintf("the smallest memory Fargate allows with cpu %d", svc.CPU))
			}
		}
		if svc.Architecture == "" {
			lang := strings.ToLower(svc.Runtime.Language)
			switch {
			case s.Target == TargetAppRunner:
				svc.Architecture = "x86_64"
				set(p+".architecture", svc.Architecture, "App Runner runs x86_64 only")
			case s.Target == TargetECSExpress && svc.Port != 0:
				svc.Architecture = "x86_64"
				set(p+".architecture", svc.Architecture, "ECS Express Mode runs x86_64 tasks (it has no architecture setting); set arm64 to run this service as a classic Fargate service on Graviton instead")
			case slices.Contains(arm64Runtimes, lang):
				svc.Architecture = DefaultArchitecture
				set(p+".architecture", svc.Architecture, fmt.Sprintf("%s runs on arm64, and Graviton Fargate tasks cost about 20%% less than x86_64", lang))
			case lang == "":
				svc.Architecture = "x86_64"
				set(p+".architecture", svc.Architecture, "the runtime is unknown, so the image may not run on arm64; x86_64 is the safe choice")
			default:
				svc.Architecture = "x86_64"
				set(p+".architecture", svc.Architecture, fmt.Sprintf("Hoist does not know whether %s images run on arm64; x86_64 is the safe choice", lang))
			}
		}
		if svc.MinCount == 0 {
			svc.MinCount = DefaultMinCount
			set(p+".min_count", svc.MinCount, "one task always running, so the first request does not wait for a cold start")
		}
		if svc.MaxCount == 0 {
			svc.MaxCount = max(DefaultMaxCount, svc.MinCount)
			set(p+".max_count", svc.MaxCount, "room to scale out under load while capping the bill")
		}
		if svc.Port != 0 && svc.HealthCheck.Path == "" {
			svc.HealthCheck.Path = DefaultHealthCheck
			set(p+".health_check.path", svc.HealthCheck.Path, "the load balancer checks \"/\" unless told otherwise; a dedicated /healthz is better")
		}
	}
	for i := range s.Databases {
		db := &s.Databases[i]
		p := fmt.Sprintf("databases[%d]", i)
		aurora := strings.HasPrefix(db.Engine, "aurora-")
		if v, ok := defaultDBVersion[db.Engine]; ok && db.Version == "" {
			db.Version = v
			set(p+".version", db.Version, fmt.Sprintf("the newest %s major version Hoist supports", db.Engine))
		}
		if db.Size == "" {
			if aurora {
				db.Size = DefaultAuroraSize
				set(p+".size", db.Size, "Aurora Serverless v2 scales with load; Aurora has no micro instance class")
			} else {
				db.Size = DefaultDBSize
				set(p+".size", db.Size, "the smallest Graviton instance class, enough for development and light production")
			}
		}
		if db.StorageGB == 0 && !aurora {
			db.StorageGB = DefaultStorageGB
			set(p+".storage_gb", db.StorageGB, "20 GiB is the smallest gp3 volume RDS allocates")
		}
	}
	for i := range s.Tables {
		t := &s.Tables[i]
		if t.PartitionKey == "" {
			t.PartitionKey = DefaultPartitionKey
			set(fmt.Sprintf("tables[%d].partition_key", i), t.PartitionKey, "a string key named id; set partition_key to match your items")
		}
	}
	for i := range s.Functions {
		f := &s.Functions[i]
		p := fmt.Sprintf("functions[%d]", i)
		if f.Memory == 0 {
			f.Memory = DefaultFunctionMemory
			set(p+".memory", f.Memory, "512 MB gives a Lambda function a third of a vCPU; raise it for CPU-bound work")
		}
		if f.Timeout == 0 {
			f.Timeout = DefaultFunctionTimeout
			set(p+".timeout", f.Timeout, "30 seconds matches API Gateway's integration timeout")
		}
		if f.Architecture == "" {
			f.Architecture = DefaultArchitecture
			set(p+".architecture", f.Architecture, "arm64 (Graviton) Lambda costs about 20% less per GB-second")
		}
		if f.Handler == "" {
			if h, ok := defaultHandler[f.Runtime.Language]; ok {
				f.Handler = h
				set(p+".handler", f.Handler, "the conventional entry point for "+f.Runtime.Language)
			}
		}
	}
	for i := range s.Caches {
		c := &s.Caches[i]
		p := fmt.Sprintf("caches[%d]", i)
		if v, ok := defaultCacheVersion[c.Engine]; ok && c.Version == "" {
			c.Version = v
			set(p+".version", c.Version, fmt.Sprintf("the newest %s version ElastiCache offers that Hoist supports", c.Engine))
		}
		if c.Size == "" {
			c.Size = DefaultCacheSize
			set(p+".size", c.Size, "the smallest Graviton node type")
		}
	}
	return out
}
