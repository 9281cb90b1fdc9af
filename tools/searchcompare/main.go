// Command searchcompare measures, in Chromium, what a reader downloads to
// search a built site with Pagefind, beside what folio's own index costs
// for the same queries. It serves the site (with Pagefind's index in
// SITE/pagefind/) from loopback, runs each query through Pagefind's JS API
// in a fresh browser, loading the data of the first five results as its UI
// does, and counts the bytes the server sent for it. The count is taken at
// the server because Pagefind fetches its index from a Web Worker, whose
// requests the page's resource timeline does not list.
//
//	go run ./tools/searchcompare -site /tmp/bg/folio-public 园区 项目建设
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"

	"github.com/chromedp/chromedp"

	"folio/internal/search"
)

func main() {
	site := flag.String("site", "", "the built site, with Pagefind's index in pagefind/")
	in := flag.String("in", "", "search within this installment of a series (folio only)")
	flag.Parse()
	queries := flag.Args()
	if *site == "" || len(queries) == 0 {
		fmt.Fprintln(os.Stderr, "usage: searchcompare -site DIR QUERY...")
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	folioKB, folioFiles := treeSize(filepath.Join(*site, "search"))
	fmt.Printf("folio index: %.1f MB in %d files\n", folioKB/1024, folioFiles)
	withPagefind := *in == ""
	if !withPagefind {
		fmt.Printf("within the installment %s: folio's figures only\n\n", *in)
	} else if _, err := os.Stat(filepath.Join(*site, "pagefind", "pagefind.js")); err != nil {
		withPagefind = false
		fmt.Print("Pagefind index: none in SITE/pagefind/, so folio's figures only\n\n")
	} else {
		pfKB, pfFiles := treeSize(filepath.Join(*site, "pagefind"))
		fmt.Printf("Pagefind index: %.1f MB in %d files\n\n", pfKB/1024, pfFiles)
	}
	var sent atomic.Int64
	files := http.FileServer(http.Dir(*site))
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		files.ServeHTTP(countingWriter{w, &sent}, r)
	}))
	base := "http://" + ln.Addr().String() + "/"

	load := func(name string) ([]byte, bool) {
		data, err := os.ReadFile(filepath.Join(*site, filepath.FromSlash(name)))
		return data, err == nil
	}
	var pf, folio []float64
	fmt.Println("| query | Pagefind KB | folio KB |\n|---|---|---|")
	for _, q := range queries {
		_, read, err := search.QueryIn(load, q, 20, *in)
		if err != nil {
			fail(err)
		}
		folio = append(folio, float64(read)/1024)
		if !withPagefind {
			pf = append(pf, 0)
			fmt.Printf("| %s | – | %.0f |\n", q, float64(read)/1024)
			continue
		}
		// A new browser (and profile) per query, so no query is helped
		// by what an earlier one left in the HTTP cache.
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath("chromium"), chromedp.NoSandbox, chromedp.Flag("disable-quic", true),
			chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"))...)
		ctx, stop := chromedp.NewContext(alloc)
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"404.html")); err != nil {
			fail(err)
		}
		sent.Store(0)
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`(async () => {
			const pagefind = await import("/pagefind/pagefind.js");
			await pagefind.init();
			const r = await pagefind.search(%q);
			await Promise.all(r.results.slice(0, 5).map(x => x.data()));
			return r.results.length;
		})()`, q), chromedp.EvalAwaitPromise))
		bytes := float64(sent.Load())
		stop()
		cancelAlloc()
		if err != nil {
			fail(err)
		}
		if shown == 0 {
			fail(fmt.Errorf("Pagefind found nothing for %q", q))
		}
		pf = append(pf, bytes/1024)
		fmt.Printf("| %s | %.0f | %.0f |\n", q, bytes/1024, float64(read)/1024)
	}
	slices.Sort(pf)
	slices.Sort(folio)
	if withPagefind {
		fmt.Printf("| median | %.0f | %.0f |\n", pf[len(pf)/2], folio[len(folio)/2])
	} else {
		fmt.Printf("| median | – | %.0f |\n", folio[len(folio)/2])
	}
}

// treeSize returns the kilobytes and the number of files under dir.
func treeSize(dir string) (kb float64, files int) {
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				kb += float64(info.Size()) / 1024
				files++
			}
		}
		return nil
	})
	return kb, files
}

// countingWriter adds the body bytes written to a response to n.
type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (w countingWriter) Write(p []byte) (int, error) {
	k, err := w.ResponseWriter.Write(p)
	w.n.Add(int64(k))
	return k, err
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "searchcompare:", err)
	os.Exit(1)
}
