// Package imageref parses container image references as rules need them:
// registry, repository, tag and digest, and whether the reference can drift.
//
// References come from files nobody validated: Terraform interpolations,
// Helm placeholders, Dockerfile ARGs, upper-case names the registry grammar
// rejects. Parse therefore never fails. It uses the registry grammar of
// github.com/distribution/reference when the reference is literal and
// valid, and otherwise splits the reference itself, treating template
// expressions as opaque so that a ':' or '/' inside "${...}" is not mistaken
// for a separator.
package imageref

import (
	"regexp"
	"strings"

	"github.com/distribution/reference"
)

// Ref is a parsed image reference.
type Ref struct {
	Registry   string
	Repository string
	Tag        string
	Digest     string
	// Unknown is set when the tag position holds an unresolved template
	// (${...}, {{ ... }}, $(...), $VAR, %VAR%, <PLACEHOLDER>): nothing can be said
	// about the tag.
	Unknown bool
}

// Parse parses s. It never fails: what cannot be parsed is returned as
// Unknown.
func Parse(s string) Ref {
	s = strings.TrimSpace(s)
	if s == "" {
		return Ref{Unknown: true}
	}
	if loc := repositoryURL.FindStringIndex(s); loc != nil && loc[0] == 0 {
		r := Parse(repositoryStandIn + s[loc[1]:])
		r.Registry, r.Repository = "", s[:loc[1]]
		return r
	}
	mask := templateMask(s)
	if !strings.ContainsRune(mask, hidden) {
		if r, ok := parseStrict(s); ok {
			return r
		}
	}
	return parseLoose(s, mask)
}

// repositoryURL matches a Terraform reference to an ECR repository's URL
// (aws_ecr_repository.app.repository_url, data.aws_ecr_repository.x[0]
// .repository_url, aws_ecrpublic_repository.x.repository_uri), as the
// Terraform adapter writes the unknown value. Its value is
// unknown, but its shape is not: "<registry>/<name>", never with a tag, so
// image = aws_ecr_repository.app.repository_url pulls :latest.
var repositoryURL = regexp.MustCompile(`^\$\{(?:data\.)?(?:aws_ecr_repository\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.repository_url|aws_ecrpublic_repository\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.repository_uri)\}`)

// repositoryStandIn stands for a repository URL that starts a reference
// while it is parsed: a registry and a name without tag or digest, as the
// URL is.
const repositoryStandIn = "ecr.invalid/repository"

// Mutable reports whether the reference can point at different images over
// time (tag latest, or no tag and no digest) and says why.
func (r Ref) Mutable() (bool, string) {
	switch {
	case r.Digest != "" || r.Unknown:
		return false, ""
	case r.Tag == "":
		return true, `has no tag or digest, so it pulls "latest"`
	case r.Tag == "latest":
		return true, `uses the mutable tag "latest"`
	}
	return false, ""
}

// parseStrict parses a literal reference with the registry grammar.
func parseStrict(s string) (Ref, bool) {
	named, err := reference.ParseNormalizedNamed(s)
	if err != nil {
		return Ref{}, false
	}
	r := Ref{Registry: reference.Domain(named), Repository: reference.Path(named)}
	if t, ok := named.(reference.Tagged); ok {
		r.Tag = t.Tag()
	}
	if d, ok := named.(reference.Digested); ok {
		r.Digest = d.Digest().String()
	}
	return r, true
}

// looseDigest accepts any algorithm:encoded digest, however short: a user
// who wrote one meant to pin the image.
var looseDigest = regexp.MustCompile(`^[A-Za-z0-9]+(?:[+._-][A-Za-z0-9]+)*:[A-Za-z0-9=_-]+$`)

// imageID is a bare image ID, which Docker resolves without a registry.
var imageID = regexp.MustCompile(`^[a-f0-9]{64}$`)

