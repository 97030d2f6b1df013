package tf

import (
	"strings"
	"testing"
)

// Helpers that keep the table short: attrs at line 10, 11, ... and blocks
// at line 20, 21, ... of main.tf, so expected positions are readable.
func attrs(names ...string) []AttrShape {
	out := make([]AttrShape, len(names))
	for i, n := range names {
		out[i] = AttrShape{Name: n, Pos: Pos{File: "main.tf", Line: 10 + i, Column: 3}}
	}
	return out
}

func blk(name string, line int, body BodyShape) BlockShape {
	return BlockShape{Name: name, Pos: Pos{File: "main.tf", Line: line, Column: 3}, Body: body}
}

var bodyPos = Pos{File: "main.tf", Line: 1, Column: 1}

func TestCheckBody(t *testing.T) {
	tests := []struct {
		name string
		typ  string
		data bool
		body BodyShape
		want []string
	}{
		{
			name: "misspelt argument gets a suggestion",
			typ:  "aws_s3_bucket",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("bucket_prefx")},
			want: []string{`main.tf:10:3: unknown argument "bucket_prefx" in aws_s3_bucket; did you mean "bucket_prefix"?`},
		},
		{
			name: "instance type typo",
			typ:  "aws_instance",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("ami", "instanc_type")},
			want: []string{`main.tf:11:3: unknown argument "instanc_type" in aws_instance; did you mean "instance_type"?`},
		},
		{
			name: "security group ingress and egress written as blocks",
			typ:  "aws_security_group",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("name", "vpc_id"), Blocks: []BlockShape{
				blk("ingress", 20, BodyShape{Attributes: attrs("from_port", "to_port", "protocol", "cidr_blocks")}),
				blk("ingress", 25, BodyShape{Attributes: attrs("from_port", "to_port", "protocol", "self")}),
				blk("egress", 30, BodyShape{Attributes: attrs("from_port", "to_port", "protocol", "cidr_blocks")}),
			}},
		},
		{
			name: "security group ingress as an attribute is fine too",
			typ:  "aws_security_group",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("ingress")},
		},
		{
			name: "unknown field inside an attribute written as a block",
			typ:  "aws_security_group",
			body: BodyShape{Pos: bodyPos, Blocks: []BlockShape{blk("ingress", 20, BodyShape{Attributes: attrs("from_prt")})}},
			want: []string{`main.tf:10:3: unknown argument "from_prt" in aws_security_group block "ingress"; did you mean "from_port"?`},
		},
		{
			name: "task definition without its required arguments",
			typ:  "aws_ecs_task_definition",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("cpu", "memory")},
			want: []string{
				`main.tf:1:1: missing required argument "container_definitions" in aws_ecs_task_definition`,
				`main.tf:1:1: missing required argument "family" in aws_ecs_task_definition`,
			},
		},
		{
			name: "listener default_action as an attribute",
			typ:  "aws_lb_listener",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("load_balancer_arn", "default_action")},
			want: []string{`main.tf:11:3: "default_action" in aws_lb_listener is a block, not an argument: write default_action { ... }`},
		},
		{
			name: "listener without default_action",
			typ:  "aws_lb_listener",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("load_balancer_arn")},
			want: []string{`main.tf:1:1: missing required block "default_action" in aws_lb_listener: at least 1 needed`},
		},
		{
			name: "listener with a dynamic default_action satisfies the requirement",
			typ:  "aws_lb_listener",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("load_balancer_arn"), Blocks: []BlockShape{
				{Name: "default_action", Dynamic: true, Body: BodyShape{Attributes: attrs("type")}},
			}},
		},
		{
			name: "nested block problems carry their path",
			typ:  "aws_lb_listener",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("load_balancer_arn"), Blocks: []BlockShape{
				blk("default_action", 20, BodyShape{Pos: Pos{File: "main.tf", Line: 20}, Attributes: attrs("type"), Blocks: []BlockShape{
					blk("redirect", 22, BodyShape{Pos: Pos{File: "main.tf", Line: 22}, Attributes: attrs("status_cod")}),
				}}),
			}},
			want: []string{
				`main.tf:10:3: unknown argument "status_cod" in aws_lb_listener block "default_action.redirect"; did you mean "status_code"?`,
				`main.tf:22: missing required argument "status_code" in aws_lb_listener block "default_action.redirect"`,
			},
		},
		{
			name: "at most one mutual_authentication block",
			typ:  "aws_lb_listener",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("load_balancer_arn"), Blocks: []BlockShape{
				blk("default_action", 20, BodyShape{Attributes: attrs("type")}),
				blk("mutual_authentication", 24, BodyShape{Attributes: attrs("mode")}),
				blk("mutual_authentication", 28, BodyShape{Attributes: attrs("mode")}),
			}},
			want: []string{`main.tf:28:3: too many "mutual_authentication" blocks in aws_lb_listener: at most 1 allowed`},
		},
		{
			name: "computed-only attribute cannot be set",
			typ:  "aws_lb_listener",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("load_balancer_arn", "arn"), Blocks: []BlockShape{
				blk("default_action", 20, BodyShape{Attributes: attrs("type")}),
			}},
			want: []string{`main.tf:11:3: "arn" in aws_lb_listener is computed by the provider and cannot be set`},
		},
		{
			name: "database instance arguments and meta-arguments",
			typ:  "aws_db_instance",
			body: BodyShape{Pos: bodyPos,
				Attributes: attrs("instance_class", "allocated_storage", "storage_encrypted", "manage_master_user_password", "count", "depends_on", "provider"),
				Blocks: []BlockShape{
					blk("lifecycle", 20, BodyShape{Attributes: attrs("prevent_destroy")}),
					blk("timeouts", 22, BodyShape{Attributes: attrs("create")}),
					blk("provisioner", 24, BodyShape{}),
				}},
		},
		{
			name: "meta-argument written in the wrong form",
			typ:  "aws_db_instance",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("instance_class", "lifecycle"), Blocks: []BlockShape{blk("count", 20, BodyShape{})}},
			want: []string{
				`main.tf:11:3: "lifecycle" is a block, not an argument: write lifecycle { ... }`,
				`main.tf:20:3: "count" is an argument, not a block: write count = ...`,
			},
		},
		{
			name: "resource without timeouts rejects a timeouts block",
			typ:  "aws_s3_bucket_policy",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("bucket", "policy"), Blocks: []BlockShape{blk("timeouts", 20, BodyShape{})}},
			want: []string{`main.tf:20:3: unknown block type "timeouts" in aws_s3_bucket_policy`},
		},
		{
			name: "single nested attribute written as a block",
			typ:  "aws_s3tables_table_bucket",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("name"), Blocks: []BlockShape{blk("maintenance_configuration", 20, BodyShape{})}},
			want: []string{`main.tf:20:3: "maintenance_configuration" in aws_s3tables_table_bucket is an argument, not a block: write maintenance_configuration = ...`},
		},
		{
			name: "unknown block gets a suggestion",
			typ:  "aws_lb_listener",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("load_balancer_arn"), Blocks: []BlockShape{blk("default_actions", 20, BodyShape{})}},
			want: []string{
				`main.tf:20:3: unknown block type "default_actions" in aws_lb_listener; did you mean "default_action"?`,
				`main.tf:1:1: missing required block "default_action" in aws_lb_listener: at least 1 needed`,
			},
		},
		{
			name: "contents of an opaque block are not checked",
			typ:  "aws_quicksight_analysis",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("analysis_id", "name"), Blocks: []BlockShape{
				blk("definition", 20, BodyShape{Attributes: attrs("anything_at_all"), Blocks: []BlockShape{blk("whatever", 21, BodyShape{})}}),
			}},
		},
		{
			name: "recursive wafv2 statements are checked at depth",
			typ:  "aws_wafv2_web_acl_rule",
			body: BodyShape{Pos: bodyPos, Attributes: attrs("name", "priority", "web_acl_arn"), Blocks: []BlockShape{
				blk("statement", 20, BodyShape{Blocks: []BlockShape{
					blk("and_statement", 21, BodyShape{Blocks: []BlockShape{
						blk("statement", 22, BodyShape{Blocks: []BlockShape{
							blk("and_statement", 23, BodyShape{Blocks: []BlockShape{
								blk("statement", 24, BodyShape{Blocks: []BlockShape{blk("geo_match_statment", 25, BodyShape{})}}),
							}}),
						}}),
					}}),
				}}),
			}},
			want: []string{`main.tf:25:3: unknown block type "geo_match_statment" in aws_wafv2_web_acl_rule block "statement.and_statement.statement.and_statement.statement"; did you mean "geo_match_statement"?`},
		},
		{
			name: "unknown resource type",
			typ:  "aws_s3_buckt",
			body: BodyShape{Pos: bodyPos},
			want: []string{`main.tf:1:1: unknown resource type "aws_s3_buckt"; did you mean "aws_s3_bucket"?`},
		},
		{
			name: "unknown resource type with nothing close",
			typ:  "google_compute_instance",
			body: BodyShape{},
			want: []string{`unknown resource type "google_compute_instance"`},
		},
		{
			name: "data source",
			typ:  "aws_ami",
			data: true,
			body: BodyShape{Pos: bodyPos, Attributes: attrs("most_recent", "owners", "count"), Blocks: []BlockShape{
				blk("filter", 20, BodyShape{Attributes: attrs("name", "values")}),
			}},
		},
		{
			name: "unknown data source type",
			typ:  "aws_amii",
			data: true,
			want: []string{`unknown data source type "aws_amii"; did you mean "aws_ami"?`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Problem
			if tt.data {
				got = CheckDataBody(tt.typ, tt.body)
			} else {
				got = CheckBody(tt.typ, tt.body)
			}
			gotMsgs := make([]string, len(got))
			for i, p := range got {
				gotMsgs[i] = p.String()
			}
			if strings.Join(gotMsgs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("CheckBody(%s):\ngot  %q\nwant %q", tt.typ, gotMsgs, tt.want)
			}
		})
	}
}

