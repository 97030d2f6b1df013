# METADATA
# title: Buckets carry an owner tag
# description: Every bucket names the team that owns it, for incident response.
# related_resources:
#   - ref: https://example.com/policies/tags
# custom:
#   id: ORG-TAG-001
#   severity: medium
#   controls: [CM-8]
#   fedramp: [low, moderate]
package org.tags

deny contains finding if {
	some r in input.ir.resources
	r.type == "AWS::S3::Bucket"
	not owner(r)
	finding := {"msg": sprintf("bucket %s has no owner tag", [r.id]), "resource": r.address}
}

owner(r) if {
	some t in r.properties.Tags
	t.Key == "owner"
}
