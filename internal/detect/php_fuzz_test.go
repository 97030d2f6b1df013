package detect

import "testing"

func FuzzParseComposerJSON(f *testing.F) {
	f.Add([]byte(`{"name":"a/b","require":{"php":"^8.3","laravel/framework":"^11"}}`))
	f.Add([]byte(`{"config":{"platform":{"php":8}},"require":[]}`))
	f.Add([]byte("{\n  \"name\": \"a\"\n  \"type\": 1\n}"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := parseComposerJSON(data)
		if err == nil {
			return
		}
		se, ok := err.(*syntaxError)
		if !ok {
			t.Fatalf("error %T %v is not a *syntaxError", err, err)
		}
		if se.Line < 0 || se.Line > lineCount(data) || se.Column < 0 {
			t.Fatalf("position %d:%d outside the input of %d lines", se.Line, se.Column, lineCount(data))
		}
	})
}
