#!/usr/bin/env bash
# make pdf: the print page of the built site rendered to PDF by headless
# Chromium (served from loopback: the pages check their stylesheet's
# integrity, which a file:// page cannot).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "make pdf needs Chromium (apt-get install chromium)" >&2; exit 1; }
go run ./cmd/folio build >/dev/null
name=$(basename "$(ls public/*.epub 2>/dev/null | head -1)" .epub)
python3 -m http.server 8796 --bind 127.0.0.1 --directory public >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1" \
  --user-data-dir="$(mktemp -d)" --no-pdf-header-footer --print-to-pdf="public/${name:-publication}.pdf" \
  http://127.0.0.1:8796/print/ 2>/dev/null
echo "wrote public/${name:-publication}.pdf"
