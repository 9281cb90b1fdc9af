#!/usr/bin/env bash
# A large series: generates CHAPTERS (default 10,000) chapters, split into
# PARTS (default 10) installments of one series, and measures, in one run,
# each beside the same chapters built as one publication: the first build,
# a second with nothing changed, builds after one-chapter edits; then the
# bytes a search loads, across the series and within one installment
# (tools/searchcompare). Takes minutes.
#   bash tools/seriesbench.sh           SERIES_BENCH=0 skips it in make bench
set -euo pipefail
cd "$(dirname "$0")/.."
n=${CHAPTERS:-10000}
parts=${PARTS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "series: $n generated chapters in $parts installments"
go run ./tools/benchgen -n "$n" -out "$work/gen" >/dev/null
go build -o "$work/folio" ./cmd/folio
pub="$work/gen/folio"
series="$work/series"
mkdir -p "$series/content/installments"
printf 'title: 基准测试系列\nbase_url: https://example.org/series/\n' >"$series/content/series.yaml"
per=$(( (n + parts - 1) / parts ))
i=0
for f in $(ls "$pub/content/chapters" | sort); do
  p=$(( i / per + 1 ))
  dir="$series/content/installments/part-$p"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir/chapters"
    printf 'title: 第%d篇\npublished: 2021-07-01\nweight: %d\ncjk_spacing: none\n' "$p" "$p" >"$dir/publication.yaml"
    printf "本篇收入第%d批生成的章节。\n" "$p" >"$dir/index.md"
    cp -r "$pub/content/data" "$pub/content/images" "$dir/"
  fi
  cp "$pub/content/chapters/$f" "$dir/chapters/"
  i=$((i + 1))
done
# A chapter's link to the next, across two installments, is a link to
# the other installment's file.
for p in $(seq 1 $((parts - 1))); do
  here="$series/content/installments/part-$p/chapters"
  next="$series/content/installments/part-$((p + 1))/chapters"
  [ -d "$next" ] || break
  first=$(ls "$next" | sort | sed -n 1p)
  last=$(ls "$here" | sort | tail -n 1)
  sed -i "s#](${first}#](../../part-$((p + 1))/chapters/${first}#g" "$here/$last"
done
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; e=$(date +%s.%N); awk "BEGIN{print $e - $s}"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t_pub=$(seconds "$work/folio" build -src "$pub" -out "$work/pub-public")
t_series=$(seconds "$work/folio" build -src "$series" -out "$work/public")
t_pub_again=$(seconds "$work/folio" build -src "$pub" -out "$work/pub-public")
t_series_again=$(seconds "$work/folio" build -src "$series" -out "$work/public")
# Three edits, each of another chapter, made to the publication and to
# the same chapter of the series, built in alternation.
edits_pub=()
edits_series=()
for k in 1 2 3; do
  ch=$(ls "$series/content/installments/part-$k/chapters" | sed -n 2p)
  printf '\n编辑后增加的第%d段话。\n' "$k" >>"$pub/content/chapters/$ch"
  printf '\n编辑后增加的第%d段话。\n' "$k" >>"$series/content/installments/part-$k/chapters/$ch"
  edits_pub+=("$(seconds "$work/folio" build -src "$pub" -out "$work/pub-public")")
  edits_series+=("$(seconds "$work/folio" build -src "$series" -out "$work/public")")
done
t_pub_edit=$(printf '%s\n' "${edits_pub[@]}" | median)
t_series_edit=$(printf '%s\n' "${edits_series[@]}" | median)
printf '| build | one publication, s | the series, s | series / publication |\n|---|---|---|---|\n'
for row in "first build:$t_pub:$t_series" "nothing changed:$t_pub_again:$t_series_again" \
  "one chapter edited (median of 3):$t_pub_edit:$t_series_edit"; do
  IFS=: read -r what a b <<<"$row"
  printf '| %s | %.2f | %.2f | %.2f |\n' "$what" "$a" "$b" "$(awk "BEGIN{print $b / $a}")"
done
echo
go run ./tools/searchcompare -site "$work/public" 园区 项目建设 营商环境 党员 数字化管理平台 第45批 服务效率 招商
echo
go run ./tools/searchcompare -site "$work/public" -in part-3 园区 项目建设 营商环境 党员 数字化管理平台 第45批 服务效率 招商
