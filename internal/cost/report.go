package cost

import (
	"fmt"

	"github.com/hoist-dev/hoist/internal/ir"
	"github.com/shopspring/decimal"
)

// FormatVersion is the version of the JSON report's shape (schema.json).
const FormatVersion = "1"

// Change says how a resource differs from the compared-to estimate.
const (
	ChangeAdded     = "added"
	ChangeRemoved   = "removed"
	ChangeChanged   = "changed"
	ChangeUnchanged = "unchanged"
)

// Report is the result of Estimate: every resource of the stack with its
// cost components, the resources Hoist cannot price, savings hints and
// warnings. Compare fills the Past* and Diff* fields.
type Report struct {
	Currency   string
	PricesAsOf string
	Region     string
	Total      decimal.Decimal
	// PastTotal and DiffTotal are set by Compare only.
	PastTotal   *decimal.Decimal
	DiffTotal   *decimal.Decimal
	Resources   []Resource
	Unsupported []Unsupported
	Savings     []Saving
	Warnings    []Warning
}

// Resource is one priced (or free) resource.
type Resource struct {
	Address string
	Type    string
	// Cost is the sum of the components whose cost is known.
	Cost decimal.Decimal
	// Free marks types that AWS does not charge for.
	Free       bool
	Components []Component
	Loc        ir.Location
	// Set by Compare: the change and the past cost (zero when added).
	Change   string
	PastCost *decimal.Decimal
	DiffCost *decimal.Decimal
}

// Component is one priced dimension of a resource.
type Component struct {
	Name string
	Unit string
	// Quantity is nil when it depends on usage that is not known.
	Quantity *decimal.Decimal
	// Price is nil when the catalog has no price for the region.
	Price *decimal.Decimal
	// Cost is nil when Quantity or Price is.
	Cost       *decimal.Decimal
	UsageBased bool
	Note       string
	// priceUnit is the unit the price is for (used in "per GB" texts).
	priceUnit string
	// key is what the component was priced from, for savings hints.
	key priceKey
	// taskCount is the number of Fargate tasks a CPU line is for.
	taskCount decimal.Decimal
}

// Unsupported is a resource no pricer knows.
type Unsupported struct {
	Address string
	Type    string
	Loc     ir.Location
}

// Saving is a hint in the style of AWS Cost Optimization Hub.
type Saving struct {
	Resource    string
	ActionType  string
	Description string
	Monthly     decimal.Decimal
	Effort      string
}

// Saving action types.
const (
	ActionMigrateToGraviton = "MigrateToGraviton"
	ActionRightsize         = "Rightsize"
	ActionUpgrade           = "Upgrade"
	ActionDelete            = "Delete"
	ActionConsolidate       = "Consolidate"
	ActionMigrate           = "MigrateToECSExpressMode"
)

// Warning is something the estimate could not do exactly: a price missing
// from the snapshot, a usage key that means nothing for its resource.
type Warning struct {
	Address string
	Message string
	Loc     ir.Location
}

func (w Warning) String() string {
	s := w.Message
	if w.Address != "" {
		s = w.Address + ": " + s
	}
	if w.Loc.File != "" {
		s = w.Loc.String() + ": " + s
	}
	return s
}

// Error is an error with the place in a file it is about.
type Error struct {
	Loc ir.Location
	Msg string
}

func (e *Error) Error() string {
	if e.Loc.File == "" {
		return e.Msg
	}
	return fmt.Sprintf("%s: %s", e.Loc, e.Msg)
}

// priceKey names a price in the catalog.
type priceKey struct{ Service, Item, Variant string }

func (k priceKey) String() string {
	s := k.Service + "/" + k.Item
	if k.Variant != "" {
		s += "/" + k.Variant
	}
	return s
}