// parseLoose splits s into [host[:port]/]path[:tag][@digest] where the
// registry grammar does not apply. mask is s with template expressions
// hidden, so separators are searched in mask and cut from s.
func parseLoose(s, mask string) Ref {
	var r Ref
	name, nameMask := s, mask
	if at := strings.IndexByte(mask, '@'); at >= 0 {
		name, nameMask = s[:at], mask[:at]
		d, dMask := s[at+1:], mask[at+1:]
		switch {
		case strings.ContainsRune(dMask, hidden):
			r.Digest, r.Unknown = d, true
		case looseDigest.MatchString(d):
			r.Digest = d
		default:
			r.Unknown = true // "app@latest" is no reference at all
		}
	}
	lastSlash := strings.LastIndexByte(nameMask, '/')
	last := nameMask[lastSlash+1:]
	if colon := strings.IndexByte(last, ':'); colon >= 0 {
		cut := lastSlash + 1 + colon
		r.Tag = name[cut+1:]
		if strings.ContainsRune(nameMask[cut+1:], hidden) || r.Tag == "" {
			r.Unknown = true
		}
		name, nameMask = name[:cut], nameMask[:cut]
	} else if r.Digest == "" && strings.ContainsRune(last, hidden) {
		// "${repo_url}" or "app-$ENV": the template may carry the tag.
		r.Unknown = true
	}
	if name == "" {
		r.Unknown = true
	}
	r.Registry, r.Repository = splitDomain(name, nameMask)
	if r.Tag == "" && r.Digest == "" && lastSlash < 0 && imageID.MatchString(name) {
		r.Registry, r.Repository, r.Digest = "", "", "sha256:"+name
	}
	return r
}

// splitDomain splits a name into registry and repository as Docker does:
// the first path component is a registry when it contains '.' or ':', is
// "localhost", has upper case, or is a template; else the name is on
// Docker Hub, under library/ when it has a single component.
func splitDomain(name, mask string) (string, string) {
	slash := strings.IndexByte(mask, '/')
	if slash < 0 {
		if strings.ContainsRune(mask, hidden) {
			return "", name
		}
		return "docker.io", "library/" + name
	}
	first, firstMask, rest := name[:slash], mask[:slash], name[slash+1:]
	switch {
	case first == "index.docker.io" || first == "docker.io":
		if !strings.Contains(rest, "/") {
			rest = "library/" + rest
		}
		return "docker.io", rest
	case first == "localhost", strings.ContainsAny(firstMask, ".:"+string(hidden)), strings.ToLower(first) != first:
		return first, rest
	}
	return "docker.io", name
}

// hidden replaces every byte of a template expression in a mask. It is a
// byte that cannot appear in an image reference.
const hidden = '\x00'

// templateMask returns s with every template expression replaced, byte for
// byte, by hidden: ${...} (nested braces and ${VAR:-x} included), {{ ... }},
// $(...), $VAR, %VAR%, #{...} (Octopus, Azure DevOps token replacement) and
// <PLACEHOLDER>. An unterminated template runs to the end of s.
func templateMask(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		end := templateEnd(s, i)
		if end <= i {
			i++
			continue
		}
		for j := i; j < end; j++ {
			b[j] = hidden
		}
		i = end
	}
	return string(b)
}

// templateEnd returns the end of the template expression starting at i, or
// i when none starts there.
func templateEnd(s string, i int) int {
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, "${"):
		return i + balanced(rest, '{', '}')
	case strings.HasPrefix(rest, "$("):
		return i + balanced(rest, '(', ')')
	case strings.HasPrefix(rest, "{{"):
		if end := strings.Index(rest[2:], "}}"); end >= 0 {
			return i + 2 + end + 2
		}
		return len(s)
	case strings.HasPrefix(rest, "#{"):
		return i + balanced(rest, '{', '}')
	case strings.HasPrefix(rest, "<"):
		// Deploy-tool placeholders: CodeDeploy's <IMAGE1_NAME>, <TAG>.
		if end := strings.IndexAny(rest[1:], "<>"); end >= 0 && rest[1+end] == '>' {
			return i + 1 + end + 1
		}
		return i
	case strings.HasPrefix(rest, "%") && len(rest) > 1 && isVarStart(rest[1]):
		// Windows and release-tool tokens: %BUILD_NUMBER%.
		j := 2
		for j < len(rest) && isVarChar(rest[j]) {
			j++
		}
		if j < len(rest) && rest[j] == '%' {
			return i + j + 1
		}
		return i
	case strings.HasPrefix(rest, "$") && len(rest) > 1 && isVarStart(rest[1]):
		j := 2
		for j < len(rest) && isVarChar(rest[j]) {
			j++
		}
		return i + j
	}
	return i
}

// balanced returns the length of the prefix of s that closes the bracket
// opened at s[1], or len(s) when it is never closed.
func balanced(s string, open, closing byte) int {
	depth := 0
	for j := 1; j < len(s); j++ {
		switch s[j] {
		case open:
			depth++
		case closing:
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(s)
}

func isVarStart(c byte) bool {
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
}

func isVarChar(c byte) bool {
	return isVarStart(c) || (c >= '0' && c <= '9')
}
