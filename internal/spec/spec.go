package spec

// Version is the hoist.yaml format version this package reads and writes.
const Version = 1

// Deployment targets.
const (
	TargetECSExpress = "ecs-express"
	TargetECSFargate = "ecs-fargate"
	TargetAppRunner  = "apprunner"
)

// Targets lists the valid values of Spec.Target.
var Targets = []string{TargetECSExpress, TargetECSFargate, TargetAppRunner}

// Database engines.
var DatabaseEngines = []string{"postgres", "mysql", "aurora-postgres", "aurora-mysql"}

// Cache engines.
var CacheEngines = []string{"redis", "valkey"}

// NAT modes.
const (
	NATNone   = "none"
	NATSingle = "single"
	NATPerAZ  = "per-az"
)

// NATModes lists the valid values of Network.NAT.
var NATModes = []string{NATNone, NATSingle, NATPerAZ}

// DefaultRegion is used when hoist.yaml names none.
const DefaultRegion = "us-east-1"

// Spec is the whole of hoist.yaml.
type Spec struct {
	Version     int          `yaml:"version" json:"version"`
	Name        string       `yaml:"name" json:"name"`
	Region      string       `yaml:"region,omitempty" json:"region,omitempty"`
	Target      string       `yaml:"target,omitempty" json:"target,omitempty"`
	Environment string       `yaml:"environment,omitempty" json:"environment,omitempty"`
	Network     Network      `yaml:"network,omitempty" json:"network,omitzero"`
	Services    []Service    `yaml:"services,omitempty" json:"services,omitempty"`
	Databases   []Database   `yaml:"databases,omitempty" json:"databases,omitempty"`
	Caches      []Cache      `yaml:"caches,omitempty" json:"caches,omitempty"`
	Queues      []Queue      `yaml:"queues,omitempty" json:"queues,omitempty"`
	Buckets     []Bucket     `yaml:"buckets,omitempty" json:"buckets,omitempty"`
	StaticSites []StaticSite `yaml:"static_sites,omitempty" json:"static_sites,omitempty"`
	Topics      []Topic      `yaml:"topics,omitempty" json:"topics,omitempty"`
	Tables      []Table      `yaml:"tables,omitempty" json:"tables,omitempty"`
	Functions   []Function   `yaml:"functions,omitempty" json:"functions,omitempty"`
}

// Network is the VPC shape.
type Network struct {
	// AZs is how many availability zones to spread over (2 or 3).
	AZs int `yaml:"azs,omitempty" json:"azs,omitempty"`
	// NAT is none, single or per-az.
	NAT string `yaml:"nat,omitempty" json:"nat,omitempty"`
	// Endpoints adds VPC endpoints (ECR, S3, logs, Secrets Manager) so private
	// tasks can pull images without NAT.
	Endpoints bool `yaml:"endpoints,omitempty" json:"endpoints,omitempty"`
}

// Service is a container service.
type Service struct {
	Name string `yaml:"name" json:"name"`
	// Path is the service's folder relative to hoist.yaml.
	Path    string  `yaml:"path,omitempty" json:"path,omitempty"`
	Build   Build   `yaml:"build,omitempty" json:"build,omitzero"`
	Runtime Runtime `yaml:"runtime,omitempty" json:"runtime,omitzero"`
	// Command overrides the image's start command.
	Command string `yaml:"command,omitempty" json:"command,omitempty"`
	// Port the container listens on; 0 for a worker.
	Port int `yaml:"port,omitempty" json:"port,omitempty"`
	// CPU in ECS CPU units (1024 = 1 vCPU): 256, 512, 1024, 2048, 4096, 8192, 16384.
	CPU int `yaml:"cpu,omitempty" json:"cpu,omitempty"`
	// Memory in MiB.
	Memory int `yaml:"memory,omitempty" json:"memory,omitempty"`
	// Architecture is x86_64 or arm64.
	Architecture string      `yaml:"architecture,omitempty" json:"architecture,omitempty"`
	MinCount     int         `yaml:"min_count,omitempty" json:"min_count,omitempty"`
	MaxCount     int         `yaml:"max_count,omitempty" json:"max_count,omitempty"`
	Public       bool        `yaml:"public,omitempty" json:"public,omitempty"`
	HealthCheck  HealthCheck `yaml:"health_check,omitempty" json:"health_check,omitzero"`
	// Env lists environment variable names the service reads; values are
	// supplied at deploy time, never stored here.
	Env []string `yaml:"env,omitempty" json:"env,omitempty"`
	// Secrets lists secret names, injected from Secrets Manager.
	Secrets []string `yaml:"secrets,omitempty" json:"secrets,omitempty"`
	// DependsOn names databases, caches, queues, buckets or services this
	// service talks to; it decides IAM permissions and security group rules.
	DependsOn []string `yaml:"depends_on,omitempty" json:"depends_on,omitempty"`
	// Domain is a custom domain; with it the load balancer serves HTTPS.
	Domain string `yaml:"domain,omitempty" json:"domain,omitempty"`
}

// Build says how to build the service's image.
type Build struct {
	Dockerfile string `yaml:"dockerfile,omitempty" json:"dockerfile,omitempty"`
	Context    string `yaml:"context,omitempty" json:"context,omitempty"`
}

