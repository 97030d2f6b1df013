package terraform

import "github.com/hoist-dev/hoist/internal/ir"

// dynamodbTypes maps DynamoDB tables. hash_key and range_key become
// KeySchema, on the table and on each global secondary index.
func dynamodbTypes() []typeMap {
	return []typeMap{
		{tf: "aws_dynamodb_table", cfn: "AWS::DynamoDB::Table", ref: []string{"name", "id"},
			attrs: map[string]string{"arn": "Arn", "stream_arn": "StreamArn"},
			fields: []field{
				f("name", "TableName"),
				f("billing_mode", "BillingMode"),
				f("table_class", "TableClass"),
				f("deletion_protection_enabled", "DeletionProtectionEnabled"),
				f("read_capacity", "ProvisionedThroughput.ReadCapacityUnits"),
				f("write_capacity", "ProvisionedThroughput.WriteCapacityUnits"),
				blks("attribute", "AttributeDefinitions", f("name", "AttributeName"), f("type", "AttributeType")),
				blk("point_in_time_recovery", "PointInTimeRecoverySpecification",
					f("enabled", "PointInTimeRecoveryEnabled"),
					f("recovery_period_in_days", "RecoveryPeriodInDays")),
				blk("server_side_encryption", "SSESpecification",
					f("enabled", "SSEEnabled"),
					f("kms_key_arn", "KMSMasterKeyId")),
				blk("ttl", "TimeToLiveSpecification", f("attribute_name", "AttributeName"), f("enabled", "Enabled")),
				tags(),
			},
			post: dynamoTable},
	}
}

func dynamoTable(_ *mapper, in, out *ir.Map) {
	if ks := keySchema(in); ks != nil {
		setEntry(out, "KeySchema", ks, entryLoc(in, "hash_key"))
	}
	if b, ok := ir.AsBool(in.Get("stream_enabled")); ok && b {
		spec := &ir.Map{Loc: entryLoc(in, "stream_enabled")}
		if v := in.Get("stream_view_type"); !isNull(v) {
			setEntry(spec, "StreamViewType", v, entryLoc(in, "stream_view_type"))
		}
		setEntry(out, "StreamSpecification", spec, spec.Loc)
	}
	if sse, ok := out.Get("SSESpecification").(*ir.Map); ok && sse.Get("KMSMasterKeyId") != nil {
		setEntry(sse, "SSEType", ir.String("KMS"), sse.Loc)
	}
	e, ok := in.Entry("global_secondary_index")
	if !ok {
		return
	}
	list := &ir.List{Loc: e.Loc}
	for _, b := range blockList(e.Value) {
		gsi := &ir.Map{Loc: b.Loc}
		if v := b.Get("name"); v != nil {
			setEntry(gsi, "IndexName", v, entryLoc(b, "name"))
		}
		if ks := keySchema(b); ks != nil {
			setEntry(gsi, "KeySchema", ks, entryLoc(b, "hash_key"))
		}
		if v := b.Get("projection_type"); v != nil {
			setPath(gsi, "Projection.ProjectionType", v, entryLoc(b, "projection_type"))
		}
		if v := nonEmpty(b.Get("non_key_attributes")); !isNull(v) {
			setPath(gsi, "Projection.NonKeyAttributes", v, entryLoc(b, "non_key_attributes"))
		}
		if v := b.Get("read_capacity"); !isNull(v) {
			setPath(gsi, "ProvisionedThroughput.ReadCapacityUnits", v, entryLoc(b, "read_capacity"))
		}
		if v := b.Get("write_capacity"); !isNull(v) {
			setPath(gsi, "ProvisionedThroughput.WriteCapacityUnits", v, entryLoc(b, "write_capacity"))
		}
		list.Items = append(list.Items, gsi)
	}
	if len(list.Items) > 0 {
		setEntry(out, "GlobalSecondaryIndexes", list, e.Loc)
	}
}

// keySchema makes a KeySchema from hash_key and range_key.
func keySchema(in *ir.Map) ir.Value {
	l := &ir.List{Loc: entryLoc(in, "hash_key")}
	for _, k := range [][2]string{{"hash_key", "HASH"}, {"range_key", "RANGE"}} {
		if v := in.Get(k[0]); !isNull(v) {
			loc := entryLoc(in, k[0])
			l.Items = append(l.Items, &ir.Map{Loc: loc, Entries: []ir.Entry{
				{Key: "AttributeName", Value: v, Loc: loc}, {Key: "KeyType", Value: ir.String(k[1]), Loc: loc}}})
		}
	}
	if len(l.Items) == 0 {
		return nil
	}
	return l
}
