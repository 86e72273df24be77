package terraform

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// maxFileSize bounds what file() and templatefile() read, so a reference to
// a huge file cannot exhaust memory.
const maxFileSize = 4 << 20

// functions returns the Terraform functions the analyzer evaluates: the
// cty standard library under Terraform's names plus the few Terraform
// defines itself. A call to a function not listed here fails to evaluate
// and its value stays unknown, which is always safe.
func functions(dir string) map[string]function.Function {
	fs := map[string]function.Function{
		"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "floor": stdlib.FloorFunc,
		"max": stdlib.MaxFunc, "min": stdlib.MinFunc, "parseint": stdlib.ParseIntFunc,
		"pow": stdlib.PowFunc, "signum": stdlib.SignumFunc, "log": stdlib.LogFunc,
		"chomp": stdlib.ChompFunc, "format": stdlib.FormatFunc, "formatlist": stdlib.FormatListFunc,
		"indent": stdlib.IndentFunc, "join": stdlib.JoinFunc, "lower": stdlib.LowerFunc,
		"upper": stdlib.UpperFunc, "regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc,
		"replace": replaceFunc, "split": stdlib.SplitFunc, "strrev": stdlib.ReverseFunc,
		"substr": stdlib.SubstrFunc, "title": stdlib.TitleFunc, "trim": stdlib.TrimFunc,
		"trimprefix": stdlib.TrimPrefixFunc, "trimsuffix": stdlib.TrimSuffixFunc,
		"trimspace": stdlib.TrimSpaceFunc, "chunklist": stdlib.ChunklistFunc,
		"coalesce": coalesceFunc, "coalescelist": stdlib.CoalesceListFunc,
		"compact": stdlib.CompactFunc, "concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc,
		"distinct": stdlib.DistinctFunc, "element": stdlib.ElementFunc, "flatten": stdlib.FlattenFunc,
		"index": indexFunc, "keys": stdlib.KeysFunc, "length": lengthFunc,
		"lookup": lookupFunc, "merge": stdlib.MergeFunc, "range": stdlib.RangeFunc,
		"reverse": stdlib.ReverseListFunc, "setintersection": stdlib.SetIntersectionFunc,
		"setproduct": stdlib.SetProductFunc, "setsubtract": stdlib.SetSubtractFunc,
		"setunion": stdlib.SetUnionFunc, "slice": stdlib.SliceFunc, "sort": stdlib.SortFunc,
		"values": stdlib.ValuesFunc, "zipmap": stdlib.ZipmapFunc,
		"jsonencode": stdlib.JSONEncodeFunc, "jsondecode": stdlib.JSONDecodeFunc, "yamldecode": yamldecodeFunc,
		"csvdecode": stdlib.CSVDecodeFunc, "formatdate": stdlib.FormatDateFunc,
		"timeadd": stdlib.TimeAddFunc,
		"tobool":  stdlib.MakeToFunc(cty.Bool), "tonumber": stdlib.MakeToFunc(cty.Number),
		"tostring": stdlib.MakeToFunc(cty.String), "tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"toset": stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)), "tomap": stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"try": tryfunc.TryFunc, "can": tryfunc.CanFunc,
		"startswith": stringTest(strings.HasPrefix), "endswith": stringTest(strings.HasSuffix),
		"strcontains": stringTest(strings.Contains),
		"basename":    stringMap(filepath.Base), "dirname": stringMap(filepath.Dir),
		"abspath": stringMap(func(s string) string { a, _ := filepath.Abs(s); return a }),
		"one":     oneFunc,
		"alltrue": boolFold(true), "anytrue": boolFold(false),
		"sensitive": identityFunc, "nonsensitive": identityFunc,
	}
	fs["file"] = fileFunc(dir)
	fs["fileexists"] = fileExistsFunc(dir)
	fs["templatefile"] = templateFileFunc(dir, fs)
	return fs
}

func stringTest(f func(s, x string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "x", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(f(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

func stringMap(f func(string) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(f(args[0].AsString())), nil
		},
	})
}

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.CanIterateElements() || v.LengthInt() > 1 {
			return cty.NilVal, function.NewArgErrorf(0, "must be a list, set or tuple of at most one element")
		}
		if v.LengthInt() == 0 {
			return cty.NullVal(cty.DynamicPseudoType), nil
		}
		return v.Index(cty.NumberIntVal(0)), nil
	},
})

