package scan

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"

	"github.com/shipcheck/shipcheck/analyzer/dockerfile"
	"github.com/shipcheck/shipcheck/analyzer/ecs"
	"github.com/shipcheck/shipcheck/analyzer/kubernetes"
	"github.com/shipcheck/shipcheck/analyzer/resource"
	"github.com/shipcheck/shipcheck/analyzer/result"
	"github.com/shipcheck/shipcheck/analyzer/source"
	"github.com/shipcheck/shipcheck/analyzer/terraform"
)

// jsonKind is an input recognised inside a JSON document.
type jsonKind struct {
	format string
	detect func(root *source.Node) bool
	load   func(file string, root *source.Node, data []byte) ([]*resource.Resource, []error)
}

// jsonKinds are tried in order on every JSON document.
var jsonKinds = []jsonKind{
	{FormatPlan, terraform.IsPlan, func(file string, root *source.Node, _ []byte) ([]*resource.Resource, []error) {
		return terraform.LoadPlan(file, root)
	}},
	{FormatECS, ecs.Detect, func(file string, root *source.Node, _ []byte) ([]*resource.Resource, []error) {
		return ecs.Load(file, root)
	}},
	{FormatKubernetes, kubernetes.Detect, func(file string, _ *source.Node, data []byte) ([]*resource.Resource, []error) {
		return kubernetes.Load(file, data)
	}},
}

// fileLoaders load one file of a format decided by its name or --type.
var fileLoaders = map[string]func(file string, data []byte) ([]*resource.Resource, []error){
	FormatDockerfile: dockerfile.Load,
	FormatKubernetes: kubernetes.Load,
	formatYAML:       loadYAML,
}

// loadYAML loads a YAML file: an ECS task definition or service written
// as YAML goes to the ECS adapter, anything else to the Kubernetes one
// (YAML that is neither yields nothing).
func loadYAML(file string, data []byte) ([]*resource.Resource, []error) {
	if rs, errs, ok := ecs.LoadYAML(file, data); ok {
		return rs, errs
	}
	return kubernetes.Load(file, data)
}

