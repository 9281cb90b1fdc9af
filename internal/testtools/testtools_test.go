package testtools

import "testing"

func TestSkipREFindsTheTool(t *testing.T) {
	line := "    nginx_test.go:47: " + Message("nginx", "apt-get install nginx-light") + "\n"
	m := SkipRE.FindStringSubmatch(line)
	if m == nil || m[1] != "nginx" {
		t.Errorf("%q: %q", line, m)
	}
}