// Runtime is the language the service is written in.
type Runtime struct {
	Language string `yaml:"language,omitempty" json:"language,omitempty"`
	Version  string `yaml:"version,omitempty" json:"version,omitempty"`
}

// HealthCheck is the HTTP health check.
type HealthCheck struct {
	Path string `yaml:"path,omitempty" json:"path,omitempty"`
}

// Database is a relational database.
type Database struct {
	Name    string `yaml:"name" json:"name"`
	Engine  string `yaml:"engine" json:"engine"`
	Version string `yaml:"version,omitempty" json:"version,omitempty"`
	// Size is the instance class, e.g. db.t4g.micro; for Aurora Serverless
	// v2 it may be "serverless".
	Size      string `yaml:"size,omitempty" json:"size,omitempty"`
	StorageGB int    `yaml:"storage_gb,omitempty" json:"storage_gb,omitempty"`
	MultiAZ   bool   `yaml:"multi_az,omitempty" json:"multi_az,omitempty"`
}

// Cache is an in-memory cache.
type Cache struct {
	Name    string `yaml:"name" json:"name"`
	Engine  string `yaml:"engine" json:"engine"`
	Version string `yaml:"version,omitempty" json:"version,omitempty"`
	// Size is the node type, e.g. cache.t4g.micro.
	Size string `yaml:"size,omitempty" json:"size,omitempty"`
}

// Queue is an SQS queue (always with a dead-letter queue).
type Queue struct {
	Name string `yaml:"name" json:"name"`
	FIFO bool   `yaml:"fifo,omitempty" json:"fifo,omitempty"`
}

// Bucket is a private S3 bucket.
type Bucket struct {
	Name       string `yaml:"name" json:"name"`
	Versioning bool   `yaml:"versioning,omitempty" json:"versioning,omitempty"`
}

// StaticSite is a site built to files and served from S3 through CloudFront.
type StaticSite struct {
	Name         string `yaml:"name" json:"name"`
	Path         string `yaml:"path,omitempty" json:"path,omitempty"`
	BuildCommand string `yaml:"build_command,omitempty" json:"build_command,omitempty"`
	OutputDir    string `yaml:"output_dir,omitempty" json:"output_dir,omitempty"`
	Domain       string `yaml:"domain,omitempty" json:"domain,omitempty"`
}

// Topic is an SNS topic.
type Topic struct {
	Name string `yaml:"name" json:"name"`
	FIFO bool   `yaml:"fifo,omitempty" json:"fifo,omitempty"`
	// Subscribers names queues (delivered through an SQS subscription) or
	// functions (invoked) that receive every message.
	Subscribers []string `yaml:"subscribers,omitempty" json:"subscribers,omitempty"`
}

// Table is a DynamoDB table, on demand, with point-in-time recovery.
type Table struct {
	Name string `yaml:"name" json:"name"`
	// PartitionKey and SortKey are string attribute names.
	PartitionKey string `yaml:"partition_key,omitempty" json:"partition_key,omitempty"`
	SortKey      string `yaml:"sort_key,omitempty" json:"sort_key,omitempty"`
	// TTLAttribute names an attribute holding an expiry time, if any.
	TTLAttribute string `yaml:"ttl_attribute,omitempty" json:"ttl_attribute,omitempty"`
}

// Function is an AWS Lambda function, optionally behind an HTTP API.
type Function struct {
	Name string `yaml:"name" json:"name"`
	// Path is the function's code folder relative to hoist.yaml.
	Path    string  `yaml:"path,omitempty" json:"path,omitempty"`
	Runtime Runtime `yaml:"runtime,omitempty" json:"runtime,omitzero"`
	// Handler is the entry point, e.g. index.handler or app.main.handler.
	Handler string `yaml:"handler,omitempty" json:"handler,omitempty"`
	// Memory in MB (128-10240); Timeout in seconds (1-900).
	Memory       int    `yaml:"memory,omitempty" json:"memory,omitempty"`
	Timeout      int    `yaml:"timeout,omitempty" json:"timeout,omitempty"`
	Architecture string `yaml:"architecture,omitempty" json:"architecture,omitempty"`
	// HTTP puts the function behind an API Gateway HTTP API.
	HTTP      bool     `yaml:"http,omitempty" json:"http,omitempty"`
	Env       []string `yaml:"env,omitempty" json:"env,omitempty"`
	Secrets   []string `yaml:"secrets,omitempty" json:"secrets,omitempty"`
	DependsOn []string `yaml:"depends_on,omitempty" json:"depends_on,omitempty"`
}

// FunctionRuntimes maps a runtime language to the Lambda runtimes Hoist
// accepts for it, newest first.
var FunctionRuntimes = map[string][]string{
	"node":   {"nodejs24.x", "nodejs22.x"},
	"python": {"python3.13", "python3.12", "python3.11"},
	"java":   {"java21", "java17"},
	"ruby":   {"ruby3.4", "ruby3.3"},
	"dotnet": {"dotnet8"},
	"go":     {"provided.al2023"},
	"rust":   {"provided.al2023"},
}
