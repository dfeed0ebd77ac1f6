#!/bin/bash
# Runs every curl example of docs/http-api.md against a real `provisio serve` (one user, its token
# in $TOKEN), then stops the server with SIGTERM and checks it exits cleanly.
# Usage: test_http_api_doc.sh PROVISIO SOURCE_DIR
set -u
provisio=$1 source=$2
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$provisio" index --db "$work/index" "$source/corpus/instruments" >/dev/null || fail "indexing"
TOKEN=$(printf 'doc-test-password\n' | "$provisio" user add --store "$work/submissions.db" doc 2>/dev/null) || fail "user add"
"$provisio" serve --db "$work/index" --store "$work/submissions.db" --listen 127.0.0.1:0 2>"$work/serve.log" &
server=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's|^provisio: serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.log")
  [ -n "$port" ] && break
  sleep 0.2
done
[ -n "$port" ] || fail "the server did not start: $(cat "$work/serve.log")"
export TOKEN BASE="http://127.0.0.1:$port"

# The examples: the lines between ```sh and ```, one command each, run from a folder where
# tests/ is the source tree's (the upload example names a sample by a relative path).
mkdir "$work/run" && ln -s "$source/tests" "$work/run/tests"
examples=0
while IFS= read -r line; do
  examples=$((examples + 1))
  (cd "$work/run" && bash -o pipefail -c "$line" >"$work/out" 2>&1) || fail "example $examples: $line
$(cat "$work/out")"
done < <(awk '/^```sh$/{on=1; next} /^```$/{on=0} on' "$source/docs/http-api.md")
[ "$examples" -ge 14 ] || fail "only $examples examples found"
head -c 3 "$work/run/report.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "report.csv has no byte-order mark"

# SIGTERM: the server finishes and exits 0, its log has one line per request.
kill -TERM "$server"
wait "$server"; status=$?
server=
[ "$status" -eq 0 ] || fail "serve exited $status after SIGTERM"
grep -q '^provisio: stopped$' "$work/serve.log" || fail "no 'stopped' line"
grep -Eq ' POST /api/links 200 [0-9]+ms doc$' "$work/serve.log" || fail "no request log line: $(cat "$work/serve.log")"
echo "ran $examples examples of docs/http-api.md; SIGTERM stopped the server cleanly"