func TestCheckBodyProblemFields(t *testing.T) {
	tests := []struct {
		typ  string
		body BodyShape
		want Problem
	}{
		{"aws_s3_bucket", BodyShape{Attributes: attrs("bucket_prefx")},
			Problem{Kind: UnknownArgument, Name: "bucket_prefx", Suggestion: "bucket_prefix"}},
		{"aws_s3_buckt", BodyShape{}, Problem{Kind: UnknownResourceType, Name: "aws_s3_buckt", Suggestion: "aws_s3_bucket"}},
		{"aws_lb_listener", BodyShape{Attributes: attrs("load_balancer_arn", "default_action")},
			Problem{Kind: BlockAsAttribute, Name: "default_action"}},
		{"aws_ecs_task_definition", BodyShape{Attributes: attrs("container_definitions")},
			Problem{Kind: MissingRequired, Name: "family"}},
		{"aws_lb_listener", BodyShape{Attributes: attrs("load_balancer_arn"), Blocks: []BlockShape{
			blk("default_action", 20, BodyShape{Attributes: attrs("type", "target_grup_arn")})}},
			Problem{Kind: UnknownArgument, Path: "default_action", Name: "target_grup_arn", Suggestion: "target_group_arn"}},
	}
	for _, tt := range tests {
		got := CheckBody(tt.typ, tt.body)
		if len(got) != 1 {
			t.Errorf("CheckBody(%s): got %d problems %v, want 1", tt.typ, len(got), got)
			continue
		}
		g := got[0]
		if g.Kind != tt.want.Kind || g.Path != tt.want.Path || g.Name != tt.want.Name || g.Suggestion != tt.want.Suggestion {
			t.Errorf("CheckBody(%s): got kind=%s path=%q name=%q suggestion=%q, want kind=%s path=%q name=%q suggestion=%q",
				tt.typ, g.Kind, g.Path, g.Name, g.Suggestion, tt.want.Kind, tt.want.Path, tt.want.Name, tt.want.Suggestion)
		}
	}
}
