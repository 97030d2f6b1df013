package intent

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hoist-dev/hoist/internal/spec"
)

func TestTry(t *testing.T) {
	data, _ := os.ReadFile("/tmp/try.txt")
	for _, d := range strings.Split(strings.TrimSpace(string(data)), "\n---\n") {
		var r *Result
		var err error
		if strings.HasPrefix(d, "base:") {
			line, rest, _ := strings.Cut(d, "\n")
			doc, lerr := spec.Load(strings.TrimSpace(strings.TrimPrefix(line, "base:")))
			if lerr != nil {
				t.Fatal(lerr)
			}
			r, err = Change(doc.Spec, rest)
		} else {
			r, err = New(d)
		}
		fmt.Println("=====", d)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		b, _ := spec.Marshal(r.Spec)
		fmt.Print(string(b))
		for _, a := range r.Assumptions {
			fmt.Printf("  A %s = %s\n", a.Field, a.Value)
		}
		for _, u := range r.Unrecognized {
			fmt.Printf("  U %q @%d\n", u.Text, u.Position)
		}
		for _, w := range r.Warnings {
			fmt.Printf("  W %s\n", w)
		}
	}
}
