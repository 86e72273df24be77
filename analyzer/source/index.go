package source

// Index maps canonical paths of one resource to the source ranges they came
// from. A finding's path is located at its longest indexed prefix, so a rule
// reporting a missing field names the object that should hold it.
type Index struct {
	spans map[string]Range
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{spans: make(map[string]Range)} }

// Add records the range of the node at p. A later Add for the same path wins.
func (ix *Index) Add(p Path, r Range) {
	if r.IsZero() {
		return
	}
	ix.spans[p.key()] = r
}

// addKey is Add for a path already encoded by Path.key.
func (ix *Index) addKey(k string, r Range) {
	if r.IsZero() {
		return
	}
	ix.spans[k] = r
}

// Len is the number of indexed paths.
func (ix *Index) Len() int {
	if ix == nil {
		return 0
	}
	return len(ix.spans)
}

// Locate returns the range of the longest prefix of p that is indexed.
func (ix *Index) Locate(p Path) (Range, bool) {
	if ix == nil {
		return Range{}, false
	}
	for n := len(p); n >= 0; n-- {
		if r, ok := ix.spans[p[:n].key()]; ok {
			return r, true
		}
	}
	return Range{}, false
}

// Merge copies every span of other into ix under the path prefix.
func (ix *Index) Merge(prefix Path, other *Index) {
	if other == nil {
		return
	}
	pk := prefix.key()
	for k, r := range other.spans {
		ix.spans[pk+k] = r
	}
}
