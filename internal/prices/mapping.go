package prices

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
)

// product is what the offer-file streamer reads of one product.
type product struct {
	SKU           string            `json:"sku"`
	ProductFamily string            `json:"productFamily"`
	Attributes    map[string]string `json:"attributes"`
}

func (p *product) attr(name string) string { return p.Attributes[name] }

// target is the catalog key a product's price is stored under.
type target struct {
	service, item, variant string
	unit                   string          // the catalog's unit for the item
	scale                  decimal.Decimal // catalog USD = AWS USD per unit × scale
}

// mapping turns products of one AWS offer into prices of one catalog item.
// The attribute names and usage types are those of AWS's Price List Bulk
// API offer files.
type mapping struct {
	offer   string // AWS offer code, such as "AmazonECS"
	global  bool   // priced once for the world: read the whole offer file, rows get GlobalRegion
	service string // catalog service and item this mapping fills
	item    string
	unit    string // the catalog unit, which the embedded snapshot also uses
	scale   int64  // AWS prices per request, the catalog per 1,000 or 1M: the factor between them
	// variant decides whether p is priced under this item and returns its
	// variant. base is p's usage type without its region prefix.
	variant func(p *product, base string) (string, bool)
}

// mappings is the ordered registry of everything Refresh can read from the
// price list. Keys of the embedded snapshot with no mapping here (the Express
// Mode surcharge, ElastiCache Serverless, Aurora I/O-Optimized storage) are
// carried from the snapshot by Refresh.
var mappings = []mapping{
	// ECS on Fargate.
	usage("AmazonECS", "fargate", "vcpu_hour", "vCPU-hour", 1, "Compute", "Fargate-vCPU-Hours:perCPU", "linux-x86"),
	usage("AmazonECS", "fargate", "gb_hour", "GB-hour", 1, "Compute", "Fargate-GB-Hours", "linux-x86"),
	usage("AmazonECS", "fargate", "vcpu_hour", "vCPU-hour", 1, "Compute", "Fargate-ARM-vCPU-Hours:perCPU", "linux-arm"),
	usage("AmazonECS", "fargate", "gb_hour", "GB-hour", 1, "Compute", "Fargate-ARM-GB-Hours", "linux-arm"),
	usage("AmazonECS", "fargate", "ephemeral_storage_gb_hour", "GB-hour", 1, "Compute", "Fargate-EphemeralStorage-GB-Hours", "over-20GB"),

	// App Runner.
	usage("AWSAppRunner", "apprunner", "active_vcpu_hour", "vCPU-hour", 1, "", "AppRunner-vCPU-hours", ""),
	usage("AWSAppRunner", "apprunner", "active_gb_hour", "GB-hour", 1, "", "AppRunner-GB-hours", ""),
	usage("AWSAppRunner", "apprunner", "provisioned_gb_hour", "GB-hour", 1, "", "AppRunner-Provisioned-GB-hours", ""),

	// Elastic Load Balancing: the same usage types, told apart by family.
	usage("AWSELB", "alb", "hour", "LB-hour", 1, "Load Balancer-Application", "LoadBalancerUsage", ""),
	usage("AWSELB", "alb", "lcu_hour", "LCU-hour", 1, "Load Balancer-Application", "LCUUsage", ""),
	usage("AWSELB", "nlb", "hour", "LB-hour", 1, "Load Balancer-Network", "LoadBalancerUsage", ""),
	usage("AWSELB", "nlb", "nlcu_hour", "NLCU-hour", 1, "Load Balancer-Network", "LCUUsage", ""),

	// EC2: instances, NAT gateways, EBS.
	{offer: "AmazonEC2", service: "ec2", item: "instance_hour", unit: "instance-hour", scale: 1, variant: ec2Instance},
	usage("AmazonEC2", "nat_gateway", "hour", "gateway-hour", 1, "", "NatGateway-Hours", ""),
	usage("AmazonEC2", "nat_gateway", "gb_processed", "GB", 1, "", "NatGateway-Bytes", ""),
	{offer: "AmazonEC2", service: "ebs", item: "storage_gb_month", unit: "GB-month", scale: 1, variant: ebsVolume},
	usage("AmazonEC2", "ebs", "gp3_extra_iops_month", "IOPS-month", 1, "", "EBS:VolumeP-IOPS.gp3", ""),
	{offer: "AmazonEC2", service: "ebs", item: "gp3_extra_throughput_month", unit: "MBps-month", scale: 1, variant: byBase("EBS:VolumeP-Throughput.gp3", "")},

	// VPC.
	usage("AmazonVPC", "public_ipv4", "address_hour", "IP-hour", 1, "", "PublicIPv4:InUseAddress", ""),
	usage("AmazonVPC", "vpc_endpoint_interface", "hour_per_az", "endpoint-AZ-hour", 1, "", "VpcEndpoint-Hours", ""),
	usage("AmazonVPC", "vpc_endpoint_interface", "gb_processed", "GB", 1, "", "VpcEndpoint-Bytes", "first-1PB"),

	// Data transfer.
	{offer: "AWSDataTransfer", service: "data_transfer", item: "out_to_internet_gb", unit: "GB", scale: 1, variant: transferType("AWS Outbound", "first-10TB")},
	{offer: "AWSDataTransfer", service: "data_transfer", item: "inter_az_gb_each_way", unit: "GB", scale: 1, variant: transferType("IntraRegion", "")},

	// RDS and Aurora.
	{offer: "AmazonRDS", service: "rds", item: "instance_hour", unit: "instance-hour", scale: 1, variant: rdsInstance},
	usage("AmazonRDS", "rds", "storage_gb_month", "GB-month", 1, "", "RDS:GP2-Storage", "gp2:single-az"),
	usage("AmazonRDS", "rds", "storage_gb_month", "GB-month", 1, "", "RDS:Multi-AZ-GP2-Storage", "gp2:multi-az"),
	usage("AmazonRDS", "rds", "storage_gb_month", "GB-month", 1, "", "RDS:GP3-Storage", "gp3:single-az"),
	usage("AmazonRDS", "rds", "storage_gb_month", "GB-month", 1, "", "RDS:Multi-AZ-GP3-Storage", "gp3:multi-az"),
	usage("AmazonRDS", "rds", "gp3_extra_iops_month", "IOPS-month", 1, "", "RDS:GP3-PIOPS", "single-az"),
	usage("AmazonRDS", "rds", "gp3_extra_iops_month", "IOPS-month", 1, "", "RDS:Multi-AZ-GP3-PIOPS", "multi-az"),
	usage("AmazonRDS", "rds", "backup_storage_gb_month", "GB-month", 1, "", "RDS:ChargedBackupUsage", "beyond-free"),
	{offer: "AmazonRDS", service: "aurora", item: "serverless_v2_acu_hour", unit: "ACU-hour", scale: 1, variant: auroraServerless},
	usage("AmazonRDS", "aurora", "storage_gb_month", "GB-month", 1, "", "Aurora:StorageUsage", "standard"),
	usage("AmazonRDS", "aurora", "io_per_million", "1M requests", 1_000_000, "", "Aurora:StorageIOUsage", "standard"),
	usage("AmazonRDS", "aurora", "backup_storage_gb_month", "GB-month", 1, "", "Aurora:BackupUsage", "beyond-free"),

	// ElastiCache nodes (Redis OSS; the snapshot's variant is the node type).
	{offer: "AmazonElastiCache", service: "elasticache", item: "node_hour", unit: "node-hour", scale: 1, variant: cacheNode},
	{offer: "AmazonElastiCache", service: "elasticache", item: "backup_storage_gb_month", unit: "GB-month", scale: 1, variant: familyOnly("Storage Snapshot", "")},

	// DynamoDB.
	{offer: "AmazonDynamoDB", service: "dynamodb", item: "on_demand_write_per_million", unit: "1M WRU", scale: 1_000_000, variant: ddbGroup("Amazon DynamoDB PayPerRequest Throughput", "DDB-WriteUnits")},
	{offer: "AmazonDynamoDB", service: "dynamodb", item: "on_demand_read_per_million", unit: "1M RRU", scale: 1_000_000, variant: ddbGroup("Amazon DynamoDB PayPerRequest Throughput", "DDB-ReadUnits")},
	{offer: "AmazonDynamoDB", service: "dynamodb", item: "provisioned_wcu_hour", unit: "WCU-hour", scale: 1, variant: ddbGroup("Provisioned IOPS", "DDB-WriteUnits")},
	{offer: "AmazonDynamoDB", service: "dynamodb", item: "provisioned_rcu_hour", unit: "RCU-hour", scale: 1, variant: ddbGroup("Provisioned IOPS", "DDB-ReadUnits")},
	usage("AmazonDynamoDB", "dynamodb", "storage_gb_month", "GB-month", 1, "Database Storage", "TimedStorage-ByteHrs", "standard-table"),

	// S3 Standard.
	{offer: "AmazonS3", service: "s3", item: "standard_storage_gb_month", unit: "GB-month", scale: 1, variant: s3Standard},
	usage("AmazonS3", "s3", "put_copy_post_list_per_1000", "1k requests", 1_000, "", "Requests-Tier1", "standard"),
	usage("AmazonS3", "s3", "get_per_1000", "1k requests", 1_000, "", "Requests-Tier2", "standard"),

	// Lambda.
	usage("AWSLambda", "lambda", "requests_per_million", "1M requests", 1_000_000, "", "Request", ""),
	usage("AWSLambda", "lambda", "gb_second", "GB-second", 1, "", "Lambda-GB-Second", "x86_64"),
	usage("AWSLambda", "lambda", "gb_second", "GB-second", 1, "", "Lambda-GB-Second-ARM", "arm64"),

	// API Gateway.
	usage("AmazonApiGateway", "apigateway", "http_api_per_million", "1M requests", 1_000_000, "", "ApiGatewayHttpRequest", "first-300M"),
	usage("AmazonApiGateway", "apigateway", "rest_api_per_million", "1M requests", 1_000_000, "", "ApiGatewayRequest", "first-333M"),

	// SQS and SNS.
	{offer: "AWSQueueService", service: "sqs", item: "requests_per_million", unit: "1M requests", scale: 1_000_000, variant: sqsQueue},
	usage("AmazonSNS", "sns", "publishes_per_million", "1M requests", 1_000_000, "", "Requests-Tier1", "standard"),

	// CloudWatch.
	usage("AmazonCloudWatch", "cloudwatch", "logs_ingestion_gb", "GB", 1, "", "DataProcessing-Bytes", "standard"),
	usage("AmazonCloudWatch", "cloudwatch", "logs_storage_gb_month", "GB-month", 1, "", "TimedStorage-ByteHrs", ""),
	usage("AmazonCloudWatch", "cloudwatch", "custom_metric_month", "metric-month", 1, "", "CW:MetricMonitorUsage", "first-10k"),
	usage("AmazonCloudWatch", "cloudwatch", "standard_alarm_month", "alarm-metric-month", 1, "", "CW:AlarmMonitorUsage", ""),
	usage("AmazonCloudWatch", "cloudwatch", "dashboard_month", "dashboard-month", 1, "", "DashboardsUsageHour", ""),

	// Secrets Manager, KMS, ECR.
	usage("AWSSecretsManager", "secretsmanager", "secret_month", "secret-month", 1, "", "AWSSecretsManager-Secrets", ""),
	usage("AWSSecretsManager", "secretsmanager", "api_calls_per_10000", "10k calls", 10_000, "", "AWSSecretsManagerAPIRequest", ""),
	usage("awskms", "kms", "key_month", "key-month", 1, "", "KMS-Keys", "customer-managed"),
	usage("awskms", "kms", "requests_per_10000", "10k requests", 10_000, "", "KMS-Requests", "symmetric"),
	usage("AmazonECR", "ecr", "storage_gb_month", "GB-month", 1, "", "TimedStorage-ByteHrs", "private"),

	// CodeBuild.
	{offer: "CodeBuild", service: "codebuild", item: "build_minute", unit: "build-minute", scale: 1, variant: codeBuild},

	// WAF.
	usage("awswaf", "waf", "web_acl_month", "ACL-month", 1, "", "WebACLV2", "wafv2"),
	usage("awswaf", "waf", "rule_month", "rule-month", 1, "", "RuleV2", "wafv2"),
	usage("awswaf", "waf", "requests_per_million", "1M requests", 1_000_000, "", "RequestV2-Tier1", "wafv2"),

	// Global services.
	{offer: "AmazonCloudFront", global: true, service: "cloudfront", item: "data_transfer_out_gb", unit: "GB", scale: 1, variant: cloudFrontOut},
	{offer: "AmazonCloudFront", global: true, service: "cloudfront", item: "https_requests_per_10000", unit: "10k requests", scale: 10_000, variant: cloudFrontHTTPS},
	{offer: "AmazonRoute53", global: true, service: "route53", item: "hosted_zone_month", unit: "zone-month", scale: 1, variant: byBase("HostedZone", "first-25")},
	{offer: "AmazonRoute53", global: true, service: "route53", item: "standard_queries_per_million", unit: "1M queries", scale: 1_000_000, variant: byBase("DNS-Queries", "first-1B")},
}

