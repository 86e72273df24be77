package scan_test

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shipcheck/shipcheck/analyzer/scan"
	"github.com/shipcheck/shipcheck/internal/corpus"
)

// benchCorpus scans n generated files of each writer per iteration and
// reports resources per second, bytes allocated per resource and the peak
// heap, which must stay flat as n grows.
func benchCorpus(b *testing.B, n int, writers ...corpus.Writer) {
	eng := testEngine(b)
	root := b.TempDir()
	resources := 0
	for i, w := range writers {
		r, err := corpus.Write(filepath.Join(root, string(rune('a'+i))), n, w)
		if err != nil {
			b.Fatal(err)
		}
		resources += r
	}
	var peak atomic.Uint64
	stop := sampleHeap(&peak)
	defer stop()
	runtime.GC()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rep, err := scan.Run(context.Background(), scan.Options{Paths: []string{root}, Engine: eng})
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Errors) > 0 {
			b.Fatalf("tool errors: %v", rep.Errors[0])
		}
	}
	b.StopTimer()
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(resources)/perOp, "resources/s")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

// sampleHeap records the largest heap in use until stopped.
func sampleHeap(peak *atomic.Uint64) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	return func() { close(done) }
}

func BenchmarkECS(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) { benchCorpus(b, n, corpus.ECSTaskDefinition, corpus.ECSService) })
	}
}

func BenchmarkKubernetes(b *testing.B) {
	for _, n := range []int{300, 1200} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) { benchCorpus(b, n, corpus.KubernetesDeployments) })
	}
}

func BenchmarkTerraform(b *testing.B) {
	for _, n := range []int{100, 400} {
		b.Run(fmt.Sprintf("modules=%d", n), func(b *testing.B) { benchCorpus(b, n, corpus.TerraformStack) })
	}
}

func BenchmarkDockerfile(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) { benchCorpus(b, n, corpus.Dockerfile) })
	}
}
