#!/usr/bin/env bash
# Load benchmark of `provisio serve` (not a test): N concurrent clients on loopback for a bounded
# time, a mix of API searches (60%), search pages (20%) and provision pages (20%), printing
# requests per second and p50/p95/p99 latency. Needs wrk (Debian package `wrk`).
#
#   bench/web_load.sh                          # the bundled corpus, indexed into build/web-bench-index
#   bench/web_load.sh --db DIR --queries FILE  # another index (e.g. the Taiwan law one) and its queries
#   options: --clients N (default 16)  --duration SECONDS (default 20)  --server-threads N (default 8)
set -euo pipefail
cd "$(dirname "$0")/.."
provisio=${PROVISIO:-build/tools/provisio}
db= queries= clients=16 duration=20 server_threads=8
while [ $# -gt 0 ]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --server-threads) server_threads=$2; shift 2 ;;
    *) echo "web_load.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "web_load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
[ -x "$provisio" ] || { echo "web_load.sh: build first ($provisio missing)" >&2; exit 1; }
if [ -z "$db" ]; then
  db=build/web-bench-index
  "$provisio" index --db "$db" corpus/instruments >/dev/null
fi
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

"$provisio" serve --db "$db" --store "$work/submissions.db" --listen 127.0.0.1:0 --quiet \
  --threads "$server_threads" 2>"$work/serve.log" &
server=$!
for _ in $(seq 300); do
  port=$(sed -n 's|^provisio: serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
  [ -n "$port" ] && break
  sleep 0.2
done
[ -n "${port:-}" ] || { echo "web_load.sh: the server did not start: $(cat "$work/serve.log")" >&2; exit 1; }
base="http://127.0.0.1:$port"

# The request mix: the queries (a file of one query a line, or bench/queries.tsv's second column),
# and the provisions the first page of each finds.
/usr/bin/python3 - "$base" "${queries:-}" "$work/paths" <<'PY'
import json, random, sys, urllib.parse, urllib.request
base, queries_file, out = sys.argv[1], sys.argv[2], sys.argv[3]
if queries_file:
    lines = [l.rstrip("\n") for l in open(queries_file, encoding="utf-8") if l.strip() and not l.startswith("#")]
    queries = [l.split("\t")[1] if "\t" in l else l for l in lines]
else:
    queries = ["CCC testing", "檢測", "mutual recognition", "認證", "laboratory accreditation", "检测机构",
               "factory inspection", "GBA", "food", "粵港澳大灣區", "art:58", "topic:ccc certification",
               "\"conformity assessment\"", "電氣產品", "CMA", "professional qualifications"]
paths, ids = [], set()
for q in queries:
    enc = urllib.parse.quote(q)
    paths += [f"/api/search?q={enc}"] * 3 + [f"/search?q={enc}"]
    try:
        with urllib.request.urlopen(f"{base}/api/search?q={enc}&limit=5") as r:
            ids.update(h["id"] for h in json.load(r)["results"])
    except Exception:
        pass
provisions = [f"/provisions/{i}" for i in sorted(ids)]
random.seed(1)
while provisions and len(provisions) * 4 < len(paths):  # provision pages: a fifth of the mix
    provisions += provisions
paths += provisions[: max(1, len(paths) // 4)]
open(out, "w").write("\n".join(paths) + "\n")
print(f"mix: {len(queries)} queries, {len(ids)} provisions, {len(paths)} paths", file=sys.stderr)
PY

echo "provisio serve --threads $server_threads on $db; wrk: $clients clients for ${duration}s"
PATHS_FILE="$work/paths" wrk -t 2 -c "$clients" -d "${duration}s" --timeout 10s -s bench/web_load.lua "$base" |
  sed -n '/^requests /,$p'
