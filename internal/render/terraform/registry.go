package terraform

import (
	"sync"

	"github.com/hoist-dev/hoist/internal/ir"
)

// family maps one family of CloudFormation types (EC2 networking, IAM,
// S3, ...). Each family lives in its own file.
type family interface {
	// types lists the CloudFormation types the family maps.
	types() []typeMap
}

// typeMap is how one CloudFormation type becomes Terraform.
type typeMap struct {
	// cfn is the CloudFormation type, AWS::EC2::VPC.
	cfn string
	// tf is the primary Terraform type, the one references point at.
	tf string
	// ref is the Terraform attribute that gives what CloudFormation's Ref
	// returns for this type (id, arn, name, ...); "" when Ref is not
	// supported.
	ref string
	// attrs maps each supported GetAtt attribute to a Terraform attribute.
	attrs map[string]attr
	// missing says why a CloudFormation attribute has no Terraform
	// equivalent, for the attributes the provider does not export.
	missing map[string]string
	// conv writes the Terraform blocks for one resource of the type. The
	// primary block is named c.name(r.ID).
	conv func(c *conv, r *ir.Resource) error
	// alt, when set, is the mapping for the resources of the type that
	// useAlt picks: an RDS instance in an Aurora cluster is an
	// aws_rds_cluster_instance, not an aws_db_instance.
	alt    *typeMap
	useAlt func(r *ir.Resource) bool
}

// attr is a Terraform attribute, plus a literal suffix where the
// CloudFormation attribute is longer (a log group's Arn ends in ":*").
type attr struct {
	name, suffix string
}

// a is shorthand for an attribute without a suffix.
func a(name string) attr { return attr{name: name} }

// families is the registry, in the order the files are read.
var families = []family{
	kmsFamily{},
	ec2NetworkFamily{},
	ec2SecurityGroupFamily{},
	iamFamily{},
	secretsFamily{},
	rdsFamily{},
	s3Family{},
	messagingFamily{},
	ecrFamily{},
	codebuildFamily{},
	logsFamily{},
	cloudwatchFamily{},
	ecsFamily{},
	appRunnerFamily{},
	elbv2Family{},
	autoscalingFamily{},
	lambdaFamily{},
	dynamodbFamily{},
	elasticacheFamily{},
	edgeFamily{},
}

// lookupType returns the mapping of a CloudFormation type, or nil. The
// mapping is shared: callers must not modify it.
func lookupType(cfn string) *typeMap {
	return typeIndex()[cfn]
}

// typeIndex is the registry by CloudFormation type, built once: each
// family's types() builds its tables anew, which is too slow to repeat for
// every reference. The first entry of a type wins, as a walk of the
// registry in order would find it.
var typeIndex = sync.OnceValue(func() map[string]*typeMap {
	idx := map[string]*typeMap{}
	for _, f := range families {
		for _, m := range f.types() {
			if _, dup := idx[m.cfn]; !dup {
				idx[m.cfn] = &m
			}
		}
	}
	return idx
})

// lookupResource returns the mapping of one resource: its type's, or the
// type's alternative when the resource calls for it.
func lookupResource(r *ir.Resource) *typeMap {
	m := lookupType(r.Type)
	if m != nil && m.alt != nil && m.useAlt(r) {
		return m.alt
	}
	return m
}

// MappedTypes lists the CloudFormation types the renderer maps, in
// registry order.
func MappedTypes() []string {
	var out []string
	for _, f := range families {
		for _, m := range f.types() {
			out = append(out, m.cfn)
		}
	}
	return out
}

// fileTable says which .tf file each CloudFormation type goes to: the
// first entry whose prefix matches wins, so more specific prefixes come
// first.
var fileTable = []struct{ prefix, file string }{
	{"AWS::EC2::", "network.tf"},
	{"AWS::ElasticLoadBalancingV2::", "network.tf"},
	{"AWS::KMS::", "security.tf"},
	{"AWS::IAM::", "security.tf"},
	{"AWS::SecretsManager::", "security.tf"},
	{"AWS::RDS::", "data.tf"},
	{"AWS::ElastiCache::", "data.tf"},
	{"AWS::S3::", "data.tf"},
	{"AWS::DynamoDB::", "data.tf"},
	{"AWS::SQS::", "messaging.tf"},
	{"AWS::SNS::", "messaging.tf"},
	{"AWS::Events::", "messaging.tf"},
	{"AWS::ECS::", "compute.tf"},
	{"AWS::AppRunner::", "compute.tf"},
	{"AWS::Lambda::", "compute.tf"},
	{"AWS::ApiGatewayV2::", "compute.tf"},
	{"AWS::ApiGateway::", "compute.tf"},
	{"AWS::ApplicationAutoScaling::", "compute.tf"},
	{"AWS::CloudFront::", "edge.tf"},
	{"AWS::CertificateManager::", "edge.tf"},
	{"AWS::Route53::", "edge.tf"},
	{"AWS::ECR::", "pipeline.tf"},
	{"AWS::CodeBuild::", "pipeline.tf"},
	{"AWS::Logs::", "monitoring.tf"},
	{"AWS::CloudWatch::", "monitoring.tf"},
}

// fileFor returns the file for a CloudFormation type; main.tf for any
// type the table does not name.
func fileFor(cfn string) string {
	for _, e := range fileTable {
		if len(cfn) >= len(e.prefix) && cfn[:len(e.prefix)] == e.prefix {
			return e.file
		}
	}
	return "main.tf"
}
