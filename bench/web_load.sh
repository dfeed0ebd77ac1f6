#!/usr/bin/env bash
# Load benchmark of `provisio serve` (not a test): for each number of concurrent clients, wrk on
# loopback for a bounded time with a mix of API searches (60%), search pages (20%) and provision
# pages (20%), printing requests per second and p50/p95/p99 latency, then one table of them all.
# Needs wrk (Debian package `wrk`).
#
#   bench/web_load.sh                          # the bundled corpus, indexed into build/web-bench-index
#   bench/web_load.sh --corpus twlaw           # the 301,450 Taiwan law articles of ../shared/data
#   bench/web_load.sh --db DIR --queries FILE  # any other index and its queries
#   options: --clients 1,8,32 (default)  --duration SECONDS per client count (default 20)
#            --server-threads N (default 8)  --work DIR (twlaw: default $TMPDIR/provisio-bench)
#
# The Taiwan law corpus is prepared as `make bench` prepares it, in the same place: converted by
# `provisio-bench convert` into WORK/slice-all/corpus and indexed into WORK/slice-all/ours, the
# folders `bench/run.sh --slices …,all --keep` leaves behind. What is there is reused (`provisio
# index` on an unchanged corpus only checks it, a few seconds); the first run converts (a minute)
# and indexes (5 minutes on 2 quiet cores). Without ../shared/data it prints "skipped: …" and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
provisio=${PROVISIO:-build/tools/provisio}
provisio_bench=${PROVISIO_BENCH:-build/bench/provisio-bench}
corpus=bundled db= queries= clients=1,8,32 duration=20 server_threads=8
work=${TMPDIR:-/tmp}/provisio-bench
while [ $# -gt 0 ]; do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --server-threads) server_threads=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "web_load.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case $corpus in bundled|twlaw) ;; *) echo "web_load.sh: --corpus is bundled or twlaw, not '$corpus'" >&2; exit 2 ;; esac
[[ $clients =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "web_load.sh: --clients wants numbers like 1,8,32" >&2; exit 2; }
command -v wrk >/dev/null || { echo "web_load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -x "$provisio" ] || { echo "web_load.sh: build first ($provisio missing)" >&2; exit 1; }

if [ -z "$db" ] && [ "$corpus" = twlaw ]; then
  data=../shared/data/twlaw/articles.jsonl.xz
  [ -f "$data" ] || { echo "skipped: $data is absent (the Taiwan law corpus lives beside the project)"; exit 0; }
  [ -x "$provisio_bench" ] || { echo "web_load.sh: build first ($provisio_bench missing)" >&2; exit 1; }
  slice=$work/slice-all
  if [ ! -d "$slice/corpus" ]; then
    echo "converting the Taiwan law corpus into $slice/corpus" >&2
    rm -rf "$slice/corpus.partial"
    mkdir -p "$slice"
    "$provisio_bench" convert --data "$data" --out "$slice/corpus.partial" >&2
    mv "$slice/corpus.partial" "$slice/corpus"  # only a whole conversion is ever reused
  fi
  echo "indexing $slice/corpus into $slice/ours (incremental: quick when it is there already)" >&2
  "$provisio" index --db "$slice/ours" "$slice/corpus" >&2
  db=$slice/ours
  queries=${queries:-bench/queries.tsv}
fi
if [ -z "$db" ]; then
  db=build/web-bench-index
  "$provisio" index --db "$db" corpus/instruments >/dev/null
fi

scratch=$(mktemp -d)
server=
stop_server() {
  [ -n "$server" ] || return 0
  kill -TERM "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=
}
trap 'stop_server; rm -rf "$scratch"' EXIT

"$provisio" serve --db "$db" --store "$scratch/submissions.db" --listen 127.0.0.1:0 --quiet \
  --threads "$server_threads" 2>"$scratch/serve.log" &
server=$!
for _ in $(seq 300); do
  port=$(sed -n 's|^provisio: serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$scratch/serve.log")
  [ -n "$port" ] && break
  sleep 0.2
done
[ -n "${port:-}" ] || { echo "web_load.sh: the server did not start: $(cat "$scratch/serve.log")" >&2; exit 1; }
base="http://127.0.0.1:$port"

# The request mix: the queries (a file of one query a line, or bench/queries.tsv's lines with their
# filters as URL parameters), and the provisions the first page of each finds. Asking each query
# once here also warms the server's caches before the clock starts.
/usr/bin/python3 - "$base" "${queries:-}" "$scratch/paths" <<'PY'
import json, random, sys, urllib.parse, urllib.request
base, queries_file, out = sys.argv[1], sys.argv[2], sys.argv[3]
PARAMS = {"lang": "lang", "topic": "topic", "instrument": "instrument", "as-of": "as_of", "limit": "limit"}
searches = []  # (query, [(param, value)])
if queries_file:
    for line in open(queries_file, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) == 1:
            searches.append((fields[0], []))
            continue
        options = [o.split("=", 1) for o in (fields[2].split() if len(fields) > 2 else []) if "=" in o]
        searches.append((fields[1], [(PARAMS[k], v) for k, v in options if k in PARAMS]))
else:
    searches = [(q, []) for q in
                ["CCC testing", "檢測", "mutual recognition", "認證", "laboratory accreditation", "检测机构",
                 "factory inspection", "GBA", "food", "粵港澳大灣區", "art:58", "topic:ccc certification",
                 "\"conformity assessment\"", "電氣產品", "CMA", "professional qualifications"]]
paths, ids = [], set()
for q, params in searches:
    query = urllib.parse.urlencode([("q", q)] + params)
    paths += [f"/api/search?{query}"] * 3 + [f"/search?{query}"]
    try:
        with urllib.request.urlopen(f"{base}/api/search?{query}&limit=5") as r:
            ids.update(h["id"] for h in json.load(r)["results"])
    except Exception as e:
        print(f"web_load.sh: {q!r} failed: {e}", file=sys.stderr)
provisions = [f"/provisions/{urllib.parse.quote(i)}" for i in sorted(ids)]
random.seed(1)
random.shuffle(provisions)
while provisions and len(provisions) * 4 < len(paths):  # provision pages: a fifth of the mix
    provisions += provisions
paths += provisions[: max(1, len(paths) // 4)]
open(out, "w").write("\n".join(paths) + "\n")
print(f"mix: {len(searches)} queries, {len(ids)} provisions, {len(paths)} paths", file=sys.stderr)
PY

documents=$(xapian-delve "$db" 2>/dev/null | sed -n 's/^number of documents = //p')
echo "provisio serve --threads $server_threads on $db (${documents:-?} documents); wrk, ${duration}s per client count"
rows=
for n in ${clients//,/ }; do
  echo
  echo "clients      $n"
  out=$(CLIENTS=$n PATHS_FILE="$scratch/paths" wrk -t "$((n < 2 ? n : 2))" -c "$n" -d "${duration}s" --timeout 10s \
    -s bench/web_load.lua "$base")
  sed -n '/^requests /,/^max /p' <<<"$out"
  rows+=$(sed -n 's/^row //p' <<<"$out")$'\n'
done
echo
echo "| clients | requests/s | p50 ms | p95 ms | p99 ms | errors |"
echo "|---:|---:|---:|---:|---:|---:|"
printf '%s' "$rows"
stop_server