// resolvePath finds a file named in the configuration. Terraform resolves
// relative paths from its working directory, the root module's folder; the
// scan runs elsewhere, so a relative path is looked up in the module's
// folder first, then (for names built from path.module, which already
// include it) from the scan's working directory.
func resolvePath(dir, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	if p := filepath.Join(dir, name); fileExistsOrDir(p) {
		return p
	}
	if fileExistsOrDir(name) {
		return name
	}
	return filepath.Join(dir, name)
}

func fileExistsOrDir(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func readLimited(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		// A named pipe would block the read forever, a device never end.
		return nil, function.NewArgErrorf(0, "%s is not a regular file", path)
	}
	if st.Size() > maxFileSize {
		return nil, function.NewArgErrorf(0, "%s is larger than %d bytes", path, maxFileSize)
	}
	return os.ReadFile(path)
}

func fileFunc(dir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			b, err := readLimited(resolvePath(dir, args[0].AsString()))
			if err != nil {
				return cty.NilVal, err
			}
			return cty.StringVal(string(b)), nil
		},
	})
}

func fileExistsFunc(dir string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			_, err := os.Stat(resolvePath(dir, args[0].AsString()))
			return cty.BoolVal(err == nil), nil
		},
	})
}

// templateFileFunc renders a template file with the given variables and
// the same functions, except templatefile itself (as in Terraform, which
// forbids recursion).
func templateFileFunc(dir string, fs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			expr, err := parseTemplateFile(resolvePath(dir, args[0].AsString()))
			if err != nil {
				return cty.NilVal, err
			}
			ctx, err := templateContext(args[1], fs)
			if err != nil {
				return cty.NilVal, err
			}
			v, diags := expr.Value(ctx)
			if diags.HasErrors() {
				return cty.NilVal, diags
			}
			return v, nil
		},
	})
}

func parseTemplateFile(path string) (hclsyntax.Expression, error) {
	b, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	if err := tooDeep(b, path, hcl.InitialPos, true); err != nil {
		return nil, err
	}
	expr, diags := hclsyntax.ParseTemplate(b, path, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, diags
	}
	return expr, nil
}

func templateContext(vars cty.Value, fs map[string]function.Function) (*hcl.EvalContext, error) {
	inner := make(map[string]function.Function, len(fs))
	for k, f := range fs {
		if k != "templatefile" {
			inner[k] = f
		}
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: inner}
	if vars.IsNull() || !vars.IsKnown() || !vars.CanIterateElements() {
		return ctx, nil
	}
	if !vars.Type().IsObjectType() && !vars.Type().IsMapType() {
		return nil, function.NewArgErrorf(1, "template variables must be an object")
	}
	for it := vars.ElementIterator(); it.Next(); {
		k, v := it.Element()
		ctx.Variables[k.AsString()] = v
	}
	return ctx, nil
}

// coalesceFunc is Terraform's coalesce: the first argument that is neither
// null nor an empty string. An unknown argument before it makes the result
// unknown.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "vals", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true},
	Type:     function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		for _, a := range args {
			if !a.IsKnown() {
				return cty.DynamicVal, nil
			}
			if a.IsNull() || (a.Type() == cty.String && a.AsString() == "") {
				continue
			}
			return a, nil
		}
		return cty.NilVal, function.NewArgErrorf(0, "no non-null, non-empty-string arguments")
	},
})

// indexFunc is Terraform's index(list, value): the position of value in
// list. cty's index(collection, key) is the element at a key instead.
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type: function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		list, value := args[0], args[1]
		if !(list.Type().IsListType() || list.Type().IsTupleType()) {
			return cty.NilVal, function.NewArgErrorf(0, "argument must be a list or tuple")
		}
		if !list.IsWhollyKnown() || !value.IsWhollyKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		for it := list.ElementIterator(); it.Next(); {
			i, v := it.Element()
			if eq := v.Equals(value); eq.IsKnown() && eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, function.NewArgErrorf(1, "item not found")
	},
})

