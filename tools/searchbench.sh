#!/usr/bin/env bash
# Search on a large publication: generates CHAPTERS (default 10,000)
# chapters, builds them with folio, indexes the same built site with Pagefind
# 1.6.0 when npx can fetch it, and prints both index sizes and the bytes each
# query loads (tools/searchcompare). Takes minutes; Pagefind needs ~4 GiB.
#   bash tools/searchbench.sh            SEARCH_BENCH=0 skips it in make bench
set -euo pipefail
cd "$(dirname "$0")/.."
n=${CHAPTERS:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "search: $n generated chapters"
go run ./tools/benchgen -n "$n" -out "$work" >/dev/null
go run ./cmd/folio build -src "$work/folio" -out "$work/public" >/dev/null
if command -v npx >/dev/null && npx --yes pagefind@1.6.0 --site "$work/public" >"$work/pagefind.log" 2>&1; then
  grep -E 'Indexed|Finished' "$work/pagefind.log" || true
else
  echo "Pagefind did not run here:"; tail -n 5 "$work/pagefind.log" 2>/dev/null || echo "  no npx"
  rm -rf "$work/public/pagefind"
fi
go run ./tools/searchcompare -site "$work/public" 园区 项目建设 营商环境 党员 数字化管理平台 第45批 服务效率 招商
