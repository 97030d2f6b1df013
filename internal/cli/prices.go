package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/hoist-dev/hoist/internal/filewrite"
	"github.com/hoist-dev/hoist/internal/prices"
)

func newPricesCmd(deps *Deps) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "prices",
		Short: "Manage the AWS price snapshot cost estimates use",
		Long: `Hoist prices stacks from a snapshot of AWS list prices built into the binary.
'hoist prices refresh' replaces it with current prices from AWS's public
Price List Bulk API (no account or key needed), stored in Hoist's cache
folder ($XDG_CACHE_HOME/hoist/prices.json); 'hoist cost' then uses it.`,
		Example: `  $ hoist prices refresh
  $ hoist prices refresh --region eu-west-1 --region us-east-1`,
	}
	cmd.AddCommand(newPricesRefreshCmd(deps))
	return cmd
}

type pricesRefreshOptions struct {
	Regions []string
	BaseURL string
}

func newPricesRefreshCmd(deps *Deps) *cobra.Command {
	opts := &pricesRefreshOptions{}
	cmd := &cobra.Command{
		Use:   "refresh",
		Short: "Download current AWS list prices into Hoist's cache",
		Long: `Refresh reads AWS's Price List Bulk API: the offer index, each offer's region
index, then the offer file of every region asked for. Offer files are
streamed and filtered, so a 500 MB file never sits in memory. Prices the
price list does not return are carried over from the current snapshot, so
nothing is lost. The new snapshot is written atomically to the cache.`,
		Example: `  $ hoist prices refresh
  $ hoist prices refresh --region us-west-2
  $ hoist prices refresh --endpoint https://pricing.us-east-1.amazonaws.com`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runPricesRefresh(cmd.Context(), deps, opts)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&opts.Regions, "region", nil, "region to refresh (repeatable; default: every region of the snapshot)")
	f.StringVar(&opts.BaseURL, "endpoint", prices.DefaultBaseURL, "base URL of the Price List Bulk API")
	return cmd
}

func runPricesRefresh(ctx context.Context, deps *Deps, opts *pricesRefreshOptions) error {
	if err := deps.checkOutput("text", "json"); err != nil {
		return err
	}
	dir := userCacheDir(deps.Getenv)
	if dir == "" {
		return usageErrorf("no cache folder: set XDG_CACHE_HOME or HOME")
	}
	base, err := prices.Load(dir)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	c, err := prices.Refresh(ctx, prices.RefreshOptions{
		BaseURL: opts.BaseURL, Regions: opts.Regions, Base: base,
		Progress: func(msg string) { fmt.Fprintln(deps.IO.ErrOut, msg) },
	})
	if err != nil {
		return err
	}
	data, err := c.Marshal()
	if err != nil {
		return err
	}
	path := filepath.Join(dir, prices.CacheFile)
	if err := filewrite.WriteAtomic(path, data, 0o644); err != nil {
		return err
	}
	if deps.Output == "json" {
		return writeJSON(deps.IO.Out, map[string]any{"path": path, "snapshot_date": c.SnapshotDate(), "regions": c.Regions(), "prices": len(c.Rows())})
	}
	_, err = fmt.Fprintf(deps.IO.Out, "wrote %s: %d prices, %s, as of %s\n", path, len(c.Rows()), strings.Join(c.Regions(), ", "), c.SnapshotDate())
	return err
}
