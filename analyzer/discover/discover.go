// Package discover turns the paths given to a scan into the files to read:
// it walks directories, skips folders that never hold a project's own
// configuration, and reports paths it cannot read instead of dropping them.
package discover

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/shipcheck/shipcheck/analyzer/source"
)

// SkippedDirs are never descended into.
var SkippedDirs = map[string]bool{
	".git": true, ".hg": true, ".svn": true, "node_modules": true, ".terraform": true,
	"vendor": true, ".terragrunt-cache": true, "__pycache__": true, ".venv": true,
}

// File is a file found for scanning.
type File struct {
	Path string
	// Explicit is set for files named on the command line rather than found
	// by walking; an explicit file of no supported format is an error, a
	// walked one is skipped.
	Explicit bool
}

// Options configure a walk.
type Options struct {
	// Exclude holds glob patterns (path.Match syntax plus "**" for any
	// number of folders) matched against slash-separated paths; a match
	// skips the file or the whole folder.
	Exclude []string
}

// Walk returns the files under paths in a stable order, and one error per
// path it could not read. "-" is passed through for stdin.
func Walk(paths []string, opts Options) ([]File, []error) {
	var files []File
	var errs []error
	seen := map[string]bool{}
	add := func(f File) {
		if !seen[f.Path] {
			seen[f.Path] = true
			files = append(files, f)
		}
	}
	for _, p := range paths {
		if p == "-" {
			add(File{Path: p, Explicit: true})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, describe(p, err))
			continue
		}
		if !info.IsDir() {
			add(File{Path: p, Explicit: true})
			continue
		}
		errs = append(errs, walkDir(p, opts, add)...)
	}
	return files, errs
}

func walkDir(root string, opts Options, add func(File)) []error {
	var errs []error
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, describe(p, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != root && excluded(p, opts.Exclude) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != root && SkippedDirs[d.Name()] {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Not followed to a folder: it could loop, and walking it
			// would scan files twice.
			info, err := os.Stat(p)
			if err != nil {
				errs = append(errs, describe(p, err))
				return nil
			}
			if info.IsDir() {
				return nil
			}
		}
		// Special files (named pipes, sockets, devices) are passed on too:
		// one named like an input is reported when it is read, not
		// dropped without a word.
		add(File{Path: p})
		return nil
	})
	if err != nil {
		errs = append(errs, describe(root, err))
	}
	return errs
}

// describe returns a *source.Error naming the path, without a line.
func describe(p string, err error) error {
	msg := err.Error()
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		msg = "permission denied"
	case errors.As(err, &pe):
		msg = pe.Err.Error()
	}
	return &source.Error{Range: source.Range{File: p}, Msg: msg}
}

// excluded reports whether p matches any pattern. A pattern without a
// slash matches a base name anywhere; "**/" spans folders.
func excluded(p string, patterns []string) bool {
	p = filepath.ToSlash(filepath.Clean(p))
	for _, pat := range patterns {
		if Match(pat, p) {
			return true
		}
	}
	return false
}

// Match reports whether the slash-separated path p matches the glob
// pattern, which may use "**" for any number of folders. A pattern with no
// slash matches the base name; a pattern matching a folder matches
// everything below it.
func Match(pattern, p string) bool {
	pattern = strings.TrimPrefix(filepath.ToSlash(pattern), "./")
	p = strings.TrimPrefix(p, "./")
	if !strings.Contains(pattern, "/") {
		for _, seg := range strings.Split(p, "/") {
			if ok, _ := path.Match(pattern, seg); ok {
				return true
			}
		}
		return false
	}
	pattern = strings.TrimSuffix(pattern, "/")
	ps := strings.Split(p, "/")
	for n := len(ps); n > 0; n-- {
		if matchSegments(strings.Split(pattern, "/"), ps[:n]) {
			return true
		}
	}
	return false
}

func matchSegments(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(segs); i++ {
				if matchSegments(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}
