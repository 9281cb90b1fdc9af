#!/usr/bin/env bash
# make audit: Lighthouse (npm, Node 20: lighthouse@12) against Debian's
# Chromium, on the cover and a chapter of the built sample, served from
# loopback. Prints the four category scores of each page.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=.cache/audit
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  npm install --silent --no-audit --no-fund --prefix "$tools" lighthouse@12 >/dev/null
fi
go run ./cmd/folio build --out .cache/audit/site --base-url http://127.0.0.1:8795/ >/dev/null
python3 -m http.server 8795 --bind 127.0.0.1 --directory .cache/audit/site >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
for page in "" "industry/"; do
  CHROME_PATH="$(command -v chromium)" "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:8795/$page" \
    --quiet --output=json --output-path="$tools/report.json" --chrome-flags="$flags" \
    --only-categories=performance,accessibility,best-practices,seo >/dev/null
  node -e '
    const r = require(process.argv[1]);
    const s = Object.values(r.categories).map(c => `${c.title} ${Math.round(c.score * 100)}`).join(", ");
    console.log(`${process.argv[2] || "/"}: ${s}`);
  ' "$PWD/$tools/report.json" "/$page"
done