// usage maps the product whose usage type (without region prefix) is base,
// and whose product family is family when family is not empty.
func usage(offer, service, item, unit string, scale int64, family, base, variant string) mapping {
	m := mapping{offer: offer, service: service, item: item, unit: unit, scale: scale, variant: byBase(base, variant)}
	if family != "" {
		inner := m.variant
		m.variant = func(p *product, b string) (string, bool) {
			if p.ProductFamily != family {
				return "", false
			}
			return inner(p, b)
		}
	}
	return m
}

func familyOnly(family, variant string) func(*product, string) (string, bool) {
	return func(p *product, _ string) (string, bool) { return variant, p.ProductFamily == family }
}

func byBase(want, variant string) func(*product, string) (string, bool) {
	return func(_ *product, base string) (string, bool) { return variant, base == want }
}

// ec2Instance maps on-demand Linux instances on shared tenancy with no
// pre-installed software: variant "linux:<type>".
func ec2Instance(p *product, base string) (string, bool) {
	if p.ProductFamily != "Compute Instance" || !strings.HasPrefix(base, "BoxUsage:") {
		return "", false
	}
	if p.attr("operatingSystem") != "Linux" || p.attr("tenancy") != "Shared" || p.attr("preInstalledSw") != "NA" {
		return "", false
	}
	if cs := p.attr("capacitystatus"); cs != "" && cs != "Used" {
		return "", false
	}
	if lm := p.attr("licenseModel"); lm != "" && lm != "No License required" {
		return "", false
	}
	if op := p.attr("operation"); op != "" && op != "RunInstances" {
		return "", false
	}
	t := p.attr("instanceType")
	if t == "" {
		return "", false
	}
	return "linux:" + t, true
}