// startsLikeJSON holds for data whose first character opens a JSON object
// or array.
func startsLikeJSON(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
	return len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[')
}

// loadECSYAML loads a YAML file under --type ecs: an ECS task definition
// or service, else nothing (an error for a file named on the command line).
func loadECSYAML(file string, data []byte, explicit bool) ([]*resource.Resource, []error) {
	if rs, errs, ok := ecs.LoadYAML(file, data); ok {
		return rs, errs
	}
	if !explicit {
		return nil, nil
	}
	return nil, []error{source.Errorf(source.Range{File: file, Start: source.Pos{Line: 1, Col: 1}},
		"not an ECS task definition or service: expected containerDefinitions, taskDefinition, serviceName or services")}
}

// templateNote turns an unrendered Helm template into one note for its chart
// (notes are deduplicated), instead of an error for every template file,
// and a manifest template outside a chart (an Ansible role's templates/) or
// a Dockerfile template (Molecule's Dockerfile.j2) into a note for that
// file.
func templateNote(err error) (result.ToolError, bool) {
	var he *kubernetes.HelmTemplateError
	if errors.As(err, &he) {
		return result.ToolError{
			Range: source.Range{File: he.Chart},
			Message: "Helm chart templates are not rendered, so they were not scanned; scan the rendered output: " +
				"helm template " + he.Chart + " | shipcheck scan --type kubernetes -",
		}, true
	}
	var te *kubernetes.TemplateError
	if errors.As(err, &te) {
		return fileTemplateNote(te.File, te.Line, "a manifest template ({{ }} or {% %} syntax that YAML cannot read)", "kubernetes"), true
	}
	var de *dockerfile.TemplateError
	if errors.As(err, &de) {
		return fileTemplateNote(de.File, de.Line, "a Dockerfile template ({{ }} or {% %} syntax docker build cannot read)", "dockerfile"), true
	}
	return result.ToolError{}, false
}

// fileTemplateNote says at its first template line that a file is a
// template of the given kind, and how to scan it once rendered.
func fileTemplateNote(file string, line int, what, typ string) result.ToolError {
	return result.ToolError{
		Range: source.Range{File: file, Start: source.Pos{Line: line}},
		Message: "the file is " + what + ", so it was not scanned; " +
			"render it with its tool and scan the output: ... | shipcheck scan --type " + typ + " -",
	}
}

// uniqueNotes drops repeated notes, keeping the first.
func uniqueNotes(notes []result.ToolError) []result.ToolError {
	seen := map[result.ToolError]bool{}
	out := notes[:0]
	for _, n := range notes {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// loadModule loads the Terraform module in the unit's folder, reporting on
// the unit's files only: a changed .tf file still sees its module's
// variables and locals.
func loadModule(u unit, opts Options) ([]*resource.Resource, []error) {
	files := make([]string, len(u.files))
	for i, f := range u.files {
		files[i] = f.Path
	}
	return terraform.LoadModule(filepath.Dir(u.files[0].Path), files, opts.Terraform)
}

// markers are strings whose presence makes malformed JSON worth an error
// even when it was found by walking: it was meant to be one of our inputs.
// "deploymentConfiguration" marks the service definitions deploy tools
// complete themselves (ecspresso's ecs-service-def.json has no name).
var markers = [][]byte{
	[]byte(`"containerDefinitions"`), []byte(`"taskDefinition"`), []byte(`"serviceName"`),
	[]byte(`"deploymentConfiguration"`), []byte(`"format_version"`), []byte(`"apiVersion"`),
}

// loadJSON parses a JSON document and hands it to the adapter that
// recognises it. want restricts the kinds tried (from --type).
func loadJSON(file string, data []byte, explicit bool, want string) ([]*resource.Resource, []error) {
	root, err := source.ParseJSON(file, data)
	if err != nil {
		if rs, ok := loadManifestStream(file, data, want); ok {
			return rs, nil
		}
		if explicit || looksSupported(data) {
			return nil, []error{templateHint(err, data)}
		}
		return nil, nil
	}
	for _, k := range jsonKinds {
		if (want == "" || want == k.format) && k.detect(root) {
			return k.load(file, root, data)
		}
	}
	if explicit {
		return nil, []error{source.Errorf(source.Range{File: file, Start: source.Pos{Line: 1, Col: 1}},
			"not a supported input: expected an ECS task definition or service, a Kubernetes manifest or a Terraform plan")}
	}
	return nil, nil
}

// loadManifestStream reads a file of several Kubernetes objects written one
// after the other (helm template | yq -o json, jq without -s), which is
// not one JSON document but which kubectl apply -f accepts like a YAML
// stream. It holds only when the whole file reads that way.
func loadManifestStream(file string, data []byte, want string) ([]*resource.Resource, bool) {
	if (want != "" && want != FormatKubernetes) || !kubernetes.Looks(data) {
		return nil, false
	}
	rs, errs := kubernetes.Load(file, data)
	return rs, len(errs) == 0 && len(rs) > 0
}

// templateStart matches the start of a template expression or deploy-tool
// placeholder: {{ }} (ecspresso, Go templates), ${ } and $VAR (envsubst),
// <NAME> (CodePipeline), #{ } and %NAME% (release tools).
var templateStart = regexp.MustCompile(`^(\{\{|\$\{|\$[A-Za-z_]|<[A-Za-z_]|#\{|%[A-Za-z_])`)

// templateHint adds to a JSON syntax error found at a template expression
// that the file is a template, which is why it does not parse. The parser
// stops at the expression's first character, or at the second of "{{".
func templateHint(err error, data []byte) error {
	se, ok := err.(*source.Error)
	if !ok {
		return err
	}
	lines := bytes.Split(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), []byte("\n"))
	line, col := se.Range.Start.Line, se.Range.Start.Col-1
	if line < 1 || line > len(lines) {
		return err
	}
	text := []rune(string(lines[line-1]))
	for _, at := range []int{col, col - 1} {
		if at >= 0 && at < len(text) && templateStart.MatchString(string(text[at:])) {
			se.Msg += " (a template expression where JSON needs a value: the file is completed by a deploy tool; scan the file it renders)"
			return se
		}
	}
	return err
}

func looksSupported(data []byte) bool {
	for _, m := range markers {
		if bytes.Contains(data, m) {
			return true
		}
	}
	return false
}

// loadFile loads a single-file format.
func loadFile(format, file string, data []byte, explicit bool, want string) ([]*resource.Resource, []error) {
	if format == formatJSON {
		if want == FormatECS && !startsLikeJSON(data) {
			return loadECSYAML(file, data, explicit) // --type ecs on YAML input, e.g. stdin
		}
		return loadJSON(file, data, explicit, want)
	}
	if format == formatYAML && want == FormatECS {
		return loadECSYAML(file, data, explicit)
	}
	load, ok := fileLoaders[format]
	if !ok && format == FormatTerraform {
		// Only standard input gets here: .tf files are loaded by folder.
		return nil, []error{source.Errorf(source.Range{File: file, Start: source.Pos{Line: 1, Col: 1}},
			"Terraform is not read from standard input, as a module is a folder of files: scan the module's folder instead")}
	}
	if !ok {
		if explicit {
			return nil, []error{fmt.Errorf("%s input is not supported in this build", format)}
		}
		return nil, nil
	}
	return load(file, data)
}
