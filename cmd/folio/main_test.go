package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"folio/internal/testtools"
	"folio/internal/upload/s3test"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		// main itself, so that Ctrl-C (kill -INT) stops folio serve as
		// it stops it for editors.
		"folio": main,
		// A $BROWSER that writes the URL it is asked to open to the file
		// $BROWSER_RECORD, whole (written aside, then renamed).
		"record-browser": func() {
			dst := os.Getenv("BROWSER_RECORD")
			if len(os.Args) != 2 || dst == "" {
				os.Exit(2)
			}
			if err := os.WriteFile(dst+".tmp", []byte(os.Args[1]+"\n"), 0o644); err != nil {
				os.Exit(1)
			}
			if err := os.Rename(dst+".tmp", dst); err != nil {
				os.Exit(1)
			}
		},
	})
}

// TestScripts runs the CLI scenarios in testdata/script: exit codes,
// diagnostics and what the output folder holds afterwards.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"waitfile": waitFile,
		"geturl":   getURL,
		"s3server": s3Server,
		"s3full":   s3Full,
	}, Condition: func(cond string) (bool, error) {
		switch cond {
		case "s3server":
			// Under FOLIO_REQUIRE_TOOLS the scripts that need the
			// server run, and fail without it.
			return s3test.Binary() != "" || os.Getenv("FOLIO_REQUIRE_TOOLS") != "", nil
		}
		return false, fmt.Errorf("unknown condition %q", cond)
	}})
}

// s3Server starts a real S3-compatible server for the rest of the
// script, with an empty bucket: s3server BUCKET. It sets $S3URL to the
// bucket's URL, $S3ROOT to the folder holding the buckets (an object is
// the file $S3ROOT/BUCKET/KEY), and the credentials.
func s3Server(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: s3server BUCKET")
	}
	bin := s3test.Binary()
	if bin == "" {
		ts.Fatalf("%s", testtools.Message("versitygw", s3test.Install))
	}
	s, stop, err := s3test.Launch(bin, ts.MkAbs("s3"), args[0])
	if err != nil {
		ts.Fatalf("%v", err)
	}
	ts.Defer(stop)
	ts.Setenv("S3URL", s.URL)
	ts.Setenv("S3ENDPOINT", "http://"+s.Addr)
	ts.Setenv("S3ROOT", s.Root)
	for _, kv := range s.Env {
		k, v, _ := strings.Cut(kv, "=")
		ts.Setenv(k, v)
	}
}

// waitFile waits (up to a minute) for a file to exist: waitfile FILE.
func waitFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfile FILE")
	}
	deadline := time.Now().Add(time.Minute)
	for {
		if _, err := os.Stat(ts.MkAbs(args[0])); err == nil {
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("%s did not appear within a minute", args[0])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// getURL fetches the URL written in a file and writes the body to
// stdout: geturl FILE. It fails unless the answer is 200 OK.
func getURL(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: geturl FILE")
	}
	u := strings.TrimSpace(ts.ReadFile(args[0]))
	resp, err := http.Get(u)
	if err != nil {
		ts.Fatalf("%v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.Fatalf("%v", err)
	}
	ts.Stdout().Write(body)
	if ok := resp.StatusCode == http.StatusOK; ok == neg {
		ts.Fatalf("GET %s: %s", u, resp.Status)
	}
}

// s3Full stands a store that is full in front of the script's server
// (s3server first): it answers every upload as MinIO does when its disks
// are full (507 XMinioStorageFull), and passes the rest through. It sets
// $S3FULLURL to the bucket's URL through it.
func s3Full(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: s3full")
	}
	u, err := url.Parse(ts.Getenv("S3URL"))
	if err != nil || u.Query().Get("endpoint") == "" {
		ts.Fatalf("s3full needs s3server first")
	}
	target, err := url.Parse(u.Query().Get("endpoint"))
	if err != nil {
		ts.Fatalf("%v", err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			w.WriteHeader(http.StatusInsufficientStorage)
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>XMinioStorageFull</Code><Message>Storage backend has reached its minimum free drive threshold. Please delete a few objects to proceed.</Message></Error>`)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	ts.Defer(srv.Close)
	q := u.Query()
	q.Set("endpoint", srv.URL)
	u.RawQuery = q.Encode()
	ts.Setenv("S3FULLURL", u.String())
}
