// Package result is what a scan produces: rules, findings and tool errors,
// the input of every reporter.
package result

import (
	"fmt"
	"strings"
)

// Severity orders findings; a higher value is more severe.
type Severity int

const (
	Info Severity = iota + 1
	Low
	Medium
	High
	Critical
)

var severityNames = map[Severity]string{
	Info: "info", Low: "low", Medium: "medium", High: "high", Critical: "critical",
}

func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return "unknown"
}

// ParseSeverity accepts a severity name in any case, or a one-letter
// abbreviation (C, H, M, L, I).
func ParseSeverity(s string) (Severity, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for sev, name := range severityNames {
		if s == name || (len(s) == 1 && s[0] == name[0]) {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium, low or info)", s)
}

// SecuritySeverity is the CVSS-like score GitHub code scanning reads from
// SARIF rule properties to rank alerts.
func (s Severity) SecuritySeverity() string {
	return map[Severity]string{Critical: "9.5", High: "8.0", Medium: "5.5", Low: "3.0", Info: "1.0"}[s]
}

// SARIFLevel maps the severity to a SARIF result level.
func (s Severity) SARIFLevel() string {
	switch {
	case s >= High:
		return "error"
	case s == Medium:
		return "warning"
	default:
		return "note"
	}
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
