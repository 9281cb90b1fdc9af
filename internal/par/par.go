// Package par runs independent work on every core.
package par

import (
	"runtime"
	"sync"
)

// Do calls f(i) for i in 0..n-1 on one goroutine per core and returns when
// all calls have.
func Do(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