// replaceFunc is Terraform's replace: a substring written between slashes
// ("/[^a-z0-9]/") is a regular expression, which cty's replace would look
// for literally and so return the string unchanged.
var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String},
		{Name: "substr", Type: cty.String},
		{Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		str, substr, repl := args[0].AsString(), args[1].AsString(), args[2].AsString()
		if len(substr) > 1 && substr[0] == '/' && substr[len(substr)-1] == '/' {
			re, err := regexp.Compile(substr[1 : len(substr)-1])
			if err != nil {
				return cty.NilVal, function.NewArgError(1, err)
			}
			return cty.StringVal(re.ReplaceAllString(str, repl)), nil
		}
		return cty.StringVal(strings.ReplaceAll(str, substr, repl)), nil
	},
})

// lookupFunc is Terraform's lookup, whose default is optional: without it
// a missing key is an error. cty's requires the default, so every
// lookup(var.environment, key) of a module failed and left the container
// definition built from it unknown.
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType},
		{Name: "key", Type: cty.String},
	},
	VarParam: &function.Parameter{Name: "default", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true},
	Type: func(args []cty.Value) (cty.Type, error) {
		switch len(args) {
		case 2:
			return lookupType(args[0].Type(), args[1])
		case 3:
			return stdlib.LookupFunc.ReturnTypeForValues(args)
		}
		return cty.NilType, function.NewArgErrorf(3, "lookup takes at most three arguments")
	},
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		if len(args) == 3 {
			return stdlib.LookupFunc.Call(args)
		}
		m, key := args[0], args[1]
		if !m.IsKnown() || !key.IsKnown() {
			return cty.UnknownVal(ret), nil
		}
		k := key.AsString()
		switch {
		case m.Type().IsObjectType() && m.Type().HasAttribute(k):
			return m.GetAttr(k), nil
		case m.Type().IsMapType() && m.HasIndex(key).True():
			return m.Index(key), nil
		}
		return cty.NilVal, function.NewArgErrorf(1, "the given key does not exist in the map, and there is no default")
	},
})

// lookupType is the type lookup(m, key) returns without a default.
func lookupType(m cty.Type, key cty.Value) (cty.Type, error) {
	switch {
	case m.IsMapType():
		return m.ElementType(), nil
	case m.IsObjectType() && key.IsKnown():
		if k := key.AsString(); m.HasAttribute(k) {
			return m.AttributeType(k), nil
		}
		return cty.NilType, function.NewArgErrorf(1, "the given key does not exist in the map, and there is no default")
	case m.IsObjectType(), m == cty.DynamicPseudoType:
		return cty.DynamicPseudoType, nil
	}
	return cty.NilType, function.NewArgErrorf(0, "lookup needs a map or an object")
}

// lengthFunc is Terraform's length, which unlike cty's also counts the
// attributes of an object and the characters of a string: modules test
// length(var.config) > 0 on object-typed and untyped (any) variables to
// decide whether a dynamic block exists. An object or tuple with unknown
// members still has a known length.
var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		ty := v.Type()
		switch {
		case ty == cty.DynamicPseudoType:
			return cty.UnknownVal(cty.Number), nil
		case ty.IsObjectType():
			return cty.NumberIntVal(int64(len(ty.AttributeTypes()))), nil
		case ty.IsTupleType():
			return cty.NumberIntVal(int64(len(ty.TupleElementTypes()))), nil
		case !v.IsKnown():
			return cty.UnknownVal(cty.Number), nil
		case ty == cty.String:
			return stdlib.Strlen(v)
		case ty.IsListType() || ty.IsMapType() || ty.IsSetType():
			return v.Length(), nil
		}
		return cty.NilVal, function.NewArgErrorf(0, "argument must be a string, a collection or a structural type")
	},
})

// boolFold is Terraform's alltrue (all=true) and anytrue: an unknown
// element makes the result unknown unless a known element already decides
// it.
func boolFold(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool), AllowUnknown: true}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			v := args[0]
			if !v.IsKnown() || v.IsNull() {
				return cty.UnknownVal(cty.Bool), nil
			}
			unknown := false
			for it := v.ElementIterator(); it.Next(); {
				_, e := it.Element()
				switch {
				case !e.IsKnown() || e.IsNull():
					unknown = true
				case e.True() != all:
					return cty.BoolVal(!all), nil
				}
			}
			if unknown {
				return cty.UnknownVal(cty.Bool), nil
			}
			return cty.BoolVal(all), nil
		},
	})
}

// identityFunc stands for sensitive and nonsensitive, which change how
// Terraform displays a value, not the value.
var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true, AllowNull: true}},
	Type: func(args []cty.Value) (cty.Type, error) {
		return args[0].Type(), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return args[0], nil
	},
})
