package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// maxNesting bounds how deeply HCL source may nest before it is parsed.
// The HCL parser and evaluator recurse once per bracket, prefix operator,
// traversal step, chained binary operator and template directive, and a
// Go stack overflow is fatal, not a recoverable panic: a 200 KB file of
// nested parentheses would end the whole scan. Real configurations nest
// a few dozen levels at most. JSON and YAML inputs have the same limit.
const maxNesting = 512

// nestingFrame is one open bracket, quote, interpolation or heredoc.
type nestingFrame struct {
	open  hclsyntax.TokenType
	chain int // operators and traversal steps since the last separator
}

// tooDeep returns an error at the first token where data, lexed as an HCL
// configuration (or as a template), nests deeper than maxNesting, or nil.
// Depth counts every open bracket plus the operator and traversal chains
// along the way, as those are what the parser and evaluator recurse on.
func tooDeep(data []byte, path string, start hcl.Pos, template bool) error {
	var toks hclsyntax.Tokens
	if template {
		toks, _ = hclsyntax.LexTemplate(data, path, start)
	} else {
		toks, _ = hclsyntax.LexConfig(data, path, start)
	}
	stack := []nestingFrame{{}}
	depth := 0 // the sum of len(stack) and every frame's chain
	directives := 0
	for i, t := range toks {
		top := &stack[len(stack)-1]
		switch t.Type {
		case hclsyntax.TokenOBrace, hclsyntax.TokenOBrack, hclsyntax.TokenOParen, hclsyntax.TokenOQuote,
			hclsyntax.TokenOHeredoc, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			if t.Type == hclsyntax.TokenTemplateControl && i+1 < len(toks) {
				directives += directiveDepth(toks[i+1])
			}
			if t.Type == hclsyntax.TokenOBrack && i > 0 && endsOperand(toks[i-1].Type) {
				top.chain++ // an index or splat step: x[0], x[*]
				depth++
			}
			stack = append(stack, nestingFrame{open: t.Type})
			depth++
		case hclsyntax.TokenCBrace, hclsyntax.TokenCBrack, hclsyntax.TokenCParen, hclsyntax.TokenCQuote,
			hclsyntax.TokenCHeredoc, hclsyntax.TokenTemplateSeqEnd:
			if len(stack) > 1 {
				depth -= 1 + top.chain
				stack = stack[:len(stack)-1]
			}
		case hclsyntax.TokenComma, hclsyntax.TokenEqual, hclsyntax.TokenFatArrow:
			depth -= top.chain
			top.chain = 0
		case hclsyntax.TokenNewline:
			// Newlines end an attribute or object item, but not an
			// expression inside parentheses or a list.
			if top.open != hclsyntax.TokenOParen && top.open != hclsyntax.TokenOBrack {
				depth -= top.chain
				top.chain = 0
			}
		case hclsyntax.TokenDot, hclsyntax.TokenPlus, hclsyntax.TokenMinus, hclsyntax.TokenStar, hclsyntax.TokenSlash,
			hclsyntax.TokenPercent, hclsyntax.TokenAnd, hclsyntax.TokenOr, hclsyntax.TokenBang, hclsyntax.TokenEqualOp,
			hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq, hclsyntax.TokenGreaterThan,
			hclsyntax.TokenGreaterThanEq, hclsyntax.TokenQuestion, hclsyntax.TokenColon, hclsyntax.TokenEllipsis:
			top.chain++
			depth++
		}
		if depth+max(directives, 0) > maxNesting {
			r := toRange(t.Range)
			r.File = path
			return source.Errorf(r, "HCL nested deeper than %d levels (brackets, operators or template directives); not parsed", maxNesting)
		}
	}
	return nil
}

// directiveDepth is +1 for the token after "%{" that opens a template
// directive (if, for), -1 for one that closes it, else 0.
func directiveDepth(t hclsyntax.Token) int {
	if t.Type != hclsyntax.TokenIdent {
		return 0
	}
	switch string(t.Bytes) {
	case "if", "for":
		return 1
	case "endif", "endfor":
		return -1
	}
	return 0
}

// endsOperand holds for the tokens an index or splat step can follow.
func endsOperand(t hclsyntax.TokenType) bool {
	switch t {
	case hclsyntax.TokenIdent, hclsyntax.TokenNumberLit, hclsyntax.TokenStar, hclsyntax.TokenCBrack,
		hclsyntax.TokenCParen, hclsyntax.TokenCBrace, hclsyntax.TokenCQuote, hclsyntax.TokenCHeredoc:
		return true
	}
	return false
}
