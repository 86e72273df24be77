package source

import (
	"strconv"
	"strings"
)

// Path addresses a node of a canonical resource: object keys are strings,
// list indexes are ints. Rules return paths; the Index maps them to ranges.
type Path []any

// Child returns a new path with elem appended; p is never modified.
func (p Path) Child(elem any) Path {
	out := make(Path, len(p), len(p)+1)
	copy(out, p)
	return append(out, elem)
}

// String renders the path as "containerDefinitions/1/environment/0/value".
func (p Path) String() string {
	var b strings.Builder
	for i, e := range p {
		if i > 0 {
			b.WriteByte('/')
		}
		switch v := e.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case string:
			b.WriteString(v)
		}
	}
	return b.String()
}

// key encodes the path for map lookups; the separator cannot occur in
// either an index or a key users would write.
func (p Path) key() string {
	// Size the buffer once: indexing encodes a path per node, and growing
	// the builder step by step was most of that cost.
	n := 0
	for _, e := range p {
		if s, ok := e.(string); ok {
			n += len(s) + 1
		} else {
			n += 5
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, e := range p {
		switch v := e.(type) {
		case int:
			b.WriteString("#")
			b.WriteString(strconv.Itoa(v))
		case string:
			b.WriteString(v)
		}
		b.WriteString(keySep)
	}
	return b.String()
}

// keySep ends every element of an encoded path.
const keySep = "\x1f"
