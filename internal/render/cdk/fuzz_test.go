package cdk

import (
	"strings"
	"testing"
)

// FuzzNames feeds arbitrary names to the naming helpers: no panic, and the
// app names always make a valid class name and a lower-case file name.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"MultiAZ", "DBInstanceClass", "Endpoint.Address", "my_api v2", "", "9", "ÄÖ", "a--b", "VPCs"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = camel(s)
		_ = pascal(s)
		_ = attrGetter("AWS::S3::Bucket", s)
		_, _, _ = l1(s)
		q := quote(s)
		if !strings.HasPrefix(q, "'") || !strings.HasSuffix(q, "'") || strings.ContainsAny(q[1:len(q)-1], "\n\r") {
			t.Errorf("quote(%q): got %s, want one single-quoted line", s, q)
		}
		n := newNames(s)
		if !isIdent(n.class) || n.file != strings.ToLower(n.file) {
			t.Errorf("newNames(%q): got class %q file %q, want an identifier and a lower-case file", s, n.class, n.file)
		}
	})
}
