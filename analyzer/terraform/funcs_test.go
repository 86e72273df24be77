package terraform

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// TestTerraformFunctions checks the functions whose Terraform semantics
// differ from cty's standard library, on known and unknown arguments.
func TestTerraformFunctions(t *testing.T) {
	vars := map[string]cty.Value{
		"obj":      cty.ObjectVal(map[string]cty.Value{"a": cty.StringVal("x"), "b": cty.UnknownVal(cty.String)}),
		"empty":    cty.EmptyObjectVal,
		"unknown":  cty.DynamicVal,
		"list":     cty.ListVal([]cty.Value{cty.StringVal("x")}),
		"unknownb": cty.UnknownVal(cty.Bool),
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"var": cty.ObjectVal(vars)}, Functions: functions(t.TempDir())}
	cases := map[string]cty.Value{
		`length(var.obj)`:                      cty.NumberIntVal(2),
		`length(var.empty) > 0`:                cty.False,
		`length("héllo")`:                      cty.NumberIntVal(5),
		`length(var.list)`:                     cty.NumberIntVal(1),
		`length({})`:                           cty.NumberIntVal(0),
		`length(var.unknown)`:                  cty.UnknownVal(cty.Number),
		`anytrue([false, var.unknownb, true])`: cty.True,
		`anytrue([false, var.unknownb])`:       cty.UnknownVal(cty.Bool),
		`alltrue([true, false, var.unknownb])`: cty.False,
		`alltrue([])`:                          cty.True,
		`nonsensitive(sensitive("s3cr3t"))`:    cty.StringVal("s3cr3t"),
		`anytrue([for v in [1, 2] : v > 1])`:   cty.True,
		`lookup({ a = "x" }, "a")`:             cty.StringVal("x"),
		`lookup(tomap({ a = "x" }), "a")`:      cty.StringVal("x"),
		`lookup(var.obj, "a")`:                 cty.StringVal("x"),
		`lookup({ a = "x" }, "b", "d")`:        cty.StringVal("d"),
		`replace("a.b-c", "/[^a-z]/", "")`:     cty.StringVal("abc"),
		`yamldecode("a: 1\nb: [x, yes]")`: cty.ObjectVal(map[string]cty.Value{
			"a": cty.NumberIntVal(1), "b": cty.TupleVal([]cty.Value{cty.StringVal("x"), cty.StringVal("yes")})}),
		`index(["a", "b"], "b")`:            cty.NumberIntVal(1),
		`replace("a.b", ".", "-")`:          cty.StringVal("a-b"),
		`replace("v1.2", "/v(\\d)/", "$1")`: cty.StringVal("1.2"),
		`lookup(var.unknown, "a")`:          cty.DynamicVal,
	}
	for _, src := range []string{`lookup({ a = "x" }, "b")`, `lookup(tomap({ a = "x" }), "b")`} {
		expr, _ := hclsyntax.ParseExpression([]byte(src), "test", hcl.InitialPos)
		if _, diags := expr.Value(ctx); !diags.HasErrors() {
			t.Errorf("%s: a missing key without a default must fail as in Terraform", src)
		}
	}
	for src, want := range cases {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "test", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", src, diags)
		}
		got, diags := expr.Value(ctx)
		if diags.HasErrors() {
			t.Errorf("%s: %v", src, diags)
			continue
		}
		if !got.RawEquals(want) {
			t.Errorf("%s = %#v, want %#v", src, got, want)
		}
	}
}

func TestModuleKeyDropsInstanceKeys(t *testing.T) {
	cases := map[[2]string]string{
		{"", "app"}:                              "app",
		{"module.app.", "vpc"}:                   "app.vpc",
		{`module.app["a.b"].`, "vpc"}:            "app.vpc",
		{`module.app["x"].module.db["y"].`, "z"}: "app.db.z",
	}
	for in, want := range cases {
		if got := moduleKey(in[0], in[1]); got != want {
			t.Errorf("moduleKey(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}
