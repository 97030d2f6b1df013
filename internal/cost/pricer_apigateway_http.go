package cost

import "strings"

// apiGatewayV2Pricer prices an API Gateway v2 API. HTTP APIs: requests,
// each 512 KB of a request counting as one (request_size_kb), tiered: first
// 300M, then over 300M a month. WebSocket API prices are not in the
// snapshot.
var apiGatewayV2Pricer = pricer{
	Type:      "AWS::ApiGatewayV2::Api",
	Terraform: []string{"aws_apigatewayv2_api"},
	Usage: []usageKey{
		{Key: "monthly_requests", Desc: "requests a month"},
		{Key: "request_size_kb", Desc: "average request size, KB (each 512 KB is billed as a request)"},
	},
	Price: func(c *calc) {
		if p := strings.ToUpper(c.str("ProtocolType")); p == "WEBSOCKET" {
			c.fromUsage("Messages", priceKey{"apigateway", "websocket_messages_per_million", "first-1B"}, "1M messages", "monthly_requests", million)
			return
		}
		req := c.scaled("monthly_requests", million)
		if req != nil {
			if size := c.usage("request_size_kb"); size != nil && size.GreaterThan(dec("512")) {
				v := req.Mul(size.Div(dec("512")).Ceil())
				req = &v
			}
		}
		c.tiered("Requests (HTTP API)", "apigateway", "http_api_per_million", "1M requests", []tier{
			{Variant: "first-300M", Label: "first 300M", Size: dec("300")},
			{Variant: "over-300M", Label: "over 300M"},
		}, req, true)
	},
}
