package cost

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// natHint weighs NAT gateways per AZ against a single shared one, and
// interface VPC endpoints against sending their traffic through NAT.
var natHint = hint{ID: "nat", Find: func(e *estimator) []Saving {
	var out []Saving
	hour, okHour := e.price(priceKey{"nat_gateway", "hour", ""})
	natGB, okGB := e.price(priceKey{"nat_gateway", "gb_processed", ""})
	ip, okIP := e.price(priceKey{"public_ipv4", "address_hour", ""})
	for _, g := range e.graphs {
		nats := g.OfType("AWS::EC2::NatGateway")
		if len(nats) >= 2 && okHour {
			extra := decimal.NewFromInt(int64(len(nats) - 1))
			perNAT := hour
			if okIP {
				perNAT = perNAT.Add(ip)
			}
			out = append(out, Saving{
				Resource: e.address(g, nats[0]), ActionType: ActionConsolidate, Effort: EffortLow,
				Monthly: extra.Mul(perNAT).Mul(e.hours),
				Description: fmt.Sprintf("%d NAT gateways, one per AZ: one shared NAT gateway (and its Elastic IP) saves %s NAT gateways; traffic from the other AZs then pays inter-AZ transfer and loses AZ independence.",
					len(nats), extra),
			})
		}
		if len(nats) == 0 || !okGB {
			continue
		}
		epGB, okEP := e.price(priceKey{"vpc_endpoint_interface", "gb_processed", "first-1PB"})
		for _, p := range e.priced {
			if p.g != g || p.r.Type != "AWS::EC2::VPCEndpoint" {
				continue
			}
			res := e.resourceOf(p)
			fixed := decimal.Zero
			for _, cp := range res.Components {
				if !cp.UsageBased && cp.Cost != nil {
					fixed = fixed.Add(*cp.Cost)
				}
			}
			if !fixed.IsPositive() || !okEP || !natGB.GreaterThan(epGB) {
				continue
			}
			breakEven := fixed.Div(natGB.Sub(epGB)).Round(0)
			out = append(out, Saving{
				Resource: res.Address, ActionType: ActionDelete, Effort: EffortLow, Monthly: fixed,
				Description: fmt.Sprintf("The stack has a NAT gateway: without this interface endpoint its traffic goes through NAT (%s/GB instead of %s/GB); cheaper while that traffic stays under %s GB a month, but it leaves the VPC's private path.",
					"$"+natGB.String(), "$"+epGB.String(), breakEven),
			})
		}
	}
	return out
}}
