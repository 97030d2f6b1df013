package cost

// idleIPv4Hint: an Elastic IP nothing in the stack uses (no NAT gateway,
// association or instance refers to it) still costs its public IPv4 hours.
var idleIPv4Hint = hint{ID: "idle-ipv4", Find: func(e *estimator) []Saving {
	var out []Saving
	for _, p := range e.priced {
		if p.r.Type != "AWS::EC2::EIP" || p.r.Properties.Get("InstanceId") != nil || referenced(p.g, p.r.ID) {
			continue
		}
		res := e.resourceOf(p)
		out = append(out, Saving{
			Resource: res.Address, ActionType: ActionDelete, Effort: EffortVeryLow, Monthly: res.Cost,
			Description: "Elastic IP not attached to anything in the stack: public IPv4 is charged whether used or idle; release it.",
		})
	}
	return out
}}
