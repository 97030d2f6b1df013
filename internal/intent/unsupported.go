package intent

// unsupported lists what the lexicon understands but hoist.yaml cannot
// express, with the warning the engine gives. Ordered; looked up by id.
var unsupported = []struct{ id, msg string }{
	{"ec2", "hoist.yaml has no EC2 instances; services run as containers on ECS Fargate (or App Runner), so describe them as services"},
	{"bastion", "hoist.yaml has no bastion host; reach private resources with ECS Exec or SSM Session Manager instead of SSH"},
	{"waf", "hoist.yaml has no WAF setting; attach an AWS WAF web ACL to the load balancer outside Hoist"},
	{"dashboard", "hoist.yaml has no CloudWatch dashboards; Hoist creates CPU, memory and 5xx alarms for every service"},
	{"kubernetes", "hoist.yaml has no Kubernetes (EKS); services run on ECS"},
	{"memcached", "hoist.yaml caches are Redis or Valkey, not Memcached"},
	{"engine", "hoist.yaml databases are postgres, mysql, aurora-postgres or aurora-mysql"},
	{"search", "hoist.yaml has no OpenSearch or Elasticsearch domains"},
	{"schedule", "hoist.yaml has no schedules (cron); run scheduled work outside Hoist or as a worker that sleeps"},
	{"email", "hoist.yaml has no email sending (SES)"},
	{"auth", "hoist.yaml has no user authentication (Cognito); handle sign-in in the application"},
	{"efs", "hoist.yaml has no shared file systems (EFS); use an S3 bucket"},
	{"stream", "hoist.yaml has no streams (Kinesis, Kafka); use a queue or a topic"},
	{"workflow", "hoist.yaml has no Step Functions state machines"},
	{"eventbus", "hoist.yaml has no EventBridge buses; use an SNS topic"},
	{"vpn", "hoist.yaml has no VPN, peering or Direct Connect settings"},
	{"audit", "hoist.yaml has no account-level audit services (CloudTrail, GuardDuty, Config); enable them once per account"},
	{"nlb", "hoist.yaml has no network load balancer; web services sit behind an application load balancer"},
	{"replica", "hoist.yaml has no read replicas or cross-region replication; use multi-AZ for availability"},
	{"spot", "hoist.yaml has no Fargate Spot setting"},
	{"gpu", "hoist.yaml has no GPUs; Fargate tasks are CPU only"},
	{"analytics", "hoist.yaml has no analytics or machine learning services"},
	{"deploystrategy", "hoist.yaml has no deployment strategy setting; ECS rolls tasks over, Express Mode uses canaries"},
	{"cdn-for-service", "hoist.yaml puts CloudFront only in front of static sites; services are served by their load balancer"},
	{"ssh", "hoist.yaml has no SSH access; use ECS Exec or SSM Session Manager"},
}

func unsupportedMsg(id string) string {
	for _, u := range unsupported {
		if u.id == id {
			return u.msg
		}
	}
	return "hoist.yaml cannot express " + id
}
