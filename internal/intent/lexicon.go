package intent

import (
	"sort"
	"strings"
)

// cat is a lexical category: what role a word or phrase can play in the
// grammar (see doc.go).
type cat uint8

const (
	cUnknown cat = iota // a content word the lexicon does not know
	cStop               // filler: articles, pronouns, "I need", "please"
	cHead               // a component noun: "database", "worker", "S3 bucket"
	cEngine             // a data engine, which implies its component: "Postgres", "Redis"
	cLang               // a runtime language or framework: "Python", "Rails", "React"
	cAttr               // a flag: "multi-AZ", "FIFO", "private", "Graviton"
	cSize               // a size word: "small", "large"
	cEnv                // an environment: "production", "dev"
	cTarget             // a deployment target: "Fargate", "App Runner"
	cRegion             // a region by name: "Ireland", "Frankfurt"
	cUnit               // a unit after a number: "GB", "vCPU", "tasks", "AZs", "days"
	cField              // a field keyword before or after its value: "port", "memory"
	cName               // "called", "named": the next word is a name
	cDet                // a determiner: val "def", "indef" or "all"
	cNumWord            // a number word: "two", "a couple of"
	cVerb               // an edit verb: add, remove, modify, connect, disconnect, rename, enable
	cRel                // a relation between a service and another component
	cNeg                // a negation: "no", "without", "don't need"
	cPrep               // a preposition that steers attachment: with, for, to, from, in, on
	cRange              // range words: between, up to, at least, max
	cAnd                // and, plus, &, comma
	cOr                 // or
	cPron               // it, them
	cNoop               // understood, and always true of what Hoist builds: "encrypted", "ECR"
	cUnsupp             // understood, but hoist.yaml cannot express it: "EC2", "WAF"
	cPayload            // what flows through a component: "images", "jobs"; a name in a name slot
	cPerAZ              // "per AZ", "in each zone"
)

// Component kinds. The first nine are spec lists; the rest are parts of
// the network or front doors that heads can name.
type kind uint8

const (
	kNone kind = iota
	kService
	kDatabase
	kCache
	kQueue
	kTopic
	kTable
	kBucket
	kSite
	kFunction
	kNetwork   // VPC, subnets
	kNAT       // NAT gateway
	kLB        // load balancer
	kEndpoints // VPC endpoints
	kAPIGW     // API Gateway
	kApp       // the application as a whole: "project", "stack"
)

var kindNames = [...]string{"", "service", "database", "cache", "queue", "topic", "table", "bucket", "static site", "function", "network", "NAT gateway", "load balancer", "VPC endpoints", "API Gateway", "application"}

func (k kind) String() string { return kindNames[k] }

// isComponent reports whether k is a spec list item.
func (k kind) isComponent() bool { return k >= kService && k <= kFunction }

// isCompute reports whether k runs code that can depend on other things.
func (k kind) isCompute() bool { return k == kService || k == kFunction }

// sense is one meaning of a lexicon entry.
type sense struct {
	cat  cat
	val  string // category-specific value
	kind kind   // cHead, cEngine: the component it names or implies
	role string // cHead of a service: api, web, worker, app; of a site: frontend, site
}

type lexEntry struct {
	phrase string // lowercase words separated by single spaces
	sense  sense
}

func head(k kind, role string) sense     { return sense{cat: cHead, kind: k, role: role} }
func engineSense(k kind, v string) sense { return sense{cat: cEngine, kind: k, val: v} }
func of(c cat, v string) sense           { return sense{cat: c, val: v} }
func words(c cat, v string, ps ...string) []lexEntry {
	out := make([]lexEntry, len(ps))
	for i, p := range ps {
		out[i] = lexEntry{p, of(c, v)}
	}
	return out
}
func heads(k kind, role string, ps ...string) []lexEntry {
	out := make([]lexEntry, len(ps))
	for i, p := range ps {
		out[i] = lexEntry{p, head(k, role)}
	}
	return out
}

