package dockerfile

import (
	"encoding/json"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	data, err := os.ReadFile(os.Getenv("DUMP"))
	if err != nil {
		t.Skip()
	}
	rs, errs := Load("Dockerfile", data)
	t.Log(errs)
	for _, r := range rs {
		b, _ := json.MarshalIndent(r.Spec, "", " ")
		t.Log(string(b))
	}
}
