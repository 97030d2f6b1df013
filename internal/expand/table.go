package expand

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
)

// tableBlueprint builds each DynamoDB table: on-demand billing (no capacity
// to plan, nothing paid when idle), string keys as the spec names them,
// point-in-time recovery, encryption with the AWS-managed DynamoDB key,
// deletion protection, and a time-to-live attribute when the spec gives
// one. Tables are retained when the stack is deleted.
type tableBlueprint struct{}

func (tableBlueprint) name() string { return "tables" }

// tableActions are the item-level actions a consumer gets: read, write and
// query items, never manage the table.
var tableActions = []string{
	"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
	"dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem",
}

func (tableBlueprint) expand(b *builder) error {
	for i, t := range b.spec.Tables {
		if t.PartitionKey == "" {
			return fmt.Errorf("tables[%d] (%s): no partition key", i, t.Name)
		}
		o := origin("tables", i, t.Name)
		id := ID(t.Name, "Table")
		attrs := ir.Values(ir.M("AttributeName", t.PartitionKey, "AttributeType", "S"))
		keys := ir.Values(ir.M("AttributeName", t.PartitionKey, "KeyType", "HASH"))
		if t.SortKey != "" {
			attrs.Items = append(attrs.Items, ir.M("AttributeName", t.SortKey, "AttributeType", "S"))
			keys.Items = append(keys.Items, ir.M("AttributeName", t.SortKey, "KeyType", "RANGE"))
		}
		props := ir.M(
			"BillingMode", "PAY_PER_REQUEST",
			"AttributeDefinitions", attrs,
			"KeySchema", keys,
			"PointInTimeRecoverySpecification", ir.M("PointInTimeRecoveryEnabled", true),
			"SSESpecification", ir.M("SSEEnabled", true),
			"DeletionProtectionEnabled", true,
		)
		if t.TTLAttribute != "" {
			props.Set("TimeToLiveSpecification", ir.M("AttributeName", t.TTLAttribute, "Enabled", true))
		}
		r := b.add(id, "AWS::DynamoDB::Table", o, props)
		key := t.PartitionKey
		if t.SortKey != "" {
			key += " + " + t.SortKey
		}
		r.Comment = fmt.Sprintf("%s: on-demand table keyed by %s, point-in-time recovery on.", t.Name, key)
		r.DeletionPolicy, r.UpdateReplacePolicy = "Retain", "Retain"
		b.access[t.Name] = &access{
			Env: []NamedValue{{envName(t.Name) + "_TABLE", ref(id)}},
			Statements: []Statement{{
				Actions:   tableActions,
				Resources: []ir.Value{getAtt(id, "Arn"), sub("${" + id + ".Arn}/index/*")},
			}},
		}
		b.output(ID(t.Name, "TableName"), fmt.Sprintf("Name of the %s table", t.Name), ref(id))
	}
	return nil
}
