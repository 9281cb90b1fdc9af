// Package version says which folio this is, for `folio version` and for
// cache keys (a new folio never reuses an older one's processed files).
package version

import "runtime/debug"

// Override is set at link time (-ldflags "-X folio/internal/version.Override=v1.2.3").
var Override = ""

// String returns the version: the link-time override, the module version,
// or devel with the VCS revision from the build info.
func String() string {
	if Override != "" {
		return Override
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "devel-" + rev
}
