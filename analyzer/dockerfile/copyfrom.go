package dockerfile

import (
	"strconv"
	"strings"
)

// copyFrom records what COPY --from names, resolved like BuildKit does
// after all stages are known: a stage name (any stage of the file), a stage
// index, or else an image. similar is a stage name one or two edits away
// from an unresolved name, the likely intended stage.
type copyFrom struct {
	Value   string
	Stage   int // -1 when it names no stage
	Similar string
}

func resolveCopyFrom(m *model) {
	for _, s := range m.Stages {
		for _, ins := range s.Instructions {
			v, ok := ins.flag("from")
			if ins.Cmd != "copy" || !ok {
				continue
			}
			cf := &copyFrom{Value: v, Stage: -1}
			if n, err := strconv.Atoi(v); err == nil {
				if n >= 0 && n < len(m.Stages) {
					cf.Stage = n
				}
			} else {
				lower := strings.ToLower(v)
				for i, st := range m.Stages {
					if st.Name != "" && st.Name == lower {
						cf.Stage = i
					}
				}
				if cf.Stage < 0 {
					cf.Similar = similarStage(m, lower)
				}
			}
			ins.From = cf
		}
	}
}

func similarStage(m *model, name string) string {
	for _, st := range m.Stages {
		if st.Name != "" && len(name) >= 4 && distance(st.Name, name) <= 2 {
			return st.Name
		}
	}
	return ""
}

// distance is the Levenshtein distance of two short strings.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
