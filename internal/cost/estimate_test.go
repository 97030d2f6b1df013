package cost

import (
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/expand"
	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/hoist-dev/hoist/internal/spec"
)

func TestUnknownRegion(t *testing.T) {
	_, err := Estimate(nil, Options{Region: "mars-1"})
	if err == nil || !strings.Contains(err.Error(), `unknown region "mars-1"`) || !strings.Contains(err.Error(), "us-east-1") {
		t.Errorf("err = %v, want unknown region listing the known ones", err)
	}
}

func TestFreeTier(t *testing.T) {
	g := importTemplate(t, "testdata/pricers/lambda_function/template.yaml")
	u := loadUsage(t, "testdata/pricers/lambda_function/usage.yml")
	off := estimate(t, []*ir.Graph{g}, Options{Region: "us-east-1", Usage: u})
	on := estimate(t, []*ir.Graph{g}, Options{Region: "us-east-1", Usage: u, FreeTier: true})
	// Off: 3.06668. On: 1M of the 2M requests free -> 0.2; all 200,000 GB-s
	// within the 400,000 free -> 0. Total 0.2.
	if !off.Total.Equal(dec("3.06668")) || !on.Total.Equal(dec("0.2")) {
		t.Errorf("free tier off %s (want 3.06668), on %s (want 0.2)", off.Total, on.Total)
	}
	// Outside us-east-1 the snapshot has no allowance: nothing is taken
	// off and a warning says so.
	cf := importTemplate(t, "testdata/pricers/sqs_queue/template.yaml")
	cu := loadUsage(t, "testdata/pricers/sqs_queue/usage.yml")
	rep := estimate(t, []*ir.Graph{cf}, Options{Region: "us-east-1", Usage: cu, FreeTier: true})
	// 1M free across the queues, taken from the first (Jobs, standard): 4M x 0.4/1M = 1.6; Orders 1
	if !rep.Total.Equal(dec("2.6")) {
		t.Errorf("sqs with free tier = %s, want 2.6", rep.Total)
	}
}

func TestFreeAndUnsupported(t *testing.T) {
	g := &ir.Graph{}
	g.MustAdd(&ir.Resource{ID: "Vpc", Type: "AWS::EC2::VPC"})
	g.MustAdd(&ir.Resource{ID: "Role", Type: "AWS::IAM::Role"})
	g.MustAdd(&ir.Resource{ID: "Bus", Type: "AWS::Events::EventBus"})
	g.MustAdd(&ir.Resource{ID: "X", Type: "Terraform::aws_foo", Origin: ir.Origin{Kind: ir.FromTerraform, Source: "aws_foo.x"}})
	rep := estimate(t, []*ir.Graph{g}, Options{Region: "eu-west-1"})
	if len(rep.Resources) != 2 || !rep.Resources[0].Free || !rep.Resources[1].Free || !rep.Total.IsZero() {
		t.Errorf("resources = %+v, want two free", rep.Resources)
	}
	if len(rep.Unsupported) != 2 || rep.Unsupported[0].Address != "Bus" || rep.Unsupported[1].Address != "aws_foo.x" {
		t.Errorf("unsupported = %+v", rep.Unsupported)
	}
}

func TestSeveralGraphs(t *testing.T) {
	a := importTemplate(t, "testdata/pricers/eip/template.yaml")
	a.Name = "web"
	b := importTemplate(t, "testdata/pricers/eip/template.yaml")
	b.Name = "data"
	u, _, err := ParseUsage("u.yml", []byte("version: 1\nresource_usage:\n  data/Ip: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	rep := estimate(t, []*ir.Graph{a, b}, Options{Region: "us-east-1", Usage: u})
	if len(rep.Resources) != 2 || rep.Resources[0].Address != "data/Ip" || rep.Resources[1].Address != "web/Ip" {
		t.Errorf("addresses = %v, want data/Ip and web/Ip", rep.Resources)
	}
	if !rep.Total.Equal(dec("7.3")) {
		t.Errorf("total %s, want 7.3", rep.Total)
	}
}

// BenchmarkEstimate1000 prices a graph of about 1,000 resources: the
// expanded large bench spec, repeated under distinct IDs.
func BenchmarkEstimate1000(b *testing.B) {
	doc, err := spec.Load("../expand/testdata/bench/large.yaml")
	if err != nil {
		b.Fatal(err)
	}
	res, err := expand.Expand(doc.Spec)
	if err != nil {
		b.Fatal(err)
	}
	g := &ir.Graph{Name: "bench"}
	for i := 0; len(g.Resources) < 1000; i++ {
		for _, r := range res.Graph.Resources {
			if len(g.Resources) == 1000 {
				break
			}
			c := *r
			if i > 0 {
				c.ID = r.ID + "X" + string(rune('A'+i))
			}
			g.MustAdd(&c)
		}
	}
	b.ReportMetric(float64(len(g.Resources)), "resources")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Estimate([]*ir.Graph{g}, Options{Region: "us-east-1"}); err != nil {
			b.Fatal(err)
		}
	}
}