// ebsVolume maps EBS volume storage: variant is the volume API name (gp3, gp2, io2, ...).
func ebsVolume(p *product, base string) (string, bool) {
	name := p.attr("volumeApiName")
	if p.ProductFamily != "Storage" || name == "" || base != "EBS:VolumeUsage."+name {
		return "", false
	}
	return name, true
}

// The RDS engines the catalog prices, by their price-list names.
var rdsEngines = map[string]string{"PostgreSQL": "postgres", "MySQL": "mysql", "MariaDB": "mariadb"}

// rdsInstance maps database instances: variant "<engine>:<class>:<deployment>".
func rdsInstance(p *product, base string) (string, bool) {
	if p.ProductFamily != "Database Instance" {
		return "", false
	}
	engine, ok := rdsEngines[p.attr("databaseEngine")]
	if !ok {
		return "", false
	}
	var deployment string
	switch {
	case p.attr("deploymentOption") == "Single-AZ" && strings.HasPrefix(base, "InstanceUsage:"):
		deployment = "single-az"
	case p.attr("deploymentOption") == "Multi-AZ" && strings.HasPrefix(base, "Multi-AZUsage:"):
		deployment = "multi-az"
	default:
		return "", false
	}
	if lm := p.attr("licenseModel"); lm == "Bring your own license" {
		return "", false
	}
	class := p.attr("instanceType")
	if class == "" {
		return "", false
	}
	return engine + ":" + class + ":" + deployment, true
}