// lexicon is every word and phrase the engine knows, in one ordered list.
// Where a phrase is listed twice the first meaning wins.
var lexicon = joinEntries(
	// Compute.
	heads(kService, "api", "api", "apis", "rest api", "restful api", "graphql api", "graphql server", "json api", "api server", "api service", "backend api", "web api", "http service", "grpc service"),
	heads(kService, "backend", "backend", "back end", "back-end", "backend service", "backend server"),
	heads(kService, "web", "web app", "webapp", "web application", "web service", "web server", "website", "web site", "web frontend", "web ui", "dashboard app", "portal", "admin panel", "web portal"),
	heads(kService, "worker", "worker", "workers", "background worker", "worker service", "job runner", "job worker", "queue worker", "consumer", "queue consumer", "processor", "background job", "background jobs", "background processor", "daemon"),
	heads(kService, "app", "app", "apps", "application", "service", "services", "microservice", "microservices", "server", "container", "containers", "docker container", "container service", "containerized app", "containerized service"),
	heads(kFunction, "", "lambda", "lambdas", "lambda function", "lambda functions", "function", "functions", "serverless function", "serverless functions", "aws lambda", "cloud function"),
	heads(kSite, "site", "site", "sites", "static site", "static sites", "static website", "static web site", "static web app", "landing page", "static frontend", "static hosting", "jamstack site"),
	// The CDN of a static site: the same site when one is named.
	heads(kSite, "cdn", "cdn", "cdns", "cloudfront", "cloudfront cdn", "cloudfront distribution", "cloud front", "cdn distribution", "content delivery network"),
	heads(kSite, "frontend", "frontend", "front end", "front-end", "spa", "single page app", "single-page app", "single page application", "single-page application", "ui"),
	// Data.
	heads(kDatabase, "", "database", "databases", "db", "dbs", "rds", "rds instance", "rds database", "relational database", "sql database", "database server", "datastore", "data store"),
	[]lexEntry{
		{"postgres", engineSense(kDatabase, "postgres")}, {"postgresql", engineSense(kDatabase, "postgres")}, {"postgre", engineSense(kDatabase, "postgres")},
		{"psql", engineSense(kDatabase, "postgres")}, {"rds postgres", engineSense(kDatabase, "postgres")}, {"rds postgresql", engineSense(kDatabase, "postgres")},
		{"mysql", engineSense(kDatabase, "mysql")}, {"rds mysql", engineSense(kDatabase, "mysql")},
		{"aurora postgres", engineSense(kDatabase, "aurora-postgres")}, {"aurora postgresql", engineSense(kDatabase, "aurora-postgres")},
		{"aurora mysql", engineSense(kDatabase, "aurora-mysql")}, {"aurora serverless", engineSense(kDatabase, "aurora-serverless")},
		{"aurora serverless v2", engineSense(kDatabase, "aurora-serverless")}, {"aurora", engineSense(kDatabase, "aurora")},
		{"redis", engineSense(kCache, "redis")}, {"valkey", engineSense(kCache, "valkey")}, {"elasticache redis", engineSense(kCache, "redis")},
		{"elasticache valkey", engineSense(kCache, "valkey")}, {"redis cluster", engineSense(kCache, "redis")},
		{"dynamodb", engineSense(kTable, "dynamodb")}, {"dynamo", engineSense(kTable, "dynamodb")}, {"dynamo db", engineSense(kTable, "dynamodb")}, {"ddb", engineSense(kTable, "dynamodb")},
		{"sqs", engineSense(kQueue, "sqs")}, {"sns", engineSense(kTopic, "sns")}, {"s3", engineSense(kBucket, "s3")}, {"amazon s3", engineSense(kBucket, "s3")},
	},
	heads(kCache, "", "cache", "caches", "elasticache", "in-memory cache", "memory cache", "caching layer", "cache cluster", "session store", "session cache"),
	heads(kQueue, "", "queue", "queues", "sqs queue", "message queue", "job queue", "task queue", "work queue", "messaging queue"),
	heads(kTopic, "", "topic", "topics", "sns topic", "pub/sub", "pubsub", "pub sub", "notification topic", "fan-out topic", "fanout topic"),
	heads(kTable, "", "table", "tables", "dynamodb table", "nosql table", "nosql database", "key-value store", "key value store", "kv store", "document store"),
	heads(kBucket, "", "bucket", "buckets", "s3 bucket", "s3 buckets", "storage bucket", "object storage", "object store", "file storage", "blob storage", "file store", "s3 storage"),
	// Network and front doors.
	heads(kNetwork, "", "vpc", "network", "networking", "virtual private cloud", "subnet", "subnets", "public subnets", "private subnets", "public and private subnets", "private and public subnets", "public subnet", "private subnet", "private networking"),
	heads(kNAT, "", "nat", "nat gateway", "nat gateways", "nat gw", "nat gws", "nat instance", "natgw"),
	heads(kLB, "alb", "alb", "albs", "load balancer", "load balancers", "application load balancer", "elb", "loadbalancer", "lb", "load-balancer"),
	heads(kLB, "internal", "internal alb", "internal load balancer"),
	heads(kEndpoints, "", "vpc endpoints", "vpc endpoint", "endpoints", "privatelink", "private link", "interface endpoints", "gateway endpoints"),
	heads(kAPIGW, "", "api gateway", "apigateway", "api gw", "http api", "amazon api gateway", "rest endpoint", "http endpoint", "function url", "http trigger"),
	heads(kApp, "", "project", "stack", "system", "platform", "product", "workload", "solution"),
	// Languages and frameworks.
	words(cLang, "node", "node", "nodejs", "node.js", "javascript", "js", "typescript", "ts", "express", "express.js", "nestjs", "nest.js", "next.js", "nextjs", "nuxt", "remix", "fastify", "koa", "deno", "bun"),
	words(cLang, "python", "python", "python3", "py", "django", "flask", "fastapi", "celery"),
	words(cLang, "go", "go", "golang", "gin"),
	words(cLang, "java", "java", "spring", "spring boot", "kotlin", "jvm", "quarkus"),
	words(cLang, "ruby", "ruby", "rails", "ruby on rails", "sinatra", "sidekiq"),
	words(cLang, "php", "php", "laravel", "symfony"),
	words(cLang, "rust", "rust", "actix", "axum"),
	words(cLang, "dotnet", "dotnet", ".net", "c#", "csharp", "asp.net"),
	words(cLang, "elixir", "elixir", "phoenix"),
	words(cLang, "site", "react", "vue", "vue.js", "angular", "svelte", "sveltekit", "gatsby", "hugo", "jekyll", "astro", "vite", "create react app", "static html", "html"),
	// Flags.
	words(cAttr, "multiaz", "multi-az", "multi az", "multiaz", "multi-availability-zone", "multi availability zone", "multi-zone", "multi zone", "standby", "with a standby", "failover"),
	words(cAttr, "ha", "highly available", "highly-available", "high availability", "high-availability", "ha", "fault tolerant", "fault-tolerant", "redundant", "resilient"),
	words(cAttr, "fifo", "fifo", "ordered", "exactly once", "exactly-once", "in order"),
	words(cAttr, "versioned", "versioned", "versioning", "object versioning", "with versions"),
	words(cAttr, "public", "public", "publicly accessible", "internet-facing", "internet facing", "public-facing", "public facing", "exposed", "reachable from the internet", "accessible from the internet", "open to the internet", "on the internet", "external"),
	words(cAttr, "private", "private", "internal", "internal-only", "private-only", "intranet", "not public", "vpc-only", "inside the vpc"),
	words(cAttr, "arm64", "graviton", "graviton2", "graviton3", "graviton4", "arm", "arm64", "aarch64", "arm-based"),
	words(cAttr, "x86_64", "x86", "x86_64", "x86-64", "amd64", "intel", "amd"),
	words(cAttr, "serverless", "serverless"),
	words(cAttr, "http", "http", "https endpoint", "web endpoint"),
	words(cPerAZ, "", "per az", "per-az", "per zone", "in each az", "in every az", "each az", "per availability zone", "in each availability zone", "in each zone", "in every zone", "for each az", "one per az", "per subnet"),
	words(cSize, "micro", "micro", "tiny", "smallest"),
	words(cSize, "small", "small"),
	words(cSize, "medium", "medium", "mid-sized", "midsize"),
	words(cSize, "large", "large", "big", "beefy"),
	words(cSize, "xlarge", "xlarge", "extra large", "huge"),
	words(cEnv, "production", "production", "prod", "production-ready", "production ready", "production-grade", "production grade", "live"),
	words(cEnv, "dev", "development", "dev", "sandbox", "demo", "prototype", "poc", "proof of concept", "hobby project", "side project"),
	words(cEnv, "staging", "staging", "stage", "preprod", "pre-production"),
	words(cEnv, "test", "test", "testing", "qa"),
	words(cTarget, "ecs-fargate", "fargate", "ecs fargate", "aws fargate", "classic fargate", "ecs on fargate"),
	words(cTarget, "ecs-express", "express mode", "ecs express", "ecs express mode", "express gateway"),
	words(cTarget, "apprunner", "app runner", "apprunner", "aws app runner"),
	// Regions by place name.
	words(cRegion, "us-east-1", "virginia", "n. virginia", "northern virginia", "north virginia", "us east", "us-east", "east coast"),
	words(cRegion, "us-east-2", "ohio"),
	words(cRegion, "us-west-2", "oregon", "us west", "west coast"),
	words(cRegion, "us-west-1", "california", "n. california", "northern california"),
	words(cRegion, "eu-west-1", "ireland", "dublin", "europe", "the eu"),
	words(cRegion, "eu-west-2", "london", "uk", "united kingdom", "britain"),
	words(cRegion, "eu-west-3", "paris", "france"),
	words(cRegion, "eu-central-1", "frankfurt", "germany"),
	words(cRegion, "eu-north-1", "stockholm", "sweden"),
	words(cRegion, "eu-south-1", "milan", "italy"),
	words(cRegion, "ap-northeast-1", "tokyo", "japan"),
	words(cRegion, "ap-northeast-2", "seoul", "korea"),
	words(cRegion, "ap-southeast-1", "singapore"),
	words(cRegion, "ap-southeast-2", "sydney", "australia"),
	words(cRegion, "ap-south-1", "mumbai", "india"),
	words(cRegion, "ca-central-1", "canada", "montreal", "central canada"),
	words(cRegion, "sa-east-1", "sao paulo", "são paulo", "brazil"),
	words(cRegion, "us-gov-west-1", "govcloud", "gov cloud", "aws govcloud", "govcloud west", "us govcloud"),
	words(cRegion, "us-gov-east-1", "govcloud east"),
	// Units.
	words(cUnit, "gb", "gb", "gib", "gig", "gigs", "gigabyte", "gigabytes", "g", "gbs"),
	words(cUnit, "mb", "mb", "mib", "megabyte", "megabytes", "megs"),
	words(cUnit, "tb", "tb", "tib", "terabyte", "terabytes"),
	words(cUnit, "vcpu", "vcpu", "vcpus", "v cpu", "cpu", "cpus", "core", "cores", "vcores"),
	words(cUnit, "cpuunits", "cpu units", "cpu unit"),
	words(cUnit, "task", "task", "tasks", "instance", "instances", "replica", "replicas", "copies", "copy", "nodes"),
	words(cUnit, "az", "az", "azs", "availability zone", "availability zones", "zone", "zones", "data centers"),
	words(cUnit, "day", "day", "days", "d"),
	words(cUnit, "week", "week", "weeks"),
	words(cUnit, "month", "month", "months"),
	words(cUnit, "year", "year", "years"),
	words(cUnit, "second", "second", "seconds", "sec", "secs", "s"),
	words(cUnit, "minute", "minute", "minutes", "mins", "m"),
	words(cUnit, "hour", "hour", "hours", "hr", "hrs", "h"),
	// Field keywords.
	words(cField, "memory", "memory", "ram", "mem"),
	words(cField, "cpu", "compute"),
	words(cField, "storage", "storage", "disk", "disk space", "volume", "allocated storage", "ebs", "of storage", "space"),
	words(cField, "port", "port", "listening on", "listens on", "listen on", "listening on port", "listens on port", "serves on"),
	words(cField, "version", "version", "v", "ver"),
	words(cField, "timeout", "timeout", "time out", "time limit", "timeouts"),
	words(cField, "health", "health check", "healthcheck", "health checks", "health check path", "health endpoint", "health path", "readiness check"),
	words(cField, "pkey", "partition key", "hash key", "primary key", "pk", "keyed by", "key"),
	words(cField, "skey", "sort key", "range key", "sk"),
	words(cField, "ttl", "ttl", "ttl attribute", "time to live", "expiry attribute", "expire items"),
	words(cField, "secret", "secret", "secrets", "secret named", "secret called"),
	words(cField, "env", "env var", "env vars", "environment variable", "environment variables", "envvar", "env", "config var", "config vars"),
	words(cField, "domain", "domain", "custom domain", "hostname", "route 53", "route53", "dns", "hosted zone", "domain name", "subdomain"),
	words(cField, "retention", "retention", "retain", "retained", "kept", "keep"),
	words(cField, "size", "size", "instance class", "instance type", "node type", "instance size", "class"),
	words(cField, "name", "name", "app name", "project name"),
	words(cName, "", "called", "named", "name it", "call it", "titled"),
	// Determiners and numbers.
	words(cDet, "indef", "a", "an", "another", "new", "additional", "extra", "some", "one more", "a new"),
	words(cDet, "def", "the", "this", "these", "those", "its", "their", "our", "my", "existing", "current", "that one"),
	words(cDet, "all", "all", "all the", "every", "each", "both", "all of the", "everything"),
	words(cNumWord, "1", "one", "single", "a single"),
	words(cNumWord, "2", "two", "a couple of", "a pair of", "couple", "twice"),
	words(cNumWord, "3", "three"), words(cNumWord, "4", "four"), words(cNumWord, "5", "five"),
	words(cNumWord, "6", "six"), words(cNumWord, "7", "seven"), words(cNumWord, "8", "eight"),
	words(cNumWord, "9", "nine"), words(cNumWord, "10", "ten"), words(cNumWord, "12", "twelve", "a dozen", "dozen"),
	words(cNumWord, "20", "twenty"), words(cNumWord, "0.5", "half", "half a"), words(cNumWord, "0.25", "quarter", "a quarter of a", "quarter of a"),
	// Verbs.
	words(cVerb, "add", "add", "adding", "added", "create", "creating", "provision", "set up", "setup", "spin up", "stand up", "bring up", "include", "introduce", "launch", "i need", "we need", "need", "i want", "we want", "want", "give me", "deploy"),
	words(cVerb, "remove", "remove", "delete", "drop", "get rid of", "take out", "tear down", "destroy", "decommission", "kill", "eliminate", "retire", "no longer need", "don't need the", "do not need the", "rip out", "ditch", "lose"),
	words(cVerb, "modify", "make", "set", "change", "switch", "move", "turn", "update", "upgrade", "bump", "increase", "raise", "decrease", "lower", "reduce", "resize", "convert", "migrate", "give", "configure", "put", "scale", "autoscale", "run", "use", "allocate", "pin", "downgrade", "shrink", "grow", "open", "expose"),
	words(cVerb, "enable", "enable", "turn on", "switch on", "activate"),
	words(cVerb, "disable", "disable", "turn off", "switch off", "deactivate"),
	words(cVerb, "connect", "connect", "link", "hook up", "wire", "wire up", "let", "allow", "grant", "plug"),
	words(cVerb, "disconnect", "disconnect", "unlink", "detach", "revoke", "cut off"),
	words(cVerb, "rename", "rename", "call the", "name the"),
	// Relations: a subject (the nearest service) and an object.
	words(cRel, "consume", "consumes", "consumes from", "consume", "consuming", "pulls from", "pulling from", "polls", "polling", "processes", "processing", "process", "drains", "reads messages from", "gets messages from", "receives from", "listens to", "listening to", "triggered by", "fed by", "processes jobs from", "picks up jobs from", "works off"),
	words(cRel, "fwd", "connected to", "connects to", "connecting to", "talks to", "talk to", "talking to", "uses", "using", "with access to", "has access to", "needs access to", "access to", "accesses",
		"reads from", "read from", "reading from", "reads", "writes to", "write to", "writing to", "writes", "reads and writes", "reads and writes to", "reads from and writes to",
		"sends to", "send to", "sends jobs to", "sends messages to", "sending to", "publishes to", "publish to", "publishing to", "pushes to", "push to", "enqueues to", "enqueues", "enqueue to", "puts messages on", "posts to",
		"stores in", "store in", "stores to", "storing in", "stores files in", "saves to", "save to", "saving to", "uploads to", "upload to", "persists to", "puts files in", "stores data in", "keeps data in",
		"queries", "query", "calls", "call", "calling", "invokes", "depends on", "depend on", "depending on", "relies on", "backed by", "on top of", "caches in", "caching in", "caches with",
		"invoked by"),
	words(cRel, "fwd", "sharing", "share", "shares", "shared with"),
	words(cRel, "sub", "subscribes to", "subscribed to", "subscribe to", "subscribing to"),
	words(cRel, "rev", "used by", "read by", "written by", "accessed by", "consumed by", "processed by", "shared by", "polled by", "drained by", "queried by", "called by", "handled by"),
	words(cRel, "feeds", "feeds", "feeding", "fans out to", "fan out to", "fanning out to", "delivers to", "delivering to", "triggers", "trigger", "notifies", "forwards to"),
	words(cRel, "behind", "behind", "fronted by", "served by", "served through", "exposed through", "exposed via", "routed through"),
	words(cRel, "front", "in front of", "forwarding to", "routing to", "that routes to", "pointing to", "points to"),
	// Negation, prepositions, conjunctions, pronouns.
	words(cNeg, "", "no", "not", "without", "don't", "dont", "do not", "doesn't", "does not", "never", "none", "w/o", "skip", "without any", "no more", "no longer", "not any longer", "shouldn't", "should not", "won't", "will not", "didn't", "isn't", "is not", "aren't", "are not"),
	words(cNeg, "need", "no need for", "don't need", "do not need", "don't want", "do not want", "doesn't need", "does not need", "doesn't want", "does not want"),
	words(cNeg, "stop", "stop", "stops", "stopped", "quit", "quits"),
	words(cPrep, "with", "with", "w/", "having", "that has", "which has", "including", "backed up by"),
	words(cPrep, "for", "for"),
	words(cPrep, "to", "to", "into", "onto"),
	words(cPrep, "from", "from"),
	words(cPrep, "in", "in", "inside", "within", "across", "over", "spread across", "spread over", "spanning", "at"),
	words(cPrep, "on", "on", "via", "through", "as"),
	words(cPrep, "of", "of"),
	words(cRange, "between", "between"),
	words(cRange, "upto", "up to", "upto", "at most", "no more than", "max", "maximum", "max of", "maximum of", "a maximum of", "as many as", "scale out to", "scaling to", "scales to", "autoscaling to", "autoscale to", "scale up to", "burst to", "peak of", "ceiling of"),
	words(cRange, "atleast", "at least", "min", "minimum", "min of", "minimum of", "a minimum of", "no fewer than", "never fewer than", "always", "baseline of", "floor of"),
	words(cRange, "dash", "-", "–", "—", "~"),
	words(cAnd, "", "and", "&", "plus", "along with", "as well as", "together with", "+", ",", "also", "and also", "then", "and then"),
	words(cOr, "", "or", "nor", "/"),
	words(cPron, "", "it", "them", "they", "this one"),
	// Understood and always true of what Hoist builds.
	words(cNoop, "https", "https", "tls", "ssl", "certificate", "certificates", "acm", "acm certificate", "cert", "ssl certificate", "tls certificate", "https only", "https listener"),
	words(cNoop, "", "encrypted", "encryption", "encrypt", "encryption at rest", "at rest", "in transit", "kms", "kms key", "kms keys", "customer managed key", "customer-managed key", "cmk", "encrypted at rest",
		"ecr", "container registry", "image registry", "ecr repository", "docker registry", "codebuild", "pipeline", "ci/cd", "cicd", "ci", "cd", "build pipeline", "deployment pipeline", "deploy pipeline",
		"alarms", "alarm", "cloudwatch", "cloudwatch alarms", "monitoring", "alerts", "alerting", "logs", "logging", "cloudwatch logs", "log group", "log groups", "centralized logging",
		"backups", "backup", "automated backups", "daily backups", "point in time recovery", "point-in-time recovery", "pitr", "snapshots",
		"secrets manager", "aws secrets manager", "parameter store", "ssm", "iam", "iam role", "iam roles", "iam policy", "least privilege", "least-privilege", "security group", "security groups", "firewall rules",
		"autoscaling", "auto scaling", "auto-scaling", "autoscales", "autoscaled", "scalable", "scales", "scaling", "health checked", "dead letter queue", "dead-letter queue", "dlq", "flow logs", "vpc flow logs",
		"docker", "dockerfile", "dockerized", "containerized", "containerised", "ecs", "ecs service", "ecs cluster", "ecs tasks", "amazon ecs", "cluster", "aws", "amazon", "amazon web services", "cloud", "infrastructure", "infra",
		"deployment", "deployments", "cloudformation", "terraform", "cdk", "iac", "infrastructure as code", "compression", "gzip", "security headers", "x-ray", "xray", "tracing", "hoist", "hoist.yaml",
		"secure", "securely", "best practices", "best practice", "compliant", "nist", "fedramp", "hipaa", "soc2", "soc 2", "cost effective", "cost-effective", "cheap", "cheapest", "low cost", "budget", "optimize", "optimized", "optimize for cost", "cost"),
	// Understood, but not expressible in hoist.yaml.
	words(cUnsupp, "ec2", "ec2", "ec2 instance", "ec2 instances", "virtual machine", "virtual machines", "vm", "vms", "auto scaling group", "autoscaling group", "asg"),
	words(cUnsupp, "bastion", "bastion", "bastion host", "jump box", "jump host", "jumpbox"),
	words(cUnsupp, "waf", "waf", "web application firewall", "aws waf"),
	words(cUnsupp, "dashboard", "dashboard", "dashboards", "cloudwatch dashboard", "cloudwatch dashboards"),
	words(cUnsupp, "kubernetes", "kubernetes", "k8s", "eks", "helm"),
	words(cUnsupp, "memcached", "memcached", "memcache"),
	words(cUnsupp, "engine", "mariadb", "sql server", "mssql", "oracle", "mongodb", "mongo", "documentdb", "cassandra", "neptune", "cockroachdb", "sqlite"),
	words(cUnsupp, "search", "elasticsearch", "opensearch", "elastic search", "search cluster"),
	words(cUnsupp, "schedule", "cron", "cron job", "cronjob", "scheduled", "scheduled task", "schedule", "nightly", "hourly", "every hour", "every night", "every day", "every minute", "eventbridge scheduler"),
	words(cUnsupp, "email", "ses", "email", "email sending", "send emails", "sends emails", "simple email service"),
	words(cUnsupp, "auth", "cognito", "user pool", "authentication", "login", "sso", "oauth"),
	words(cUnsupp, "efs", "efs", "shared file system", "file system", "nfs"),
	words(cUnsupp, "stream", "kinesis", "kafka", "msk", "firehose", "event stream"),
	words(cUnsupp, "workflow", "step functions", "step function", "state machine"),
	words(cUnsupp, "eventbus", "eventbridge", "event bridge", "event bus"),
	words(cUnsupp, "vpn", "vpn", "direct connect", "transit gateway", "vpc peering", "peering"),
	words(cUnsupp, "audit", "cloudtrail", "guardduty", "security hub", "aws config", "config rules", "macie", "inspector"),
	words(cUnsupp, "ssh", "ssh", "rdp", "telnet"),
	words(cUnsupp, "nlb", "nlb", "network load balancer", "network lb"),
	words(cUnsupp, "replica", "read replica", "read replicas", "replication", "cross-region replication", "multi-region", "multi region", "global table", "global tables", "global database"),
	words(cUnsupp, "spot", "spot", "fargate spot", "spot instances"),
	words(cUnsupp, "gpu", "gpu", "gpus", "cuda"),
	words(cUnsupp, "analytics", "redshift", "athena", "glue", "emr", "quicksight", "sagemaker", "bedrock"),
	words(cUnsupp, "deploystrategy", "blue/green", "blue-green", "blue green", "canary", "canary deployments", "rolling deployments"),
	words(cUnsupp, "cdn-for-service", "cloudfront in front of the api"),
	// What flows through components; a name when it sits in a name slot.
	words(cPayload, "", "data", "files", "file", "images", "image", "uploads", "upload", "assets", "photos", "videos", "documents", "media", "messages", "message", "events", "event", "jobs", "job", "requests", "traffic", "users", "sessions", "emails", "notifications", "orders", "payments", "reports", "work", "results", "thumbnails", "avatars", "backend jobs"),
	// Filler.
	words(cStop, "", "i", "i'd", "i'm", "id", "we", "we'd", "we're", "we'll", "you", "me", "us", "your", "please", "pls", "plz", "kindly", "thanks", "thank", "hi", "hello", "hey",
		"just", "really", "very", "basically", "simply", "actually", "maybe", "probably", "perhaps", "something", "somewhere", "like", "would", "could", "should", "will", "shall", "can", "may", "might", "must",
		"be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "do", "does", "did", "it's", "that's", "there", "there's", "here", "so", "too", "if", "when", "while", "where",
		"which", "that", "who", "what", "how", "why", "any", "about", "around", "up", "down", "out", "off", "again", "only", "own", "same", "other", "such", "more", "most", "less", "few", "many", "much",
		"lot", "lots", "bit", "kind", "sort", "get", "gets", "got", "going", "let's", "lets", "thing", "things", "stuff", "able", "needs", "needed", "require", "requires", "required", "requirement", "requirements", "looking",
		"look", "simple", "basic", "standard", "typical", "usual", "normal", "minimal", "quick", "nice", "good", "great", "modern", "reliable", "robust", "solid", "proper", "full", "fully", "managed", "fully managed",
		"cloud-native", "architecture", "environment", "env's", "company", "team", "startup", "client", "customer", "customers", "handle", "serve", "serves", "serving", "runs", "running", "run it", "host", "hosted", "hosting",
		"hosts", "build", "builds", "built", "deployed", "deploy it", "ship", "my app's", "please add", "now", "also add", "too", "anymore", "any more", "as well", "though", "however", "but", "instead", "instead of",
		"want to", "need to", "have to", "going to", "gonna", "wanna", "should have", "must have", "needs to", "want it", "it to", "be able to", "make sure", "ensure", "sure", "ok", "okay", "yes", "fine", "etc", "e.g", "i.e",
		"eg", "ie", "something like", "kind of", "sort of", "both of", "each of", "some kind of", "a bit", "currently", "existing one", "first", "next", "finally", "lastly", "later", "soon", "today", "new one",
		"own", "where", "per", "also need", "well", "already", "still", "even", "enough", "right", "exactly", "approximately", "about", "roughly", "around", "(", ")", ":", "[", "]", "{", "}", "\"", "'", "=", "*", "#", "!", "?", "currently has",
		"by", "up to date", "one of", "type", "sized", "sizes", "tier", "mode", "setting", "settings", "config", "configuration", "spec", "yaml", "everywhere", "everything else", "everyone else", "user", "anything", "pieces", "part", "parts",
		"want a", "love", "world", "the world", "internet", "the internet", "anywhere", "everyone", "anyone", "everybody", "unencrypted", "plaintext", "region", "aws region", "the region", "that is", "which is", "it is", "they are", "will be", "should be", "must be", "needs to be", "going to be", "capacity", "able to", "up front", "upfront", "size it", "level", "plan", "goes", "stays", "keep it", "keeps", "kept in", "along", "near", "close"),
)

