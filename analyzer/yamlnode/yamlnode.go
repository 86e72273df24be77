// Package yamlnode reads YAML streams into source.Node trees with exact
// positions, for every input format written in YAML (Kubernetes manifests
// today, CloudFormation later).
//
// gopkg.in/yaml.v3 does the parsing and reports where each node starts;
// this package adds where it ends (scalars end at their last character,
// including quoted, multi-line plain and block scalars), resolves aliases
// and merge keys, and refuses documents that expand to far more nodes than
// they hold (alias bombs) or nest too deep, with a *source.Error at the
// offending line rather than unbounded memory or time.
//
// Aliases: a value reached through an alias (*name, or a <<: merge) gets
// the range of the alias, not of the anchored definition. A finding on it
// then points at the line where the value applies to the object at hand;
// the definition may belong to another container or another object.
package yamlnode

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// Options tune how scalars are typed.
type Options struct {
	// YAML11Booleans types plain (unquoted) y, yes, on, n, no, off in any
	// common case as booleans, as YAML 1.1 parsers do. Kubernetes reads
	// manifests that way (sigs.k8s.io/yaml), so "privileged: yes" is true.
	YAML11Booleans bool
	// Resume goes on after a syntax error with the documents that follow
	// the next "---" line, as kubectl does not but a reader of a rendered
	// stream wants: one bad document must not hide the rest. Errors after
	// the first are in Stream.Later.
	Resume bool
}

// Stream is a parsed YAML stream: its documents and the text they came
// from.
type Stream struct {
	// Docs are the documents in order, each a yaml.v3 DocumentNode.
	Docs []*yaml.Node
	// Later are the syntax errors after the one Parse returns (Resume).
	Later []error

	file string
	text *text
	opts Options
}

// Parse reads every document of data. On a syntax error it returns the
// documents before the bad one with a *source.Error at the error's line.
func Parse(file string, data []byte, opts Options) (*Stream, error) {
	s := &Stream{file: file, text: newText(data), opts: opts}
	src := yaml12Directive.ReplaceAll(data, []byte("%YAML 1.1"))
	var first *source.Error
	resumed := -1 // offset of the last document resumed at
	lastLine := 0
	for {
		err := s.decode(src)
		if err == nil {
			break
		}
		switch {
		case first == nil:
			first = err
		case err.Range.Start.Line != lastLine: // not the document resumed at failing again
			s.Later = append(s.Later, err)
		}
		lastLine = err.Range.Start.Line
		if !opts.Resume {
			break
		}
		next := nextDocument(src, err.Range.Start.Line, resumed)
		if next < 0 || len(s.Later) >= maxLater {
			break
		}
		src, resumed = restartAt(src, next)
	}
	if first == nil {
		return s, nil
	}
	return s, first
}

// decode appends the documents of src to s.Docs up to the end or the first
// syntax error.
func (s *Stream) decode(src []byte) *source.Error {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return syntaxError(s.file, err)
		}
		s.Docs = append(s.Docs, &doc)
	}
}

// nextDocument is the offset of the first "---" line at or after line
// (1-based) that starts later than after, or -1. yaml.v3 may report an
// unterminated construct at the "---" that ends its document, so that
// line itself may start the next one.
func nextDocument(src []byte, line, after int) int {
	off, n := 0, 1
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		text := src[off : off+end]
		if n >= line && off > after && bytes.HasPrefix(text, []byte("---")) &&
			(len(text) == 3 || text[3] == ' ' || text[3] == '\t' || text[3] == '\r') {
			return off
		}
		off += end + 1
		n++
	}
	return -1
}

// maxLater bounds the syntax errors Parse goes past: a file that is
// mostly template syntax would otherwise be re-read once per document.
const maxLater = 20

// restartAt returns the text from off on, preceded by as many line breaks
// as come before it, so that its documents parse alone at their own lines
// and columns, and where off is in it.
func restartAt(src []byte, off int) ([]byte, int) {
	breaks := bytes.Count(src[:off], []byte("\n"))
	out := make([]byte, 0, breaks+len(src)-off)
	out = append(out, bytes.Repeat([]byte("\n"), breaks)...)
	return append(out, src[off:]...), breaks
}

