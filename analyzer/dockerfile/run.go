package dockerfile

import (
	"path"
	"strings"
	"unicode"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// posixShells are the SHELLs whose RUN code is parsed as POSIX/Bash.
var posixShells = map[string]bool{"sh": true, "bash": true, "ash": true, "dash": true, "zsh": true, "ksh": true, "mksh": true, "busybox": true}

func isPOSIXShell(argv []string) bool {
	i := shellIndex(argv)
	return i < len(argv) && posixShells[strings.ToLower(path.Base(argv[i]))]
}

// shellIndex skips an env launcher (SHELL ["/usr/bin/env", "bash", "-c"])
// with its options and VAR=value words, and returns the index of the
// program that runs the code.
func shellIndex(argv []string) int {
	if len(argv) == 0 || path.Base(argv[0]) != "env" {
		return 0
	}
	i := 1
	for i < len(argv) && (strings.HasPrefix(argv[i], "-") || strings.Contains(argv[i], "=")) {
		i++
	}
	return i
}

// run analyzes a RUN instruction's code: the shell form with its heredocs,
// or the exec form (which only runs a shell when it names one).
func (b *builder) run(ins *instruction) {
	r := &runInfo{Shell: b.cur.Shell, POSIX: isPOSIXShell(b.cur.Shell), Mounts: mounts(ins)}
	ins.Run = r
	start := source.Pos{Line: ins.Start, Col: 1}
	switch {
	case ins.JSON:
		r.Script = strings.Join(ins.Args, " ")
		r.script = analyzeArgv(ins.Args, start)
		if code, at, ok := shellCode(ins.Args); ok {
			r.Script, r.POSIX = code, true
			r.script = analyzeShell(code, func(int) source.Pos { return start }, true)
			// ["bash", "-o", "pipefail", "-c", "..."] sets pipefail itself.
			r.Pipefail = hasPipefail(ins.Args[:at])
		}
	case len(ins.Args) > 0:
		src, posOf := runSource(ins)
		r.Script = src
		r.script = analyzeShell(src, posOf, r.POSIX)
	default:
		r.script = &script{}
	}
	if !ins.JSON {
		r.Pipefail = hasPipefail(r.Shell) // the exec form does not use SHELL
	}
	r.Pipefail = r.Pipefail || setsPipefail(r.script)
}

// shellCode returns the code of an exec-form ["sh", "-c", "code"] and the
// index of the code in argv.
func shellCode(argv []string) (string, int, bool) {
	sh := shellIndex(argv)
	if len(argv) < sh+3 || !posixShells[path.Base(argv[sh])] {
		return "", 0, false
	}
	for i := sh + 1; i+1 < len(argv); i++ {
		if isShortFlagWith(argv[i], 'c') {
			return argv[i+1], i + 1, true
		}
	}
	return "", 0, false
}

// runSource rebuilds the shell code of a shell-form RUN as the shell sees
// it: the joined command line, then each heredoc body and terminator, and
// maps every byte back to the Dockerfile.
func runSource(ins *instruction) (string, func(int) source.Pos) {
	cmd := ins.Args[0]
	text := ins.text.text
	off := len(strings.TrimRightFunc(text, unicode.IsSpace)) - len(cmd)
	if off < 0 || !strings.HasPrefix(text[off:], cmd) {
		off = max(0, strings.LastIndex(text, cmd))
	}
	var b strings.Builder
	var pos []source.Pos
	for i := 0; i < len(cmd); i++ {
		pos = append(pos, ins.text.at(off+i))
	}
	b.WriteString(cmd)
	end := ins.text.at(off + len(cmd))
	b.WriteByte('\n')
	pos = append(pos, end)
	for _, h := range ins.Heredocs {
		line, col := h.Line, 1
		body := h.Content + h.Name + "\n"
		for i := 0; i < len(body); i++ {
			pos = append(pos, source.Pos{Line: line, Col: col})
			if body[i] == '\n' {
				line, col = line+1, 1
			} else if body[i] < 0x80 || body[i] >= 0xC0 {
				col++
			}
		}
		b.WriteString(body)
	}
	pos = append(pos, end)
	return b.String(), func(o int) source.Pos {
		return pos[max(0, min(o, len(pos)-1))]
	}
}

// hasPipefail reports whether a SHELL sets -o pipefail.
func hasPipefail(shell []string) bool {
	for i := 1; i < len(shell); i++ {
		if shell[i] == "pipefail" && isShortFlagWith(shell[i-1], 'o') {
			return true
		}
		if strings.Contains(shell[i], "pipefail") && strings.Contains(shell[i], "-o") {
			return true // a single string such as "-eo pipefail"
		}
	}
	return false
}

// setsPipefail reports whether the RUN itself runs "set -o pipefail" (also
// "set -euxo pipefail") in its own shell.
func setsPipefail(s *script) bool {
	for _, c := range s.Commands {
		if c.Name == "set" && !c.Nested && hasPipefail(c.Argv) {
			return true
		}
	}
	return false
}

// mounts parses RUN --mount flags: "type=cache,target=/root/.cache".
func mounts(ins *instruction) []map[string]string {
	var out []map[string]string
	for _, f := range ins.Flags {
		if f.Name != "mount" {
			continue
		}
		m := map[string]string{"type": "bind"}
		for _, field := range strings.Split(f.Value, ",") {
			k, v, _ := strings.Cut(strings.TrimSpace(field), "=")
			k = strings.ToLower(k)
			switch k {
			case "dst", "destination":
				k = "target"
			case "src":
				k = "source"
			}
			if k != "" {
				m[k] = v
			}
		}
		out = append(out, m)
	}
	return out
}