func joinEntries(groups ...[]lexEntry) []lexEntry {
	var out []lexEntry
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// lexIndex maps a phrase's first word to the entries starting with it,
// longest phrase first (then in lexicon order), so lookups try the longest
// match first.
type lexIndex struct {
	byFirst map[string][]indexed
	// vocab lists the single content words typos may be corrected to, in
	// lexicon order.
	vocab []string
	// words holds every word of every phrase: none is a misspelling.
	words map[string]bool
}

type indexed struct {
	words []string
	sense sense
}

var lex = buildIndex(lexicon)

func buildIndex(entries []lexEntry) *lexIndex {
	ix := &lexIndex{byFirst: map[string][]indexed{}, words: map[string]bool{}}
	seen := map[string]bool{}
	for _, e := range entries {
		ws := strings.Fields(e.phrase)
		if len(ws) == 0 || seen[e.phrase] {
			continue
		}
		seen[e.phrase] = true
		for _, w := range ws {
			ix.words[w] = true
		}
		ix.byFirst[ws[0]] = append(ix.byFirst[ws[0]], indexed{ws, e.sense})
		if len(ws) == 1 && len(ws[0]) >= 5 && correctable(e.sense.cat) && isLetters(strings.ReplaceAll(ws[0], "-", "")) {
			ix.vocab = append(ix.vocab, ws[0])
		}
	}
	for k, list := range ix.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
		ix.byFirst[k] = list
	}
	return ix
}

// correctable says which categories a misspelt word may be read as: the
// content vocabulary, not filler, numbers or units.
func correctable(c cat) bool {
	switch c {
	case cHead, cEngine, cLang, cAttr, cEnv, cTarget, cField, cUnsupp, cRegion, cNoop:
		return true
	}
	return false
}