func auroraServerless(p *product, base string) (string, bool) {
	var engine string
	switch p.attr("databaseEngine") {
	case "Aurora MySQL":
		engine = "aurora-mysql"
	case "Aurora PostgreSQL":
		engine = "aurora-postgresql"
	default:
		return "", false
	}
	switch base {
	case "Aurora:ServerlessV2Usage":
		return engine, true
	case "Aurora:ServerlessV2IOOptimizedUsage":
		return engine + ":io-optimized", true
	}
	return "", false
}

// cacheNode maps ElastiCache nodes of the Redis OSS engine (the snapshot's
// node prices do not name an engine; Redis OSS is the default engine).
func cacheNode(p *product, base string) (string, bool) {
	if p.ProductFamily != "Cache Instance" || !strings.HasPrefix(base, "NodeUsage:") {
		return "", false
	}
	if e := p.attr("cacheEngine"); e != "Redis" && e != "Redis OSS" {
		return "", false
	}
	t := p.attr("instanceType")
	if t == "" {
		return "", false
	}
	return t, true
}

func ddbGroup(family, group string) func(*product, string) (string, bool) {
	return func(p *product, _ string) (string, bool) {
		return "standard-table", p.ProductFamily == family && p.attr("group") == group
	}
}

func s3Standard(p *product, base string) (string, bool) {
	return "first-50TB", base == "TimedStorage-ByteHrs" && p.attr("volumeType") == "Standard"
}

