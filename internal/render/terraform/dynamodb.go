package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// dynamodbFamily maps DynamoDB tables. KeySchema becomes hash_key and
// range_key, which the provider keeps beside the attribute blocks.
type dynamodbFamily struct{}

func (dynamodbFamily) types() []typeMap {
	return []typeMap{
		{cfn: "AWS::DynamoDB::Table", tf: "aws_dynamodb_table", ref: "name",
			attrs: map[string]attr{"Arn": a("arn"), "StreamArn": a("stream_arn")},
			conv:  dynamoTable},
	}
}

// keySchema sets hash_key and range_key from a KeySchema list.
func keySchema(p *props, b *body, key string) []*props {
	var nested []*props
	for _, k := range p.list(key) {
		nested = append(nested, k)
		kind, _ := k.str("KeyType")
		switch kind {
		case "HASH":
			k.to(b, "AttributeName", "hash_key")
		case "RANGE":
			k.to(b, "AttributeName", "range_key")
		default:
			k.fail("KeyType", "want HASH or RANGE, got %q", kind)
		}
	}
	return nested
}

func dynamoTable(c *conv, r *ir.Resource) error {
	p := c.props(r)
	b := c.resource("aws_dynamodb_table", c.name(r.ID))
	nameOr(c, p, b, "TableName", "name")
	p.to(b, "BillingMode", "billing_mode")
	p.to(b, "TableClass", "table_class")
	p.to(b, "DeletionProtectionEnabled", "deletion_protection_enabled")
	nested := keySchema(p, b, "KeySchema")
	if pt := p.sub("ProvisionedThroughput"); pt != nil {
		nested = append(nested, pt)
		pt.to(b, "ReadCapacityUnits", "read_capacity")
		pt.to(b, "WriteCapacityUnits", "write_capacity")
	}
	if s := p.sub("StreamSpecification"); s != nil {
		nested = append(nested, s)
		b.set("stream_enabled", eRaw("true"))
		s.to(b, "StreamViewType", "stream_view_type")
	}
	for _, at := range p.list("AttributeDefinitions") {
		nested = append(nested, at)
		ab := b.block("attribute")
		at.to(ab, "AttributeName", "name")
		at.to(ab, "AttributeType", "type")
	}
	for _, gsi := range p.list("GlobalSecondaryIndexes") {
		nested = append(nested, gsi)
		gb := b.block("global_secondary_index")
		gsi.to(gb, "IndexName", "name")
		nested = append(nested, keySchema(gsi, gb, "KeySchema")...)
		if pr := gsi.sub("Projection"); pr != nil {
			nested = append(nested, pr)
			pr.to(gb, "ProjectionType", "projection_type")
			pr.to(gb, "NonKeyAttributes", "non_key_attributes")
		}
		if pt := gsi.sub("ProvisionedThroughput"); pt != nil {
			nested = append(nested, pt)
			pt.to(gb, "ReadCapacityUnits", "read_capacity")
			pt.to(gb, "WriteCapacityUnits", "write_capacity")
		}
	}
	if pitr := p.sub("PointInTimeRecoverySpecification"); pitr != nil {
		nested = append(nested, pitr)
		pb := b.block("point_in_time_recovery")
		pitr.to(pb, "PointInTimeRecoveryEnabled", "enabled")
		pitr.to(pb, "RecoveryPeriodInDays", "recovery_period_in_days")
	}
	if sse := p.sub("SSESpecification"); sse != nil {
		nested = append(nested, sse)
		sb := b.block("server_side_encryption")
		sse.to(sb, "SSEEnabled", "enabled")
		sse.to(sb, "KMSMasterKeyId", "kms_key_arn")
		if t, ok := sse.str("SSEType"); ok && t != "KMS" {
			sse.fail("SSEType", "only KMS has a terraform equivalent, got %q", t)
		}
	}
	if ttl := p.sub("TimeToLiveSpecification"); ttl != nil {
		nested = append(nested, ttl)
		tb := b.block("ttl")
		ttl.to(tb, "AttributeName", "attribute_name")
		ttl.to(tb, "Enabled", "enabled")
	}
	p.tags(b, "Tags")
	return p.done(nested...)
}
