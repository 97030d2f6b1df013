package spec

import (
	"encoding/json"
	"sync"
)

// JSONSchema returns the JSON Schema (draft 2020-12) of hoist.yaml. It is
// built from the same tables Validate uses (targets, engines, the Fargate
// cpu/memory pairs), so the two cannot drift; rules that need the whole
// file, such as depends_on naming a defined resource, are Validate's alone.
// The bytes are the same on every call.
func JSONSchema() []byte { return schemaOnce() }

var schemaOnce = sync.OnceValue(func() []byte {
	data, err := json.MarshalIndent(buildSchema(), "", "  ")
	if err != nil {
		// buildSchema holds only maps, slices, strings and numbers.
		panic("spec: cannot encode the JSON Schema: " + err.Error())
	}
	return append(data, '\n')
})

type obj = map[string]any

func object(desc string, required []string, props obj) obj {
	o := obj{"type": "object", "description": desc, "additionalProperties": false, "properties": props}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

func str(desc string) obj { return obj{"type": "string", "description": desc} }

func withPattern(o obj, pattern string) obj {
	o["pattern"] = pattern
	return o
}

func integer(desc string, lo, hi int) obj {
	return obj{"type": "integer", "description": desc, "minimum": lo, "maximum": hi}
}

func boolean(desc string) obj { return obj{"type": "boolean", "description": desc} }

func enum(desc string, values []string) obj {
	return obj{"type": "string", "description": desc, "enum": values}
}

func list(desc string, items obj) obj {
	return obj{"type": "array", "description": desc, "items": items}
}

func ref(name string) obj { return obj{"$ref": "#/$defs/" + name} }

// relPath is a path relative to hoist.yaml: it may not start with a slash.
func relPath(desc string) obj { return withPattern(str(desc), `^[^/\\]`) }

func resourceName(desc string) obj {
	o := withPattern(str(desc), namePattern)
	o["maxLength"] = maxNameLen
	return o
}

func hostname(desc string) obj {
	o := withPattern(str(desc), hostPattern)
	o["maxLength"] = maxHostnameLen
	return o
}

// version is a version string; YAML users often write it as a number.
func version(desc string) obj {
	return obj{"type": []string{"string", "number"}, "description": desc}
}

func buildSchema() obj {
	// One if/then per Fargate cpu: memory must be one of its sizes.
	var cpuMemory []any
	for _, c := range FargateCPUs {
		cpuMemory = append(cpuMemory, obj{
			"if":   obj{"required": []string{"cpu"}, "properties": obj{"cpu": obj{"const": c}}},
			"then": obj{"properties": obj{"memory": obj{"enum": FargateMemory(c)}}},
		})
	}
	cpuMemory = append(cpuMemory, obj{
		"if":   obj{"required": []string{"public"}, "properties": obj{"public": obj{"const": true}}},
		"then": obj{"required": []string{"port"}, "properties": obj{"port": obj{"minimum": 1}}},
	})

	service := object("A container service: a web service when it has a port, a worker when not.", []string{"name"}, obj{
		"name": resourceName("Unique name across every resource in hoist.yaml."),
		"path": relPath("The service's folder, relative to hoist.yaml."),
		"build": object("How to build the service's image.", nil, obj{
			"dockerfile": relPath("Dockerfile path, relative to hoist.yaml."),
			"context":    relPath("Build context folder, relative to hoist.yaml."),
		}),
		"runtime": object("The language the service is written in.", nil, obj{
			"language": str("Runtime language, e.g. go, node, python, java."),
			"version":  version("Runtime version, e.g. \"22\" or \"3.13\"."),
		}),
		"command":      str("Overrides the image's start command."),
		"port":         integer("Port the container listens on; leave unset (or 0) for a worker.", 0, 65535),
		"cpu":          obj{"type": "integer", "description": "ECS CPU units (1024 = 1 vCPU). Default 256.", "enum": FargateCPUs},
		"memory":       obj{"type": "integer", "description": "Memory in MiB; must be valid for cpu on Fargate. Default: the smallest for the cpu.", "minimum": 512, "maximum": 122880, "multipleOf": 512},
		"architecture": enum("CPU architecture. Default arm64 for known runtimes, else x86_64.", Architectures),
		"min_count":    integer("Fewest running tasks. Default 1.", 0, maxCount),
		"max_count":    integer("Most running tasks when scaling out. Default 3.", 0, maxCount),
		"public":       boolean("Serve the service from the internet through a load balancer; needs a port."),
		"health_check": object("The HTTP health check.", nil, obj{
			"path": withPattern(str("URL path checked by the load balancer, starting with \"/\". Default \"/\"."), `^/\S*$`),
		}),
		"env":        list("Names of environment variables the service reads; values are supplied at deploy time, never stored here.", withPattern(str("A variable name."), envPattern)),
		"secrets":    list("Names of secrets injected from Secrets Manager.", withPattern(str("A secret name."), envPattern)),
		"depends_on": list("Names of the databases, caches, queues, buckets or services this service talks to; they decide IAM permissions and security group rules.", resourceName("A resource name defined in this file.")),
		"domain":     hostname("A custom domain; with it the load balancer serves HTTPS."),
	})
	service["allOf"] = cpuMemory

	return obj{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"title":                "hoist.yaml",
		"description":          "What Hoist deploys: services, data stores and the network they run in. Unset values take Hoist's defaults.",
		"type":                 "object",
		"required":             []string{"version", "name"},
		"additionalProperties": false,
		"properties": obj{
			"version":     obj{"description": "Format version of this file.", "const": Version},
			"name":        resourceName("Application name: lowercase letters, digits and dashes."),
			"region":      withPattern(str("AWS region code. Default "+DefaultRegion+"."), regionPattern),
			"target":      enum("Where services run. Default "+DefaultTarget+".", Targets),
			"environment": resourceName("Environment name, e.g. prod or staging."),
			"network": object("The VPC shape.", nil, obj{
				"azs":       obj{"type": "integer", "description": "Availability zones to spread over. Default 2.", "enum": []int{2, 3}},
				"nat":       enum("NAT gateways: none, one shared (single) or one per zone. Default single.", NATModes),
				"endpoints": boolean("Add VPC endpoints (ECR, S3, logs, Secrets Manager) so private tasks can pull images without NAT."),
			}),
			"services":     list("Container services.", ref("service")),
			"databases":    list("Relational databases.", ref("database")),
			"caches":       list("In-memory caches.", ref("cache")),
			"queues":       list("SQS queues, each with a dead-letter queue.", ref("queue")),
			"buckets":      list("Private S3 buckets.", ref("bucket")),
			"static_sites": list("Sites built to files and served from S3 through CloudFront.", ref("static_site")),
			"topics":       list("SNS topics.", ref("topic")),
			"tables":       list("DynamoDB tables (on demand, point-in-time recovery).", ref("table")),
			"functions":    list("Lambda functions, optionally behind an HTTP API.", ref("function")),
		},
		"$defs": obj{
			"service": service,
			"database": object("A relational database.", []string{"name", "engine"}, obj{
				"name":       resourceName("Unique name across every resource in hoist.yaml."),
				"engine":     enum("Database engine.", DatabaseEngines),
				"version":    version("Engine version: postgres 13-17, mysql 8.0 or 8.4. Default the newest."),
				"size":       withPattern(str("Instance class such as db.t4g.micro, or serverless for Aurora Serverless v2."), dbSizePattern),
				"storage_gb": integer("Allocated storage in GiB (not for Aurora). Default 20.", minStorageGB, maxStorageGB),
				"multi_az":   boolean("Keep a standby in a second availability zone."),
			}),
			"cache": object("An in-memory cache.", []string{"name", "engine"}, obj{
				"name":    resourceName("Unique name across every resource in hoist.yaml."),
				"engine":  enum("Cache engine.", CacheEngines),
				"version": version("Engine version. Default redis 7.1, valkey 8.0."),
				"size":    withPattern(str("Node type such as cache.t4g.micro."), cachePattern),
			}),
			"queue": object("An SQS queue with a dead-letter queue.", []string{"name"}, obj{
				"name": resourceName("Unique name across every resource in hoist.yaml."),
				"fifo": boolean("First-in-first-out queue with exactly-once processing."),
			}),
			"bucket": object("A private S3 bucket.", []string{"name"}, obj{
				"name":       resourceName("Unique name across every resource in hoist.yaml."),
				"versioning": boolean("Keep every version of every object."),
			}),
			"topic": object("An SNS topic.", []string{"name"}, obj{
				"name":        resourceName("Unique name across every resource in hoist.yaml."),
				"fifo":        boolean("First-in-first-out topic."),
				"subscribers": list("Queues or functions that receive every message.", resourceName("A queue or function defined in this file.")),
			}),
			"table": object("A DynamoDB table.", []string{"name"}, obj{
				"name":          resourceName("Unique name across every resource in hoist.yaml."),
				"partition_key": withPattern(str("Partition key attribute (a string). Default id."), `^[A-Za-z_][A-Za-z0-9_.-]*$`),
				"sort_key":      withPattern(str("Sort key attribute (a string), if any."), `^[A-Za-z_][A-Za-z0-9_.-]*$`),
				"ttl_attribute": withPattern(str("Attribute holding an expiry time (epoch seconds), if any."), `^[A-Za-z_][A-Za-z0-9_.-]*$`),
			}),
			"function": object("A Lambda function.", []string{"name"}, obj{
				"name": resourceName("Unique name across every resource in hoist.yaml."),
				"path": relPath("The function's code folder, relative to hoist.yaml."),
				"runtime": object("The language the function is written in.", nil, obj{
					"language": enum("Runtime language.", sortedKeys(FunctionRuntimes)),
					"version":  version("Runtime version, e.g. \"22\" or \"3.13\"."),
				}),
				"handler":      str("Entry point, e.g. index.handler."),
				"memory":       integer("Memory in MB. Default 512.", 128, 10240),
				"timeout":      integer("Timeout in seconds. Default 30.", 1, 900),
				"architecture": enum("CPU architecture. Default arm64.", Architectures),
				"http":         boolean("Serve the function through an API Gateway HTTP API."),
				"env":          list("Names of environment variables the function reads.", withPattern(str("A variable name."), envPattern)),
				"secrets":      list("Names of secrets injected from Secrets Manager.", withPattern(str("A secret name."), envPattern)),
				"depends_on":   list("Names of the resources this function talks to; they decide its IAM permissions.", resourceName("A resource name defined in this file.")),
			}),
			"static_site": object("A site built to files and served from S3 through CloudFront.", []string{"name"}, obj{
				"name":          resourceName("Unique name across every resource in hoist.yaml."),
				"path":          relPath("The site's folder, relative to hoist.yaml."),
				"build_command": str("Command that builds the site, e.g. npm run build."),
				"output_dir":    relPath("Folder the build writes, relative to the site's path, e.g. dist."),
				"domain":        hostname("A custom domain served over HTTPS."),
			}),
		},
	}
}
