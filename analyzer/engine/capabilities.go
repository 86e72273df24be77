package engine

import (
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// forbidden builtins let a policy reach the network or the environment. A
// linter's rules, built-in or a user's, need neither; refusing them at
// compile time keeps a scan hermetic.
func forbidden(name string) bool {
	return name == "http.send" || name == "opa.runtime" || strings.HasPrefix(name, "net.")
}

// capabilities are this OPA's capabilities, including the builtins
// shipcheck registers, minus the forbidden ones. Computed once: building
// them walks every builtin.
var capabilities = sync.OnceValue(func() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0]
	for _, b := range caps.Builtins {
		if !forbidden(b.Name) {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
})
