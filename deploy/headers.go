// Package deploy holds the sample configuration for serving public/ with
// nginx (nginx.conf, security-headers.conf) and the test that runs it
// against a build. SecurityHeaders gives the same headers to the dev
// server and the browser tests, so the policy the pages are tested under
// is the one publishers install.
package deploy

import (
	_ "embed"
	"regexp"
)

//go:embed security-headers.conf
var securityHeadersConf string

var addHeader = regexp.MustCompile(`(?m)^add_header (\S+) "([^"]*)" always;$`)

// SecurityHeaders returns the headers of security-headers.conf as name
// and value pairs, in the file's order.
func SecurityHeaders() [][2]string {
	var out [][2]string
	for _, m := range addHeader.FindAllStringSubmatch(securityHeadersConf, -1) {
		out = append(out, [2]string{m[1], m[2]})
	}
	return out
}
