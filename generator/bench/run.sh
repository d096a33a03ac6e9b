#!/usr/bin/env bash
# run.sh: the synthetic-corpus figures of BENCHMARKS.md, ours beside Hugo.
#
#   GEN=/tmp/gen-before OUT=/tmp/bench-results-before SIZES="10 100 1000" generator/bench/run.sh
#
# For each N in $SIZES it
#   1. writes a synthetic corpus of N documents with $GEN synth;
#   2. builds it with ours: peak RSS with /usr/bin/time -v into an empty
#      directory and with the output kept, then hyperfine's wall time with the
#      output kept and into an empty directory (emptied and synced before each
#      run, so that one run's disk writeback does not fall into the next);
#   3. makes the same pages a Hugo site (go run ./generator/bench/mkhugo),
#      builds it with hugo the same way, and checks with mkhugo -check that
#      Hugo wrote one page per page given;
#   4. starts our dev server ($GEN serve) and hugo server, one at a time, each
#      in its default mode, and for Hugo also with --renderToMemory (our
#      server serves from memory; Hugo's default, since v0.144, writes to
#      disk): the time to the first page served, then editlatency (clause 一
#      of synthetic-0001: content/documents/synthetic-0001.md for ours,
#      content/synthetic-0001/para_1/index.md of the Hugo site, the page
#      /synthetic-0001/para_1/ in both) and the server's VmRSS/VmHWM after;
#   5. finds the largest HTML page of ours' public/.
# It prints one markdown table row per N (also in $OUT/summary.md) and keeps
# every raw output in $OUT/n$N/.
#
# Environment (defaults in brackets):
#   GEN     the generator binary to measure [go build ./generator of this repository]
#   SRC     the tree whose content/, layouts/ and static/ synth starts from
#           (themes, editorial pages, layouts): that of GEN's commit [this repository]
#   HUGO    [hugo on $PATH, else /root/go/bin/hugo]
#   SIZES   [10 100 1000]
#   OUT     results [/tmp/bench-results-DATE]
#   WORK    corpora and Hugo sites, $WORK/s$N and $WORK/h$N [/tmp/bench-work]
#   PORT    our server's port; hugo server gets PORT+1 [18313]
#   HUGO_MODES  hugo server modes: disk (its default) and/or memory [disk memory]
#   OURS_ONLY   if set, measure ours only (Hugo's columns stay empty): to
#           measure a new commit against Hugo figures recorded before
#   RUNS_N, WARMUP_N, EDITS_N, EDIT_WARMUP_N  per size N (e.g. RUNS_100=10):
#           hyperfine runs and warm-ups with the output kept (into an empty
#           directory: RUNS_N, at most 5), dev-server edits measured and not
#           [N=10: 20 3 50 3; N=100: 10 1 50 3; N=1000: 3 0 10 1 (ours; Hugo 50 3)]
#   FIND    the clause text replaced by each edit [捍卫人类和平事业作出的历史性贡献]
#
# It needs hyperfine, jq, curl, /usr/bin/time, Chromium (/usr/bin/chromium)
# and Go. Servers listen on 127.0.0.1 only and are stopped on exit.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SRC=${SRC:-$REPO}
HUGO=${HUGO:-$(command -v hugo || echo /root/go/bin/hugo)}
SIZES=${SIZES:-10 100 1000}
OUT=${OUT:-/tmp/bench-results-$(date -u +%Y%m%d-%H%M%S)}
WORK=${WORK:-/tmp/bench-work}
PORT=${PORT:-18313}
HUGO_PORT=$((PORT + 1))
HUGO_MODES=${HUGO_MODES:-disk memory}
FIND=${FIND:-捍卫人类和平事业作出的历史性贡献}
PAGE=/synthetic-0001/para_1/

