package cost

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"io"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

//go:embed schema.json
var schemaJSON []byte

// Schema returns the JSON Schema (draft 2020-12) of WriteJSON's output.
func Schema() []byte { return bytes.Clone(schemaJSON) }

type jsonReport struct {
	FormatVersion string            `json:"format_version"`
	Currency      string            `json:"currency"`
	PricesAsOf    string            `json:"prices_as_of"`
	Region        string            `json:"region"`
	Total         string            `json:"total_monthly_cost"`
	PastTotal     *string           `json:"past_total_monthly_cost,omitempty"`
	DiffTotal     *string           `json:"diff_total_monthly_cost,omitempty"`
	Resources     []jsonResource    `json:"resources"`
	Unsupported   []jsonUnsupported `json:"unsupported"`
	Savings       []jsonSaving      `json:"savings"`
	Warnings      []jsonWarning     `json:"warnings"`
}

type jsonResource struct {
	Address    string          `json:"address"`
	Type       string          `json:"type"`
	Cost       string          `json:"monthly_cost"`
	Free       bool            `json:"free,omitempty"`
	Change     string          `json:"change,omitempty"`
	PastCost   *string         `json:"past_monthly_cost,omitempty"`
	DiffCost   *string         `json:"diff_monthly_cost,omitempty"`
	Location   *ir.Location    `json:"location,omitempty"`
	Components []jsonComponent `json:"components"`
}

type jsonComponent struct {
	Name       string  `json:"name"`
	Unit       string  `json:"unit"`
	Quantity   *string `json:"monthly_quantity"`
	Price      *string `json:"price"`
	Cost       *string `json:"monthly_cost"`
	UsageBased bool    `json:"usage_based"`
	Note       string  `json:"note,omitempty"`
}

type jsonUnsupported struct {
	Address  string       `json:"address"`
	Type     string       `json:"type"`
	Location *ir.Location `json:"location,omitempty"`
}

type jsonSaving struct {
	Resource    string `json:"resource"`
	ActionType  string `json:"action_type"`
	Description string `json:"description"`
	Monthly     string `json:"estimated_monthly_savings"`
	Effort      string `json:"effort"`
}

type jsonWarning struct {
	Address  string       `json:"address,omitempty"`
	Message  string       `json:"message"`
	Location *ir.Location `json:"location,omitempty"`
}

func str(d *decimal.Decimal) *string {
	if d == nil {
		return nil
	}
	s := d.String()
	return &s
}

func loc(l ir.Location) *ir.Location {
	if l.File == "" {
		return nil
	}
	return &l
}

// WriteJSON writes the report as JSON (schema.json): money as decimal
// strings, lists never null. past_total_monthly_cost,
// diff_total_monthly_cost and each resource's change, past_monthly_cost
// and diff_monthly_cost are present only in a Compare report.
func (r *Report) WriteJSON(w io.Writer) error {
	out := jsonReport{
		FormatVersion: FormatVersion, Currency: r.Currency, PricesAsOf: r.PricesAsOf, Region: r.Region,
		Total: r.Total.String(), PastTotal: str(r.PastTotal), DiffTotal: str(r.DiffTotal),
		Resources: []jsonResource{}, Unsupported: []jsonUnsupported{}, Savings: []jsonSaving{}, Warnings: []jsonWarning{},
	}
	for _, res := range r.Resources {
		jr := jsonResource{Address: res.Address, Type: res.Type, Cost: res.Cost.String(), Free: res.Free, Change: res.Change,
			PastCost: str(res.PastCost), DiffCost: str(res.DiffCost), Location: loc(res.Loc), Components: []jsonComponent{}}
		for _, c := range res.Components {
			jr.Components = append(jr.Components, jsonComponent{Name: c.Name, Unit: c.Unit, Quantity: str(c.Quantity), Price: str(c.Price), Cost: str(c.Cost), UsageBased: c.UsageBased, Note: c.Note})
		}
		out.Resources = append(out.Resources, jr)
	}
	for _, u := range r.Unsupported {
		out.Unsupported = append(out.Unsupported, jsonUnsupported{Address: u.Address, Type: u.Type, Location: loc(u.Loc)})
	}
	for _, s := range r.Savings {
		out.Savings = append(out.Savings, jsonSaving{Resource: s.Resource, ActionType: s.ActionType, Description: s.Description, Monthly: s.Monthly.StringFixed(2), Effort: s.Effort})
	}
	for _, wn := range r.Warnings {
		out.Warnings = append(out.Warnings, jsonWarning{Address: wn.Address, Message: wn.Message, Location: loc(wn.Loc)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