func sqsQueue(p *product, _ string) (string, bool) {
	if p.attr("group") != "SQS-APIRequest-Tier1" {
		return "", false
	}
	switch q := p.attr("queueType"); {
	case q == "Standard":
		return "standard", true
	case strings.HasPrefix(q, "FIFO"):
		return "fifo", true
	}
	return "", false
}

func transferType(kind, variant string) func(*product, string) (string, bool) {
	return func(p *product, _ string) (string, bool) {
		return variant, p.attr("transferType") == kind
	}
}

var codeBuildLinux = regexp.MustCompile(`^Build-Min:Linux:g1\.(small|medium|large|xlarge|2xlarge)$`)

// codeBuild maps Linux build minutes: variant "linux:general1.<size>".
func codeBuild(_ *product, base string) (string, bool) {
	m := codeBuildLinux.FindStringSubmatch(base)
	if m == nil {
		return "", false
	}
	return "linux:general1." + m[1], true
}

// CloudFront viewer geographies, by their price-list names.
var cloudFrontGeos = map[string]string{"United States": "north-america", "Europe": "europe"}

func cloudFrontOut(p *product, _ string) (string, bool) {
	geo, ok := cloudFrontGeos[p.attr("fromLocation")]
	if !ok || p.attr("transferType") != "CloudFront Outbound" {
		return "", false
	}
	return geo + ":first-10TB", true
}

func cloudFrontHTTPS(p *product, _ string) (string, bool) {
	geo, ok := cloudFrontGeos[p.attr("location")]
	return geo, ok && p.attr("requestType") == "CloudFront-Request-HTTPS-Proxy"
}

// Usage types outside us-east-1 (and some inside it) start with a region
// prefix: "USW2-NatGateway-Hours". These are the prefixes of the regions the
// catalog knows; other regions accept any prefix shaped like one.
var regionPrefixes = map[string][]string{
	"us-east-1":      {"USE1"},
	"us-east-2":      {"USE2"},
	"us-west-1":      {"USW1"},
	"us-west-2":      {"USW2"},
	"eu-west-1":      {"EU", "EUW1"},
	"eu-west-2":      {"EUW2"},
	"eu-west-3":      {"EUW3"},
	"eu-central-1":   {"EUC1"},
	"eu-north-1":     {"EUN1"},
	"ca-central-1":   {"CAN1"},
	"ap-northeast-1": {"APN1"},
	"ap-northeast-2": {"APN2"},
	"ap-southeast-1": {"APS1"},
	"ap-southeast-2": {"APS2"},
	"ap-south-1":     {"APS3"},
	"sa-east-1":      {"SAE1"},
	"us-gov-west-1":  {"UGW1"},
	"us-gov-east-1":  {"UGE1"},
}

var prefixShape = regexp.MustCompile(`^[A-Z]{2,4}[0-9]$`)

// baseUsageType strips region's prefix from a usage type. A prefix that is
// not region's (a sub-product such as "TS-", or another region's) is kept,
// so the result matches no mapping.
func baseUsageType(usageType, region string) string {
	prefix, rest, ok := strings.Cut(usageType, "-")
	if !ok {
		return usageType
	}
	known, listed := regionPrefixes[region]
	if !listed {
		if prefixShape.MatchString(prefix) {
			return rest
		}
		return usageType
	}
	for _, k := range known {
		if prefix == k {
			return rest
		}
	}
	return usageType
}

// selector picks the products of one offer file that the catalog wants.
type selector struct {
	region   string
	mappings []mapping // all of the same offer
}

// pick returns the catalog key p is priced under, if any. Products of
// another region (offer files can mention them) never match.
func (s *selector) pick(p *product) (target, bool) {
	if s.region != GlobalRegion {
		if rc := p.attr("regionCode"); rc != "" && rc != s.region {
			return target{}, false
		}
		if rc := p.attr("fromRegionCode"); rc != "" && rc != s.region {
			return target{}, false
		}
	}
	base := baseUsageType(p.attr("usagetype"), s.region)
	for _, m := range s.mappings {
		if v, ok := m.variant(p, base); ok {
			return target{service: m.service, item: m.item, variant: v, unit: m.unit, scale: decimal.NewFromInt(m.scale)}, true
		}
	}
	return target{}, false
}
