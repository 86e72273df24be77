package kubernetes

import (
	"fmt"
	"os"
)

// maxSiblingSize bounds what is read of a kustomization or skaffold file
// found next to a manifest.
const maxSiblingSize = 4 << 20

// readSibling reads a configuration file found next to a manifest. Only
// regular files are read: a named pipe would block the scan forever.
func readSibling(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if info.Size() > maxSiblingSize {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, maxSiblingSize)
	}
	return os.ReadFile(path)
}