// yaml12Directive matches "%YAML 1.2" directives, which yaml.v3 rejects
// although it implements YAML 1.2; rewriting them to the same length keeps
// every position.
var yaml12Directive = regexp.MustCompile(`(?m)^%YAML[ \t]+1\.[2-9]\b`)

var errorLine = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError turns a yaml.v3 error into a *source.Error at its line.
func syntaxError(file string, err error) *source.Error {
	msg := err.Error()
	line := 1
	if m := errorLine.FindStringSubmatch(msg); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil && n > 0 {
			line = n
		}
		msg = msg[len(m[0]):]
	} else if len(msg) > 6 && msg[:6] == "yaml: " {
		msg = msg[6:]
	}
	at := source.Pos{Line: line, Col: 1}
	return &source.Error{Range: source.Range{File: file, Start: at, End: at}, Msg: "invalid YAML: " + msg}
}

// Content returns the root value of a document, or nil for an empty one
// (a document holding only comments or nothing at all).
func Content(doc *yaml.Node) *yaml.Node {
	if doc == nil {
		return nil
	}
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil
		}
		return doc.Content[0]
	}
	return doc
}

// Limits of Convert. A document may expand through aliases to at most
// expansionFactor times the nodes it holds, plus expansionSlack: real
// files reuse a few anchored blocks, bombs multiply them.
const (
	MaxDepth        = source.MaxDepth
	expansionFactor = 8
	expansionSlack  = 10000
)

// Convert turns one node of the stream (usually a document's Content) into
// a source.Node tree with ranges in the stream's file.
func (s *Stream) Convert(n *yaml.Node) (*source.Node, error) {
	if n == nil {
		return &source.Node{Kind: source.Null}, nil
	}
	c := &converter{Stream: s, budget: expansionFactor*countNodes(n, 0) + expansionSlack}
	return c.node(n, -1, 0, nil)
}

// countNodes counts the nodes written in the tree, not following aliases.
func countNodes(n *yaml.Node, depth int) int {
	if depth > MaxDepth+1 {
		return 1
	}
	total := 1
	for _, c := range n.Content {
		total += countNodes(c, depth+1)
	}
	return total
}

type converter struct {
	*Stream
	budget int
}

// node converts n. indent is the column (0-based) a block scalar's content
// must be indented beyond; alias, when set, is the range every node
// reached through an alias takes.
func (c *converter) node(n *yaml.Node, indent, depth int, alias *source.Range) (*source.Node, error) {
	if depth > MaxDepth {
		return nil, source.Errorf(c.start(n), "YAML nested deeper than %d levels", MaxDepth)
	}
	c.budget--
	if c.budget < 0 {
		return nil, source.Errorf(c.start(n), "YAML aliases expand to too many values (an alias bomb?); refusing to expand them")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return &source.Node{Kind: source.Null, Range: c.start(n)}, nil
		}
		return c.node(n.Content[0], -1, depth+1, alias)
	case yaml.AliasNode:
		return c.alias(n, indent, depth, alias)
	case yaml.MappingNode:
		return c.mapping(n, depth, alias)
	case yaml.SequenceNode:
		return c.sequence(n, depth, alias)
	case yaml.ScalarNode:
		return c.scalar(n, indent, alias), nil
	}
	return nil, source.Errorf(c.start(n), "unsupported YAML node")
}

func (c *converter) alias(n *yaml.Node, indent, depth int, alias *source.Range) (*source.Node, error) {
	if n.Alias == nil {
		return nil, source.Errorf(c.start(n), "unknown YAML alias *%s", n.Value)
	}
	if alias == nil {
		r := c.start(n)
		r.End = source.Pos{Line: r.Start.Line, Col: r.Start.Col + 1 + len([]rune(n.Value))}
		alias = &r
	}
	return c.node(n.Alias, indent, depth+1, alias)
}

