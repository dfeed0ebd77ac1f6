#!/bin/sh
# Query latency through shards on loopback (README "Performance", "Shards on loopback";
# docs/scaling.md): for each shard count, the query mix of bench/queries.tsv runs through
# `provisio-bench queries` twice: in process (the shards' stub read directly) and through a stub
# that keeps the head (metadata, spelling) local and lists the shards as remote, served by
# xapian-tcpsrv on 127.0.0.1, as a deployment would. A table of both ends the output.
#
#   bench/shards.sh --corpus DIR --work DIR [--shards "1 3"] [--repeat 5] [--bin BUILD]
#                   [--single-index DB] [--summary-only]
#
# An index WORK/tw<N> is built with `provisio index --shards N` when it is not there yet (about as
# long as a single index of the same corpus). `--single-index DB` serves an existing single
# (unsharded) index as the one-shard case instead of building WORK/tw1. With --summary-only the
# per-category tables go to stderr and only the summary to stdout. Servers are started in their
# own process group and killed on every exit path.
set -eu

corpus= work= shard_counts="1 3" repeat=5 single= summary_only=0 bin="$(dirname "$0")/../build"
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --shards) shard_counts=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --single-index) single=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --summary-only) summary_only=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench/shards.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$corpus" ] && [ -n "$work" ] || { echo "bench/shards.sh: give --corpus DIR and --work DIR" >&2; exit 2; }
command -v xapian-tcpsrv >/dev/null || { echo "skipped: xapian-tcpsrv (Debian xapian-tools) is not installed"; exit 0; }
provisio="$bin/tools/provisio"
bench="$bin/bench/provisio-bench"
mkdir -p "$work"
work=$(cd "$work" && pwd)

pids=
stop_servers() {
  for p in $pids; do kill -KILL "-$p" 2>/dev/null || true; done  # the group: each server and its per-connection children
  pids=
}
trap stop_servers EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# serve DB: starts xapian-tcpsrv on a free port for DB, prints "remote 127.0.0.1:PORT".
serve() {
  port=$(free_port)
  setsid xapian-tcpsrv --port "$port" --interface 127.0.0.1 --quiet "$1" >/dev/null 2>&1 &
  pids="$pids $!"
  i=0
  until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 200 ] || { echo "bench/shards.sh: xapian-tcpsrv on $1 did not start" >&2; exit 1; }
    sleep 0.1
  done
  echo "remote 127.0.0.1:$port"
}

# measure LABEL HOW DB: runs the query mix on DB, shows its tables (stderr with --summary-only) and
# keeps the "all" row for the summary.
rows=
measure() {
  out=$("$bench" queries --db "$3" --repeat "$repeat")
  if [ "$summary_only" = 1 ]; then printf '\n== %s, %s ==\n%s\n' "$1" "$2" "$out" >&2
  else printf '\n== %s, %s (%s) ==\n%s\n' "$1" "$2" "$3" "$out"; fi
  row=$(printf '%s\n' "$out" | sed -n 's/^| all | [0-9]* |//p')
  rows="$rows| $1 | $2 |$row
"
}

echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $shard_counts; do
  stub="$work/tw$n-loopback"
  if [ "$n" = 1 ] && [ -n "$single" ]; then
    label="1 database"
    measure "$label" "in process" "$single"
    serve "$single" > "$stub"
  else
    if [ ! -e "$work/tw$n" ]; then
      echo "indexing $corpus into $n shards ..." >&2
      started=$(date +%s)
      "$provisio" index --shards "$n" --db "$work/tw$n" "$corpus" >&2
      echo "indexed into $n shards in $(( $(date +%s) - started )) s of wall time"
    fi
    label="$n shards"
    measure "$label" "in process (local stub)" "$work/tw$n"
    echo "auto $work/tw$n.shards/head" > "$stub"
    for shard in "$work/tw$n.shards"/[0-9]*; do serve "$shard" >> "$stub"; done
  fi
  measure "$label" "xapian-tcpsrv on loopback" "$stub"
  stop_servers
done
echo
echo "Query latency through shards, $repeat timed passes of the mix (ms); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| index | how it is read | p50 ms | p95 ms | p99 ms | max ms |"
echo "|---|---|---:|---:|---:|---:|"
printf '%s' "$rows"
