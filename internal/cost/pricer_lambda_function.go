package cost

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

// lambdaPricer prices a Lambda function: requests and compute
// (GB-seconds = requests x request_duration_ms / 1000 x MemorySize / 1024)
// at the price of its architecture (x86_64 unless Architectures says
// arm64), tiered: the snapshot's price is the first 6B GB-s (x86) or 7.5B
// (arm) a month. With FreeTier the 1M requests and 400,000 GB-s come off.
var lambdaPricer = pricer{
	Type:      "AWS::Lambda::Function",
	Terraform: []string{"aws_lambda_function"},
	Usage: []usageKey{
		{Key: "monthly_requests", Desc: "invocations a month"},
		{Key: "request_duration_ms", Desc: "average duration of an invocation, ms"},
	},
	Price: priceLambda,
}

// lambdaShape reads memory (MB, default 128) and architecture.
func (c *calc) lambdaShape() (mem decimal.Decimal, arch string) {
	mem, ok := c.num("MemorySize")
	if !ok {
		mem = decimal.NewFromInt(128)
	}
	arch = "x86_64"
	if a, _ := ir.AsString(c.resolve(ir.Lookup(c.prop("Architectures"), "0"))); a == "arm64" {
		arch = "arm64"
	}
	return mem, arch
}

// lambdaGBSeconds is the month's compute; nil when usage is unknown.
func (c *calc) lambdaGBSeconds(mem decimal.Decimal) *decimal.Decimal {
	req, dur := c.usage("monthly_requests"), c.usage("request_duration_ms")
	if req == nil || dur == nil {
		return nil
	}
	v := req.Mul(*dur).Div(thousand).Mul(mem).Div(gib)
	return &v
}

func priceLambda(c *calc) {
	mem, arch := c.lambdaShape()
	cp := c.fromUsage("Requests", priceKey{"lambda", "requests_per_million", ""}, "1M requests", "monthly_requests", million)
	c.freeTier(cp, "lambda", "always_free_requests", million)
	gbs := c.lambdaGBSeconds(mem)
	note := ""
	if gbs != nil && c.e.opts.FreeTier {
		var left decimal.Decimal
		left, note = c.e.allowance(c, "lambda", "always_free_compute", *gbs)
		gbs = &left
	}
	first := dec("6000000000")
	if arch == "arm64" {
		first = dec("7500000000")
	}
	tiers := []tier{
		{Variant: arch, Label: fmt.Sprintf("first %s B GB-s", first.Div(dec("1000000000"))), Size: first},
		{Variant: arch + ":next-tier", Label: "next tier"},
	}
	at := len(c.comps)
	c.tiered(fmt.Sprintf("Compute (%s MB, %s)", mem, arch), "lambda", "gb_second", "GB-second", tiers, gbs, true)
	if note != "" {
		c.comps[at].Note = note
	}
}
