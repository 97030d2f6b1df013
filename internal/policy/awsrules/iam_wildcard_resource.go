package awsrules

import (
	"regexp"
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// iamWildcardResource flags Allow statements that grant write or
// management actions on Resource "*" without a condition. Read-only
// actions (Describe*, List*, Get*, ...) and the actions that support no
// resource-level permissions are exempt, since "*" is the only resource
// they accept.
var iamWildcardResource = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-IAM-003",
		Title:    "IAM policy allows write actions on all resources",
		Severity: rule.Medium,
		Rationale: "Resource \"*\" extends a write action to every resource of that kind in the account, including other " +
			"applications' data and roles: iam:PassRole on \"*\" alone lets the holder hand itself any role.",
		Remediation: "Name the resources (ARNs, or ARN patterns with the application's prefix) the actions apply to, or add a " +
			"condition (aws:ResourceTag, aws:RequestedRegion, iam:PassedToService) that narrows them.",
		FixCloudFormation: `Statement:
  - Effect: Allow
    Action: [sqs:SendMessage]
    Resource: !GetAtt OrdersQueue.Arn
  - Effect: Allow
    Action: iam:PassRole
    Resource: !GetAtt TaskRole.Arn
    Condition:
      StringEquals:
        iam:PassedToService: ecs-tasks.amazonaws.com`,
		FixTerraform: `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.orders.arn]
  }
}`,
		NIST:    []string{"AC-3", "AC-6"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: iamPolicyTypes,
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, doc := range policyDocs(r) {
			for _, s := range statements(r, doc) {
				if !s.allows() || s.hasCondition() || isAdminStatement(s) || !contains(s.resources(), "*") {
					continue
				}
				var writes []string
				for _, a := range s.actions() {
					if !readOnlyAction(a) && !contains(resourceFreeActions, strings.ToLower(a)) {
						writes = append(writes, a)
					}
				}
				if len(writes) > 0 {
					out = append(out, viol(s.field("Resource"), "Resource \"*\" applies %s to every resource in the account", strings.Join(writes, ", ")))
				}
			}
		}
		return out
	},
}

// readOnlyRe matches the verbs of read-only actions.
var readOnlyRe = regexp.MustCompile(`^[A-Za-z0-9-]+:(Describe|List|Get|BatchGet|Head|Search|Lookup|View)[A-Za-z0-9]*\*?$`)

func readOnlyAction(a string) bool {
	// s3:GetObject on "*" reads every bucket: data, not metadata.
	if strings.HasPrefix(strings.ToLower(a), "s3:get") && !strings.HasPrefix(strings.ToLower(a), "s3:getbucket") {
		return false
	}
	return readOnlyRe.MatchString(a)
}

// resourceFreeActions support no resource-level permissions: "*" is the
// only Resource they take (lower case).
var resourceFreeActions = []string{
	"cloudwatch:putmetricdata",
	"ec2:assignprivateipaddresses", "ec2:createnetworkinterface", "ec2:deletenetworkinterface", "ec2:unassignprivateipaddresses",
	"ecr:getauthorizationtoken",
	"logs:createloggroup",
	"ssmmessages:createcontrolchannel", "ssmmessages:createdatachannel", "ssmmessages:opencontrolchannel", "ssmmessages:opendatachannel",
	"sts:getcalleridentity",
	"xray:putsamplingtargets", "xray:puttelemetryrecords", "xray:puttracesegments", "xray:getsamplingrules", "xray:getsamplingtargets",
}
