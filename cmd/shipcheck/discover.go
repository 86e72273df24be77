package main

import "github.com/shipcheck/shipcheck/analyzer/discover"

func discoverOptions(f scanFlags) discover.Options {
	return discover.Options{Exclude: f.exclude}
}