func (c *converter) mapping(n *yaml.Node, depth int, alias *source.Range) (*source.Node, error) {
	out := &source.Node{Kind: source.Object}
	if len(n.Content) > 1 {
		out.Members = make([]source.Member, 0, len(n.Content)/2)
	}
	var merged []*source.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			ms, err := c.mergeSources(v, depth, alias)
			if err != nil {
				return nil, err
			}
			merged = append(merged, ms...)
			continue
		}
		key, err := c.key(k)
		if err != nil {
			return nil, err
		}
		// The key's range first: positions are looked up in source order,
		// which keeps long lines linear (see text.offset).
		kr := c.scalarRange(k, -1)
		if alias != nil {
			kr = *alias
		}
		val, err := c.node(v, k.Column-1, depth+1, alias)
		if err != nil {
			return nil, err
		}
		out.Members = append(out.Members, source.Member{Key: key, KeyRange: kr, Value: val})
	}
	// Keys written in the mapping win over merged ones; of several merged
	// mappings, the first to set a key wins. (seen is built only here: most
	// mappings have no merge key, and a map per mapping was a noticeable
	// share of parsing.)
	var seen map[string]bool
	if len(merged) > 0 {
		seen = make(map[string]bool, len(out.Members))
		for _, mem := range out.Members {
			seen[mem.Key] = true
		}
	}
	for _, m := range merged {
		for _, mem := range m.Members {
			if !seen[mem.Key] {
				out.Members = append(out.Members, mem)
				seen[mem.Key] = true
			}
		}
	}
	out.Range = c.containerRange(n, out, alias)
	return out, nil
}

// mergeSources converts the value of a <<: key: a mapping, or a list of
// mappings, each possibly an alias.
func (c *converter) mergeSources(v *yaml.Node, depth int, alias *source.Range) ([]*source.Node, error) {
	if target := resolve(v); target.Kind == yaml.SequenceNode {
		var out []*source.Node
		for _, item := range target.Content {
			if resolve(item).Kind == yaml.SequenceNode {
				return nil, source.Errorf(c.start(item), "a YAML merge key (<<) needs a mapping or a list of mappings")
			}
			ms, err := c.mergeSources(item, depth+1, alias)
			if err != nil {
				return nil, err
			}
			out = append(out, ms...)
		}
		return out, nil
	}
	m, err := c.node(v, -1, depth+1, alias)
	if err != nil {
		return nil, err
	}
	if m.Kind != source.Object {
		return nil, source.Errorf(c.start(v), "a YAML merge key (<<) needs a mapping or a list of mappings")
	}
	return []*source.Node{m}, nil
}

// resolve follows an alias to its anchored node.
func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// key returns the text of a mapping key; keys that are collections are
// not something any supported format uses.
func (c *converter) key(k *yaml.Node) (string, error) {
	k = resolve(k)
	if k.Kind != yaml.ScalarNode {
		return "", source.Errorf(c.start(k), "a YAML mapping key must be a scalar, not a %s", kindName(k.Kind))
	}
	return k.Value, nil
}

func kindName(k yaml.Kind) string {
	switch k {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "sequence"
	}
	return "value"
}

func (c *converter) sequence(n *yaml.Node, depth int, alias *source.Range) (*source.Node, error) {
	out := &source.Node{Kind: source.Array, Items: make([]*source.Node, 0, len(n.Content))}
	for _, item := range n.Content {
		v, err := c.node(item, n.Column-1, depth+1, alias)
		if err != nil {
			return nil, err
		}
		out.Items = append(out.Items, v)
	}
	out.Range = c.containerRange(n, out, alias)
	return out, nil
}

