package source

import (
	"encoding/json"
	"strconv"
)

// Kind is the type of a Node.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Object
	Array
)

var kindNames = [...]string{"null", "boolean", "number", "string", "object", "array"}

func (k Kind) String() string { return kindNames[k] }

// Node is a JSON-like value with the range it was written at. JSON and YAML
// parsers produce Nodes; adapters turn them into canonical specs and indexes.
type Node struct {
	Kind Kind
	// Value holds a scalar: bool, json.Number or string; nil otherwise.
	Value   any
	Members []Member // Object, in source order
	Items   []*Node  // Array
	Range   Range    // the whole value
}

// Member is one key of an object.
type Member struct {
	Key      string
	KeyRange Range
	Value    *Node
}

// Get returns the value of key in an object node, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for i := range n.Members {
		if n.Members[i].Key == key {
			return n.Members[i].Value
		}
	}
	return nil
}

// Str returns the node's string value, or "" when it is not a string.
func (n *Node) Str() string {
	if n == nil || n.Kind != String {
		return ""
	}
	return n.Value.(string)
}

// Interface converts the tree to plain Go values (map[string]any, []any,
// string, bool, json.Number, nil) as encoding/json would with UseNumber.
// A key written twice keeps its last value, as most JSON decoders do.
func (n *Node) Interface() any {
	switch n.Kind {
	case Object:
		m := make(map[string]any, len(n.Members))
		for _, mem := range n.Members {
			m[mem.Key] = mem.Value.Interface()
		}
		return m
	case Array:
		a := make([]any, len(n.Items))
		for i, it := range n.Items {
			a[i] = it.Interface()
		}
		return a
	case Number:
		return n.Value.(json.Number)
	default:
		return n.Value
	}
}

// Index returns the path index of the tree rooted at n.
//
// Where a path points: a scalar member spans from its key to the end of its
// value; a container member points at its key; a list item that is an
// object points at its first member (a YAML "- name:" line, a JSON object's
// first key); anything else at its own range.
func (n *Node) Index() *Index {
	// One entry per node: sizing the map up front saves rehashing it as it
	// grows.
	ix := &Index{spans: make(map[string]Range, n.count())}
	n.index(ix, "")
	return ix
}

// count is the number of nodes in the tree rooted at n.
func (n *Node) count() int {
	c := 1
	for _, m := range n.Members {
		c += m.Value.count()
	}
	for _, it := range n.Items {
		c += it.count()
	}
	return c
}

// index records n under k, the encoded key (Path.key) of its path. Keys are
// extended one element at a time, as building a Path and encoding it anew
// for every node made indexing a large share of a scan's allocations.
func (n *Node) index(ix *Index, k string) {
	ix.addKey(k, n.anchor())
	switch n.Kind {
	case Object:
		for _, m := range n.Members {
			ck := k + m.Key + keySep
			m.Value.index(ix, ck)
			ix.addKey(ck, m.span())
		}
	case Array:
		for i, it := range n.Items {
			it.index(ix, k+"#"+strconv.Itoa(i)+keySep)
		}
	}
}

// anchor is where a finding on the node itself points when nothing better,
// such as its key, is known.
func (n *Node) anchor() Range {
	if n.Kind == Object && len(n.Members) > 0 {
		return n.Members[0].span()
	}
	return n.Range
}

func (m Member) span() Range {
	if m.Value.Kind == Object || m.Value.Kind == Array || m.Value.Range.File != m.KeyRange.File {
		return m.KeyRange
	}
	r := m.KeyRange
	if m.Value.Range.End.Line == r.Start.Line || m.Value.Range.Start.Line == r.Start.Line {
		r.End = m.Value.Range.End
	}
	return r
}
