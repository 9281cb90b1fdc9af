package server

import (
	"net"
	"net/url"
	"strconv"
)

// Exposed reports whether other machines can reach the server: it listens
// on every interface (--bind 0.0.0.0 or ::) or on a network address, not
// on loopback alone.
func (s *Server) Exposed() bool {
	addr, ok := s.ln.Addr().(*net.TCPAddr)
	return ok && !addr.IP.IsLoopback()
}

// NetworkURLs returns the addresses other machines on the network can
// open: for a server on every interface, one per address of each network
// interface that is up (IPv4 for --bind 0.0.0.0; IPv6 as well for ::);
// for a server on one network address, its URL; none on loopback.
func (s *Server) NetworkURLs() []string {
	addr, ok := s.ln.Addr().(*net.TCPAddr)
	if !ok || addr.IP.IsLoopback() {
		return nil
	}
	if !addr.IP.IsUnspecified() {
		return []string{s.URL()}
	}
	bind := net.ParseIP(s.opts.Bind)
	return networkURLs(interfaceIPs(), addr.Port, bind == nil || bind.To4() == nil)
}

// interfaceIPs lists the addresses of the interfaces that are up, but
// for loopback's.
func interfaceIPs() []net.IP {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var ips []net.IP
	for _, iface := range ifaces {
		if iface.Flags&net.FlagUp == 0 || iface.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := iface.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				ips = append(ips, n.IP)
			}
		}
	}
	return ips
}

// networkURLs returns the URLs of the port at the addresses another
// machine can use (not loopback, link-local or multicast ones), IPv4
// first, IPv6 only when withIPv6, each once.
func networkURLs(ips []net.IP, port int, withIPv6 bool) []string {
	var v4, v6 []string
	seen := map[string]bool{}
	for _, ip := range ips {
		if !ip.IsGlobalUnicast() || seen[ip.String()] {
			continue
		}
		seen[ip.String()] = true
		u := (&url.URL{Scheme: "http", Host: net.JoinHostPort(ip.String(), strconv.Itoa(port)), Path: "/"}).String()
		if ip.To4() != nil {
			v4 = append(v4, u)
		} else if withIPv6 {
			v6 = append(v6, u)
		}
	}
	return append(v4, v6...)
}
