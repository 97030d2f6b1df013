package intent

import (
	"fmt"
	"os"
	"testing"
)

func TestDbg(t *testing.T) {
	d, _ := os.ReadFile("/tmp/try.txt")
	for _, l := range lexify(Tokenize(string(d))) {
		fmt.Printf("%q cat=%d val=%s kind=%d\n", l.text, l.cat, l.val, l.kind)
	}
}