// containerRange spans a mapping or sequence from its start to the end of
// its last value, or of its closing bracket in flow style.
func (c *converter) containerRange(n *yaml.Node, out *source.Node, alias *source.Range) source.Range {
	if alias != nil {
		return *alias
	}
	r := c.start(n)
	r.End = r.Start
	var last *source.Node
	if len(out.Members) > 0 {
		last = out.Members[len(out.Members)-1].Value
	} else if len(out.Items) > 0 {
		last = out.Items[len(out.Items)-1]
	}
	if last != nil && last.Range.File == r.File && after(last.Range.End, r.End) {
		r.End = last.Range.End
	}
	if n.Style&yaml.FlowStyle != 0 {
		closing := byte('}')
		if n.Kind == yaml.SequenceNode {
			closing = ']'
		}
		from := r.End
		if last == nil {
			from = source.Pos{Line: r.Start.Line, Col: r.Start.Col + 1}
		}
		if end, ok := c.text.closeBracket(from, closing); ok {
			r.End = end
		}
	}
	return r
}

func after(a, b source.Pos) bool {
	return a.Line > b.Line || (a.Line == b.Line && a.Col > b.Col)
}

func (c *converter) scalar(n *yaml.Node, indent int, alias *source.Range) *source.Node {
	out := c.typed(n)
	if alias != nil {
		out.Range = *alias
	} else {
		out.Range = c.scalarRange(n, indent)
	}
	return out
}

// yaml11 are the plain scalars YAML 1.1 reads as booleans.
var yaml11 = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false,
}

// typed returns the scalar as a Node of the JSON type it stands for.
func (c *converter) typed(n *yaml.Node) *source.Node {
	plain := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle|yaml.TaggedStyle) == 0
	switch n.ShortTag() {
	case "!!null":
		return &source.Node{Kind: source.Null}
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return &source.Node{Kind: source.Bool, Value: b}
		}
	case "!!int", "!!float":
		if num, ok := number(n); ok {
			return &source.Node{Kind: source.Number, Value: num}
		}
	case "!!str":
		if b, ok := yaml11[n.Value]; ok && plain && c.opts.YAML11Booleans {
			return &source.Node{Kind: source.Bool, Value: b}
		}
	}
	return &source.Node{Kind: source.String, Value: n.Value}
}

var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// number renders an int or float scalar as a JSON number. Forms JSON does
// not have (0x1F, 0o17, 1_000, +1, .5) are normalised; infinities and NaN
// have no JSON form and stay strings.
func number(n *yaml.Node) (json.Number, bool) {
	if jsonNumber.MatchString(n.Value) {
		return json.Number(n.Value), true
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return "", false
	}
	switch x := v.(type) {
	case int:
		return json.Number(strconv.Itoa(x)), true
	case int64:
		return json.Number(strconv.FormatInt(x, 10)), true
	case uint64:
		return json.Number(strconv.FormatUint(x, 10)), true
	case float64:
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if jsonNumber.MatchString(s) {
			return json.Number(s), true
		}
	}
	return "", false
}

// start is the range of n's first character.
func (c *converter) start(n *yaml.Node) source.Range {
	at := c.text.clamp(source.Pos{Line: max(n.Line, 1), Col: max(n.Column, 1)})
	return source.Range{File: c.file, Start: at, End: at}
}

// scalarRange spans a scalar as written, from its first character (after
// any anchor or tag) to its last.
func (c *converter) scalarRange(n *yaml.Node, indent int) source.Range {
	r := c.start(n)
	r.End = source.Pos{Line: r.Start.Line, Col: r.Start.Col + 1}
	off, ok := c.text.offset(r.Start)
	if !ok {
		return r
	}
	off = c.text.skipProperties(off)
	var end int
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		end, ok = c.text.quotedEnd(off, '"')
	case n.Style&yaml.SingleQuotedStyle != 0:
		end, ok = c.text.quotedEnd(off, '\'')
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		end, ok = c.text.blockEnd(off, indent)
	default:
		end, ok = c.text.plainEnd(off, n.Value)
	}
	if !ok {
		return r
	}
	r.Start = c.text.pos(r.Start, c.mustOffset(r.Start), off)
	r.End = c.text.pos(r.Start, off, end)
	return r
}

func (c *converter) mustOffset(p source.Pos) int {
	off, _ := c.text.offset(p)
	return off
}