mkdir -p "$OUT" "$WORK"
TOOLS=$(mktemp -d /tmp/bench-tools.XXXXXX)
SERVER_PID=
cleanup() {
	if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID" && wait "$SERVER_PID" || true
	fi
	rm -rf "$TOOLS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z ${GEN:-} ]]; then
	(cd "$REPO" && go build -o "$TOOLS/gen" ./generator)
	GEN=$TOOLS/gen
fi
(cd "$REPO" && go build -o "$TOOLS/editlatency" ./generator/bench/editlatency)
mkhugo() { (cd "$REPO" && go run ./generator/bench/mkhugo "$@"); }

{
	date -u
	echo "GEN=$GEN"
	echo "SRC=$SRC at $(git -C "$SRC" describe --always --dirty 2>/dev/null || echo '?')"
	echo "tools from $REPO at $(git -C "$REPO" describe --always --dirty 2>/dev/null || echo '?')"
	"$HUGO" version
	go version
	hyperfine --version
	/usr/bin/chromium --version 2>/dev/null || true
	nproc
	grep -m1 'model name' /proc/cpuinfo || true
	free -m
	echo "GOGC=${GOGC:-} GOMEMLIMIT=${GOMEMLIMIT:-}"
} >"$OUT/env.txt" 2>&1

# per N default: sizes beyond the table take N=1000's
def() { # def NAME N default10 default100 default1000
	local v="${1}_$2"
	if [[ -n ${!v:-} ]]; then echo "${!v}"; elif (($2 <= 10)); then echo "$3"; elif (($2 <= 100)); then echo "$4"; else echo "$5"; fi
}
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
maxrss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
# hyperfine's median, in ms or s
median() { jq -r '.results[0].median | if . < 1 then "\(. * 1000 * 10 | round / 10) ms" else "\(. * 100 | round / 100) s" end' "$1"; }

# serve NAME URL CMD...: starts a server, waits until URL answers, records
# the seconds it took in $DIR/NAME-ready.txt; sets SERVER_PID.
serve() {
	local name=$1 url=$2
	shift 2
	if curl -s -o /dev/null --max-time 2 "$url"; then
		echo "run.sh: something already answers $url" >&2
		exit 1
	fi
	local start
	start=$(date +%s.%N)
	"$@" >"$DIR/$name.log" 2>&1 &
	SERVER_PID=$!
	until curl -sf -o /dev/null --max-time 10 "$url"; do
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then
			echo "run.sh: $name exited; see $DIR/$name.log" >&2
			exit 1
		fi
		sleep 0.2
	done
	awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f\n", b - a }' >"$DIR/$name-ready.txt"
}
stop() {
	kill "$SERVER_PID"
	wait "$SERVER_PID" || true
	SERVER_PID=
}

row_header='| N | pages ours / Hugo | wall, output kept: ours / Hugo | wall, empty dir: ours / Hugo | peak RSS, empty dir: ours / Hugo (MiB) | peak RSS, kept: ours / Hugo (MiB) | dev server edit → tab, p50 / p95: ours | Hugo | Hugo --renderToMemory | dev server VmHWM: ours / Hugo / Hugo memory (MiB) | dev server ready: ours / Hugo / Hugo memory | largest HTML page (ours) |
|---:|---|---|---|---|---|---|---|---|---|---|---|'
echo "$row_header" >"$OUT/summary.md"

for N in $SIZES; do
	DIR=$OUT/n$N
	mkdir -p "$DIR"
	runs=$(def RUNS "$N" 20 10 3)
	warmup=$(def WARMUP "$N" 3 1 0)
	runs_empty=$((runs < 5 ? runs : 5))
	((N >= 1000)) && runs_empty=2
	edits=$(def EDITS "$N" 50 50 10)
	edit_warmup=$(def EDIT_WARMUP "$N" 3 3 1)
	s=$WORK/s$N h=$WORK/h$N
	echo "== N=$N: $DIR" >&2

	rm -rf "$s"
	"$GEN" synth -n "$N" -o "$s" -content "$SRC/content" -layouts "$SRC/layouts" -static "$SRC/static" >"$DIR/synth.txt"
	ours=("$GEN" -content "$s/content" -layouts "$s/layouts" -static "$s/static" -out "$s/public")
	rm -rf "$s/public"
	sync
	/usr/bin/time -v "${ours[@]}" >"$DIR/ours-time-empty.txt" 2>&1
	sync
	/usr/bin/time -v "${ours[@]}" >"$DIR/ours-time-kept.txt" 2>&1
	sync
	hyperfine -N -w "$warmup" -r "$runs" --export-json "$DIR/ours-kept.json" -n ours-kept "${ours[*]}" >"$DIR/ours-kept.txt"
	hyperfine -N -r "$runs_empty" --prepare "bash -c 'rm -rf $s/public; sync'" \
		--export-json "$DIR/ours-empty.json" -n ours-empty "${ours[*]}" >"$DIR/ours-empty.txt"
	pages_ours=$(find "$s/public" -name '*.html' | wc -l)
	find "$s/public" -name '*.html' -printf '%s %P\n' | sort -k1,1nr -k2,2 | awk 'NR <= 20' >"$DIR/largest-pages.txt"
	largest=$(head -1 "$DIR/largest-pages.txt")
	same=$(find "$s/public" -name '*.html' -size "${largest%% *}c" | wc -l)

	if [[ -z ${OURS_ONLY:-} ]]; then
	mkhugo "$s/public" "$h" >"$DIR/mkhugo.txt"
	hugo=("$HUGO" --source "$h" --destination "$h/public")
	rm -rf "$h/public"
	sync
	/usr/bin/time -v "${hugo[@]}" >"$DIR/hugo-time-empty.txt" 2>&1
	sync
	/usr/bin/time -v "${hugo[@]}" >"$DIR/hugo-time-kept.txt" 2>&1
	mkhugo -check "$h" >"$DIR/mkhugo-check.txt"
	sync
	hyperfine -N -w "$warmup" -r "$runs" --export-json "$DIR/hugo-kept.json" -n hugo-kept "${hugo[*]} --quiet" >"$DIR/hugo-kept.txt"
	hyperfine -N -r "$runs_empty" --prepare "bash -c 'rm -rf $h/public; sync'" \
		--export-json "$DIR/hugo-empty.json" -n hugo-empty "${hugo[*]} --quiet" >"$DIR/hugo-empty.txt"
	pages_hugo=$(awk '{ print $4 }' "$DIR/mkhugo-check.txt")
	fi

	# dev servers, one at a time
	serve ours-serve "http://127.0.0.1:$PORT$PAGE" \
		"$GEN" serve -content "$s/content" -layouts "$s/layouts" -static "$s/static" -addr "127.0.0.1:$PORT"
	"$TOOLS/editlatency" -url "http://127.0.0.1:$PORT$PAGE" -file "$s/content/documents/synthetic-0001.md" \
		-find "$FIND" -n "$edits" -warmup "$edit_warmup" -pid "$SERVER_PID" -json "$DIR/ours-edit.json" >"$DIR/ours-edit.txt"
	stop
	hugo_dev=() hugo_hwm=() hugo_ready=()
	modes=$HUGO_MODES
	[[ -n ${OURS_ONLY:-} ]] && modes=
	for mode in $modes; do
		flags=()
		[[ $mode == memory ]] && flags=(--renderToMemory)
		serve "hugo-serve-$mode" "http://127.0.0.1:$HUGO_PORT$PAGE" \
			"$HUGO" server --source "$h" --port "$HUGO_PORT" --bind 127.0.0.1 "${flags[@]}"
		"$TOOLS/editlatency" -url "http://127.0.0.1:$HUGO_PORT$PAGE" -file "$h/content/synthetic-0001/para_1/index.md" \
			-find "$FIND" -n "$(def EDITS "$N" 50 50 50)" -warmup "$(def EDIT_WARMUP "$N" 3 3 3)" \
			-pid "$SERVER_PID" -json "$DIR/hugo-$mode-edit.json" >"$DIR/hugo-$mode-edit.txt"
		stop
		hugo_dev+=("$(jq -r '"\(.median_ms * 10 | round / 10) / \(.p95_ms * 10 | round / 10) ms"' "$DIR/hugo-$mode-edit.json")")
		hugo_hwm+=("$(mib "$(jq .vmhwm_kb "$DIR/hugo-$mode-edit.json")")")
		hugo_ready+=("$(printf '%.1f s' "$(cat "$DIR/hugo-serve-$mode-ready.txt")")")
	done

	row="| $N | $pages_ours / ${pages_hugo:-—}"
	hugo_or() { if [[ -n ${OURS_ONLY:-} ]]; then echo "—"; else "$@"; fi; }
	row+=" | $(median "$DIR/ours-kept.json") / $(hugo_or median "$DIR/hugo-kept.json")"
	row+=" | $(median "$DIR/ours-empty.json") / $(hugo_or median "$DIR/hugo-empty.json")"
	row+=" | $(mib "$(maxrss "$DIR/ours-time-empty.txt")") / $(hugo_or mib "$(maxrss "$DIR/hugo-time-empty.txt" 2>/dev/null)")"
	row+=" | $(mib "$(maxrss "$DIR/ours-time-kept.txt")") / $(hugo_or mib "$(maxrss "$DIR/hugo-time-kept.txt" 2>/dev/null)")"
	row+=" | $(jq -r '"\(.median_ms * 10 | round / 10) / \(.p95_ms * 10 | round / 10) ms"' "$DIR/ours-edit.json")"
	row+=" | ${hugo_dev[0]:-} | ${hugo_dev[1]:-}"
	row+=" | $(mib "$(jq .vmhwm_kb "$DIR/ours-edit.json")") / $(IFS=/; echo "${hugo_hwm[*]}" | sed 's|/| / |g')"
	row+=" | $(printf '%.1f s' "$(cat "$DIR/ours-serve-ready.txt")") / $(IFS=/; echo "${hugo_ready[*]}" | sed 's|/| / |g')"
	row+=" | ${largest%% *} bytes, \`${largest#* }\` ($same of that size) |"
	echo "$row" >>"$OUT/summary.md"
	echo "$row" >"$DIR/row.md"
done
cat "$OUT/summary.md"
