package dockerfile

import (
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// maxStages bounds the build stages of one Dockerfile. Each stage lists
// the stages it is built on and the ENV and ARG it inherits, so the model
// grows with the square of the stages: 20,000 chained stages took minutes
// and gigabytes. Real Dockerfiles have a few dozen at most.
const maxStages = 500

// tooManyStages returns an error at the first FROM past maxStages, or nil.
func tooManyStages(file string, res *parser.Result) error {
	n := 0
	for _, c := range res.AST.Children {
		if !strings.EqualFold(c.Value, "from") {
			continue
		}
		if n++; n > maxStages {
			return source.Errorf(lineRange(file, c.StartLine),
				"more than %d build stages; the Dockerfile was not analyzed", maxStages)
		}
	}
	return nil
}
