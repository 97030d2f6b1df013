package cloudformation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/ir"
)

const conditional = `Parameters:
  Env:
    Type: String
    Default: dev
  Size:
    Type: Number
  Flag:
    Type: String
    Default: true
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  InUS: !Equals [!Ref AWS::Region, us-east-1]
  Big: !Equals [!Ref Size, 10]
  ProdOrBig: !Or [!Condition IsProd, !Condition Big]
  DevAndUS: !And [!Condition IsDev, !Condition InUS]
  FlagOn: !Equals [!Ref Flag, "true"]
  Loop: !Not [!Condition Loop]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Condition: IsProd
  Cache:
    Type: AWS::ElastiCache::CacheCluster
    Condition: IsDev
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !If [IsProd, 0, 5]
      Tags:
        - !If [IsProd, {Key: a, Value: b}, !Ref AWS::NoValue]
        - Key: region
          Value: !If [InUS, virginia, elsewhere]
      MessageRetentionPeriod: !If [ProdOrBig, 1209600, !Ref AWS::NoValue]
      VisibilityTimeout: !If [DevAndUS, 30, 60]
      FifoQueue: !If [FlagOn, true, false]
      QueueName: !If [Loop, a, b]
Outputs:
  DbName:
    Condition: IsProd
    Value: !Ref Db
  QueueName:
    Value: !If [IsDev, !Ref Queue, !Ref AWS::NoValue]
`

func TestConditionResolution(t *testing.T) {
	cases := []struct {
		name string
		opts Options
		want string
	}{
		{"defaults, no region", Options{},
			"resources [Cache Queue] dropped [Db] outputs [QueueName]\n" +
				"DelaySeconds=5\nTags=[{region Fn::If[InUS virginia elsewhere]}]\nMessageRetentionPeriod=Fn::If[ProdOrBig 1209600 Ref:AWS::NoValue]\n" +
				"VisibilityTimeout=Fn::If[DevAndUS 30 60]\nFifoQueue=true\nQueueName=Fn::If[Loop a b]\nout QueueName=Ref:Queue"},
		{"prod override", Options{Parameters: map[string]string{"Env": "prod"}},
			"resources [Db Queue] dropped [Cache] outputs [DbName QueueName]\n" +
				"DelaySeconds=0\nTags=[{a b} {region Fn::If[InUS virginia elsewhere]}]\nMessageRetentionPeriod=1209600\n" +
				"VisibilityTimeout=60\nFifoQueue=true\nQueueName=Fn::If[Loop a b]\nout QueueName=Ref:AWS::NoValue"},
		{"region and size", Options{Region: "us-east-1", Parameters: map[string]string{"Size": "10", "Flag": "false", "Nope": "x"}},
			"resources [Cache Queue] dropped [Db] outputs [QueueName]\n" +
				"DelaySeconds=5\nTags=[{region virginia}]\nMessageRetentionPeriod=1209600\n" +
				"VisibilityTimeout=30\nFifoQueue=false\nQueueName=Fn::If[Loop a b]\nout QueueName=Ref:Queue"},
		{"keep conditions", Options{KeepConditions: true, Parameters: map[string]string{"Env": "prod"}},
			"resources [Db Cache Queue] dropped [] outputs [DbName QueueName]\n" +
				"DelaySeconds=Fn::If[IsProd 0 5]\nTags=[Fn::If[IsProd {a b} Ref:AWS::NoValue] {region Fn::If[InUS virginia elsewhere]}]\nMessageRetentionPeriod=Fn::If[ProdOrBig 1209600 Ref:AWS::NoValue]\n" +
				"VisibilityTimeout=Fn::If[DevAndUS 30 60]\nFifoQueue=Fn::If[FlagOn true false]\nQueueName=Fn::If[Loop a b]\nout QueueName=Fn::If[IsDev Ref:Queue Ref:AWS::NoValue]"},
	}
	for _, c := range cases {
		tpl, err := Parse("t.yaml", []byte(conditional), c.opts)
		if err != nil {
			t.Fatal(err)
		}
		g := tpl.Graph
		var ids, outs []string
		for _, r := range g.Resources {
			ids = append(ids, r.ID)
		}
		for _, o := range g.Outputs {
			outs = append(outs, o.Name)
		}
		lines := []string{fmt.Sprintf("resources %v dropped %v outputs %v", ids, orEmpty(tpl.Dropped), outs)}
		for _, e := range g.Resource("Queue").Properties.Entries {
			lines = append(lines, e.Key+"="+short(e.Value))
		}
		for _, o := range g.Outputs {
			if o.Name == "QueueName" {
				lines = append(lines, "out QueueName="+short(o.Value))
			}
		}
		if got := strings.Join(lines, "\n"); got != c.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", c.name, got, c.want)
		}
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// short prints a value compactly for comparisons.
func short(v ir.Value) string {
	switch x := v.(type) {
	case *ir.List:
		parts := make([]string, len(x.Items))
		for i, it := range x.Items {
			parts[i] = short(it)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case *ir.Map:
		parts := make([]string, len(x.Entries))
		for i, e := range x.Entries {
			parts[i] = short(e.Value)
		}
		return "{" + strings.Join(parts, " ") + "}"
	case ir.Ref:
		return "Ref:" + x.Target
	case ir.Call:
		return x.Fn + short(x.Args)
	}
	return fmt.Sprint(v)
}
