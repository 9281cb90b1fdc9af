package server

import (
	"net"
	"slices"
	"strings"
	"testing"

	"folio/internal/config"
	"folio/internal/site"
)

func TestNetworkURLs(t *testing.T) {
	ips := []net.IP{
		net.ParseIP("fe80::1"),      // link-local: needs a zone, useless in a URL
		net.ParseIP("2001:db8::20"), // global IPv6
		net.ParseIP("192.168.1.20"), // the usual LAN address
		net.ParseIP("169.254.3.4"),  // link-local IPv4
		net.ParseIP("127.0.0.1"),    // loopback
		net.ParseIP("10.0.0.7"),     // another interface
		net.ParseIP("192.168.1.20"), // the same address twice
		net.ParseIP("224.0.0.251"),  // multicast
	}
	got := networkURLs(ips, 1313, false)
	want := []string{"http://192.168.1.20:1313/", "http://10.0.0.7:1313/"}
	if !slices.Equal(got, want) {
		t.Errorf("IPv4 only: got %q, want %q", got, want)
	}
	got = networkURLs(ips, 1313, true)
	want = append(want, "http://[2001:db8::20]:1313/")
	if !slices.Equal(got, want) {
		t.Errorf("with IPv6: got %q, want %q", got, want)
	}
}

func TestExposed(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	for _, tc := range []struct {
		bind    string
		exposed bool
	}{{"127.0.0.1", false}, {"localhost", false}, {"0.0.0.0", true}} {
		srv, err := New(Options{Site: site.Options{Options: config.Options{Src: t.TempDir()}}, Bind: tc.bind, Port: 0})
		if err != nil {
			t.Fatal(err)
		}
		if got := srv.Exposed(); got != tc.exposed {
			t.Errorf("--bind %s: Exposed() = %v, want %v", tc.bind, got, tc.exposed)
		}
		urls := srv.NetworkURLs()
		if !tc.exposed && len(urls) > 0 {
			t.Errorf("--bind %s: network URLs %q", tc.bind, urls)
		}
		for _, u := range urls {
			if strings.Contains(u, "127.0.0.1") || strings.Contains(u, "[::1]") {
				t.Errorf("--bind %s: a loopback URL among the network ones: %s", tc.bind, u)
			}
		}
		if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") && !strings.HasPrefix(srv.URL(), "http://localhost:") {
			t.Errorf("--bind %s: URL %s is not a local one", tc.bind, srv.URL())
		}
		srv.ln.Close()
	}
}
