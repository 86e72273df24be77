package dbg

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/shipcheck/shipcheck/analyzer/terraform"
)

func TestDumpDir(t *testing.T) {
	rs, errs := terraform.LoadModule(os.Getenv("EXDIR"), nil, terraform.Options{})
	fmt.Println(errs)
	for _, r := range rs {
		b, _ := json.Marshal(r.Spec)
		fmt.Println(r.Name, string(b), r.Diagnostics)
	}
}
