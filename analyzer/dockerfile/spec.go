package dockerfile

import (
	"strings"
	"unicode/utf8"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// spec renders the model as the canonical resource spec (documented in
// schemas/dockerfile.json) and builds its path index. Paths:
//
//	stages/<s>                                 the stage's FROM line
//	stages/<s>/instructions/<k>                an instruction, all its lines
//	stages/<s>/instructions/<k>/args/<a>       where an argument is written
//	stages/<s>/instructions/<k>/env/<e>        an ENV key
//	stages/<s>/instructions/<k>/arg/<a>        an ARG name
//	stages/<s>/instructions/<k>/run/commands/<c>   one shell command's line
//	stages/<s>/instructions/<k>/run/commands/<c>/argv/<i>  one of its words
//	stages/<s>/instructions/<k>/run/pipelines/<p>  a pipeline's first line
//	args/<g>                                   a global ARG
//	globalInstructions/<k>                     an instruction before the first FROM
func (m *model) spec(file string) (map[string]any, *source.Index) {
	ix := source.NewIndex()
	e := &emitter{file: file, ix: ix}
	globals := make([]any, len(m.Global))
	for k, ins := range m.Global {
		globals[k] = e.instruction(source.Path{"globalInstructions", k}, ins)
	}
	args := make([]any, 0, len(m.Globals))
	for _, ins := range m.Global {
		for a, d := range ins.ARG {
			p := source.Path{"args", len(args)}
			args = append(args, argSpec(d, ins))
			e.word(p, d.Pos, d.Text)
			e.word(source.Path{"globalInstructions", ins.Index, "arg", a}, d.Pos, d.Text)
		}
	}
	stages := make([]any, len(m.Stages))
	for i, s := range m.Stages {
		stages[i] = e.stage(m, s)
	}
	return map[string]any{
		"escape":             string(m.Escape),
		"args":               args,
		"globalInstructions": globals,
		"stages":             stages,
		"final":              m.Final,
	}, ix
}

type emitter struct {
	file string
	ix   *source.Index
}

func (e *emitter) at(p source.Pos) source.Range {
	return source.Range{File: e.file, Start: p, End: source.Pos{Line: p.Line, Col: p.Col + 1}}
}

func (e *emitter) point(p source.Path, at source.Pos) { e.ix.Add(p, e.at(at)) }

// span indexes p from start to end when end is a later point of the same
// line, else as a point.
func (e *emitter) span(p source.Path, start, end source.Pos) {
	if end.Line != start.Line || end.Col <= start.Col {
		e.point(p, start)
		return
	}
	e.ix.Add(p, source.Range{File: e.file, Start: start, End: end})
}

// keyValue spans an ENV pair from its key to the end of its value, so
// that reporters masking a secret's region hide the value too.
func (e *emitter) keyValue(p source.Path, kv keyValue) {
	if kv.End.Line == kv.Pos.Line {
		e.span(p, kv.Pos, kv.End)
		return
	}
	e.word(p, kv.Pos, kv.Name)
}

// word indexes p as the text s written at start.
func (e *emitter) word(p source.Path, start source.Pos, s string) {
	e.span(p, start, source.Pos{Line: start.Line, Col: start.Col + utf8.RuneCountInString(s)})
}

func (e *emitter) lines(p source.Path, start, end int) {
	e.ix.Add(p, source.Range{File: e.file, Start: source.Pos{Line: start, Col: 1}, End: source.Pos{Line: end + 1, Col: 1}})
}

func (e *emitter) stage(m *model, s *stage) map[string]any {
	base := source.Path{"stages", s.Index}
	from := s.Instructions[0]
	e.lines(base, from.Start, from.End)
	ins := make([]any, len(s.Instructions))
	for k, in := range s.Instructions {
		ins[k] = e.instruction(base.Child("instructions").Child(k), in)
	}
	var parent any
	if s.Parent >= 0 {
		parent = s.Parent
	}
	ancestors := []any{}
	for p := s.Parent; p >= 0; p = m.Stages[p].Parent {
		ancestors = append(ancestors, p)
	}
	env := make([]any, len(s.Env))
	for i, kv := range s.Env {
		env[i] = kvSpec(kv)
	}
	args := make([]any, len(s.Args))
	for i, d := range s.Args {
		args[i] = argSpec(d, nil)
	}
	return map[string]any{
		"index":        s.Index,
		"name":         s.Name,
		"line":         from.Start,
		"from":         map[string]any{"image": s.Image, "raw": s.RawImage, "platform": s.Platform, "scratch": s.Scratch, "stage": parent, "windows": s.Windows, "maybeStage": s.MaybeStage},
		"parent":       parent,
		"ancestors":    ancestors,
		"final":        s.Index == m.Final,
		"instructions": ins,
		"env":          env,
		"args":         args,
		"user":         settingSpec(s.User),
		"healthcheck":  settingSpec(s.Healthcheck),
		"shell":        strs(s.Shell),
	}
}

func settingSpec(s *setting) any {
	if s == nil {
		return nil
	}
	return map[string]any{
		"value": s.Value, "raw": s.Raw, "none": s.None, "stage": s.Stage,
		"instruction": s.Index, "line": s.Line, "inherited": s.Inherited,
	}
}

func kvSpec(kv keyValue) map[string]any {
	return map[string]any{
		"name": kv.Name, "value": kv.Value, "raw": kv.Raw, "line": kv.Pos.Line,
		"stage": kv.Stage, "instruction": kv.Index, "inherited": kv.Inherited,
	}
}

func argSpec(d argDecl, ins *instruction) map[string]any {
	out := map[string]any{"name": d.Name, "hasDefault": d.HasDefault, "known": d.Known, "line": d.Pos.Line}
	out["default"], out["value"] = nil, nil
	if d.HasDefault {
		out["default"] = d.Default
	}
	if d.Known {
		out["value"] = d.Value
	}
	if ins != nil {
		out["instruction"] = ins.Index
	}
	return out
}

func (e *emitter) instruction(p source.Path, ins *instruction) map[string]any {
	e.lines(p, ins.Start, ins.End)
	flags := make([]any, len(ins.Flags))
	for i, f := range ins.Flags {
		flags[i] = map[string]any{"name": f.Name, "value": f.Value}
	}
	for i := range ins.Args {
		if ins.argPos[i].Line > 0 {
			e.word(p.Child("args").Child(i), ins.argPos[i], ins.Args[i])
		}
	}
	heredocs := make([]any, len(ins.Heredocs))
	for i, h := range ins.Heredocs {
		heredocs[i] = map[string]any{"name": h.Name, "content": h.Content, "line": h.Line}
		// Each body line is addressable (heredocs/i/lines/j), so a finding
		// about a line of a file written by COPY <<EOF or cat <<EOF points there.
		for j := range strings.Count(h.Content, "\n") + 1 {
			e.lines(p.Child("heredocs").Child(i).Child("lines").Child(j), h.Line+j, h.Line+j)
		}
	}
	out := map[string]any{
		"cmd":      ins.Cmd,
		"line":     ins.Start,
		"endLine":  ins.End,
		"original": ins.Original,
		"flags":    flags,
		"args":     strs(ins.Args),
		"json":     ins.JSON,
		"heredocs": heredocs,
		"stage":    ins.Stage,
		"index":    ins.Index,
	}
	switch ins.Cmd {
	case "env":
		env := make([]any, len(ins.Env))
		for i, kv := range ins.Env {
			env[i] = kvSpec(kv)
			e.keyValue(p.Child("env").Child(i), kv)
		}
		out["env"] = env
	case "arg":
		args := make([]any, len(ins.ARG))
		for i, d := range ins.ARG {
			args[i] = argSpec(d, ins)
			e.word(p.Child("arg").Child(i), d.Pos, d.Text)
		}
		out["arg"] = args
	case "user":
		out["user"] = ins.User
	case "healthcheck":
		out["none"] = ins.None
	case "expose":
		out["ports"] = strs(ins.Ports)
	case "add":
		out["sources"] = strs(ins.Srcs)
	case "copy":
		if ins.From != nil {
			var st any
			if ins.From.Stage >= 0 {
				st = ins.From.Stage
			}
			out["copyFrom"] = map[string]any{"value": ins.From.Value, "stage": st, "similar": ins.From.Similar}
		}
	case "run":
		if ins.Run != nil {
			out["run"] = e.run(p.Child("run"), ins.Run)
		}
	case "onbuild":
		if ins.Trigger != nil {
			out["trigger"] = ins.Trigger.Cmd
		}
		if ins.Run != nil {
			out["run"] = e.run(p.Child("run"), ins.Run)
		}
	}
	return out
}

func (e *emitter) run(p source.Path, r *runInfo) map[string]any {
	cmds := make([]any, len(r.Commands))
	for i, c := range r.Commands {
		assigns := make([]any, len(c.Assigns))
		for j, a := range c.Assigns {
			assigns[j] = map[string]any{"name": a.Name, "value": a.Value}
		}
		cmds[i] = map[string]any{
			"name": c.Name, "argv": strs(c.Argv), "sub": c.Sub, "assigns": assigns,
			"line": c.Pos.Line, "pipeline": c.Pipeline, "position": c.Position,
			"wrapper": c.Wrapper, "in": c.In, "nested": c.Nested, "followed": c.Followed,
		}
		e.span(p.Child("commands").Child(i), c.Pos, c.End)
		for j, at := range c.ArgPos {
			e.word(p.Child("commands").Child(i).Child("argv").Child(j), at, c.Argv[j])
		}
	}
	pipes := make([]any, len(r.Pipelines))
	for i, pl := range r.Pipelines {
		ids := make([]any, len(pl.Commands))
		for j, c := range pl.Commands {
			ids[j] = c
		}
		pipes[i] = map[string]any{"line": pl.Pos.Line, "commands": ids, "nested": pl.Nested}
		e.span(p.Child("pipelines").Child(i), pl.Pos, pl.End)
	}
	mounts := make([]any, len(r.Mounts))
	for i, m := range r.Mounts {
		mm := make(map[string]any, len(m))
		for k, v := range m {
			mm[k] = v
		}
		mounts[i] = mm
	}
	return map[string]any{
		"shell": strs(r.Shell), "posix": r.POSIX, "script": r.Script, "pipefail": r.Pipefail,
		"mounts": mounts, "commands": cmds, "pipelines": pipes, "parseError": r.ParseError,
	}
}

func strs(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}
