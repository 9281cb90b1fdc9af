#!/usr/bin/env bash
# Builds the same generated Markdown with folio and with Hugo (when hugo
# v0.165.0 is on the PATH or in $(go env GOPATH)/bin), in alternation, and
# prints medians of wall time and peak RSS with the folio/Hugo ratios.
#   bash tools/compare.sh 100 1000      (chapter counts; 5 runs each)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
hugo=$(command -v hugo || echo "$(go env GOPATH)/bin/hugo")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/folio" ./cmd/folio
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '| chapters | folio wall s | folio peak MiB | Hugo wall s | Hugo peak MiB | wall folio/Hugo | RSS folio/Hugo |\n|---|---|---|---|---|---|---|\n'
for n in "$@"; do
  go run ./tools/benchgen -n "$n" -out "$work/$n"
  : > "$work/f.txt"; : > "$work/h.txt"; : > "$work/r.txt"
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$work/folio" build --src "$work/$n/folio" --out "$work/$n/folio-public" >/dev/null
    read -r fw fm < "$work/t"; echo "$fw $fm" >> "$work/f.txt"
    if [ -x "$hugo" ]; then
      rm -rf "$work/$n/hugo-public"
      /usr/bin/time -f "%e %M" -o "$work/t" "$hugo" --minify --quiet -s "$work/$n/hugo" -d "$work/$n/hugo-public" >/dev/null
      read -r hw hm < "$work/t"; echo "$hw $hm" >> "$work/h.txt"
      echo "$fw $hw $fm $hm" | awk '{print $1/$2, $3/$4}' >> "$work/r.txt"
    fi
  done
  fw=$(cut -d' ' -f1 "$work/f.txt" | median); fm=$(cut -d' ' -f2 "$work/f.txt" | median)
  if [ -s "$work/h.txt" ]; then
    hw=$(cut -d' ' -f1 "$work/h.txt" | median); hm=$(cut -d' ' -f2 "$work/h.txt" | median)
    rw=$(cut -d' ' -f1 "$work/r.txt" | median); rm_=$(cut -d' ' -f2 "$work/r.txt" | median)
    printf '| %s | %s | %.0f | %s | %.0f | %.2f | %.2f |\n' "$n" "$fw" "$(echo "$fm/1024" | bc -l)" "$hw" "$(echo "$hm/1024" | bc -l)" "$rw" "$rm_"
  else
    printf '| %s | %s | %.0f | – | – | – | – |\n' "$n" "$fw" "$(echo "$fm/1024" | bc -l)"
  fi
done
