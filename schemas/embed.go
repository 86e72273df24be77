// Package schemas embeds the JSON Schemas (draft 2020-12) of the canonical
// resource kinds: the input contract of every rule, built-in or custom.
// A schema file is named after its kind: aws.ecs.task-definition.json
// describes the spec of an aws.ecs.task-definition resource.
//
// The AWS schemas are generated from the AWS API model; regenerate them
// with botocore's ECS model after the API changes:
//
//	go run ./schemas/gen -model <botocore>/data/ecs/2014-11-13/service-2.json.gz -out schemas
package schemas

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed *.json
var FS embed.FS

// Kinds lists the kinds that have a schema, sorted.
func Kinds() []string {
	entries, _ := fs.ReadDir(FS, ".") // cannot fail on an embed.FS root
	var out []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".json"); ok {
			out = append(out, name)
		}
	}
	return out
}

// File returns the name of the schema file of kind in FS.
func File(kind string) string { return kind + ".json" }
