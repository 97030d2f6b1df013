package awsrules

import "github.com/hoist-dev/hoist/internal/policy/rule"

// Rules returns the built-in AWS rules in registry order: grouped by
// service, each group in ID order. Each rule lives in its own file.
func Rules() []rule.AWS {
	return []rule.AWS{
		// group A (S3, IAM, EC2 security groups, RDS, ECS, App Runner, ELB): begin
		// group A: end
		// group B (CloudFront, ECR, CodeBuild, KMS, CloudWatch, Secrets Manager, Lambda, API Gateway, DynamoDB, SQS, SNS, EC2/EBS, VPC, ElastiCache): begin
		// group B: end
	}
}
