package awsrules

import (
	"strings"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/policy/rule"
)

// iamTrustOIDCSubject flags web identity (OIDC) trust statements that do
// not pin the token's subject. For GitHub Actions, GitLab, Terraform
// Cloud and other shared identity providers, a token from anybody's
// repository or workspace is then accepted.
var iamTrustOIDCSubject = rule.AWS{
	Meta: rule.Meta{
		ID:       "HOIST-IAM-006",
		Title:    "IAM role trusts an OIDC provider without restricting the subject",
		Severity: rule.Critical,
		Rationale: "An identity provider such as token.actions.githubusercontent.com issues tokens to every repository on the " +
			"platform. A trust statement without a condition on the token's sub claim (or with sub \"*\") lets any " +
			"repository, including an attacker's, assume the role.",
		Remediation: "Add a StringEquals (or StringLike) condition on <provider>:sub naming your repository and branch or " +
			"environment, and on <provider>:aud for sts.amazonaws.com.",
		FixCloudFormation: `AssumeRolePolicyDocument:
  Version: "2012-10-17"
  Statement:
    - Effect: Allow
      Principal:
        Federated: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com"
      Action: sts:AssumeRoleWithWebIdentity
      Condition:
        StringEquals:
          token.actions.githubusercontent.com:aud: sts.amazonaws.com
          token.actions.githubusercontent.com:sub: repo:example-org/shop:ref:refs/heads/main`,
		FixTerraform: `assume_role_policy = jsonencode({
  Version = "2012-10-17"
  Statement = [{
    Effect    = "Allow"
    Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
    Action    = "sts:AssumeRoleWithWebIdentity"
    Condition = {
      StringEquals = {
        "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
        "token.actions.githubusercontent.com:sub" = "repo:example-org/shop:ref:refs/heads/main"
      }
    }
  }]
})`,
		NIST:    []string{"AC-3", "IA-2", "IA-8"},
		FedRAMP: []string{"low", "moderate"},
	},
	Types: []string{"AWS::IAM::Role"},
	Check: func(_ *rule.Context, r *ir.Resource) []rule.Violation {
		var out []rule.Violation
		for _, s := range statements(r, "AssumeRolePolicyDocument") {
			if !s.allows() || !webIdentity(s) {
				continue
			}
			if oidcSubjectPinned(s) {
				continue
			}
			out = append(out, viol(s.field("Condition"), "web identity trust does not restrict the token subject (sub), so any identity of the provider can assume the role"))
		}
		return out
	},
}

// webIdentity reports whether a statement trusts an OIDC provider for
// sts:AssumeRoleWithWebIdentity. Cognito identity pools are left out:
// they are pinned by aud, which AWS itself requires.
func webIdentity(s statement) bool {
	if !contains(s.actions(), "sts:AssumeRoleWithWebIdentity") {
		return false
	}
	for _, v := range principalValues(s)["Federated"] {
		text, ok := ir.AsString(v)
		if sub, isSub := v.(ir.Sub); isSub {
			text, ok = sub.Format, true
		}
		if ok && strings.Contains(text, "oidc-provider/") {
			return true
		}
	}
	return false
}

// oidcSubjectPinned reports whether the statement's condition names a
// sub claim with a value narrower than "*" (anything unresolved counts
// as pinned).
func oidcSubjectPinned(s statement) bool {
	cond := s.m.Get("Condition")
	cm, ok := cond.(*ir.Map)
	if !ok {
		return cond != nil
	}
	for _, op := range cm.Entries {
		keys, ok := op.Value.(*ir.Map)
		if !ok {
			return true
		}
		for _, k := range keys.Entries {
			if !strings.HasSuffix(strings.ToLower(k.Key), ":sub") {
				continue
			}
			vals, all := literalStrings(k.Value)
			if !all {
				return true
			}
			for _, v := range vals {
				if v != "*" && v != "repo:*" && !strings.HasPrefix(v, "*") {
					return true
				}
			}
		}
	}
	return false
}
