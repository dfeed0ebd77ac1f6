#!/bin/bash
# Replication of a sharded index as docs/scaling.md deploys it: `provisio index --shards 2` with
# XAPIAN_MAX_CHANGESETS, xapian-replicate-server on loopback offering the head and the shards,
# xapian-replicate pulling each into a replica folder, and a stub over the replicas. Checks that the
# first pull copies whole, that a search through the replicas gives what the source gives, and that
# after an edit and a re-index the next pull sends changesets (not copies) that the replicas' stub
# then finds. Exit 77 (skipped) without xapian-tools.
# Usage: test_replication.sh PROVISIO SOURCE_DIR
set -u
provisio=$1 source=$2
command -v xapian-replicate >/dev/null && command -v xapian-replicate-server >/dev/null ||
  { echo "SKIP: xapian-replicate is not installed (apt-get install xapian-tools)"; exit 77; }
work=$(mktemp -d)
server=
# xapian-replicate-server answers SIGTERM by signalling its whole process group: it runs in a
# group of its own (setsid), or stopping it would kill ctest and the shell that started it.
cleanup() { [ -n "$server" ] && kill -- "-$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cp -r "$source/corpus/instruments" "$work/corpus"
export XAPIAN_MAX_CHANGESETS=10  # without it Xapian 1.4 writes no changesets: every pull is a copy
"$provisio" index --shards 2 --db "$work/index" "$work/corpus" >/dev/null || fail "indexing"

# A free port: xapian-replicate-server exits at once when the port is taken.
for _ in $(seq 20); do
  port=$((20000 + RANDOM % 40000))
  setsid xapian-replicate-server --port "$port" --interface 127.0.0.1 "$work/index.shards" >"$work/server.log" 2>&1 &
  server=$!
  sleep 0.3
  kill -0 "$server" 2>/dev/null && break
  server=
done
[ -n "$server" ] || fail "xapian-replicate-server did not start: $(cat "$work/server.log")"

pull() {  # pull: every part once; prints xapian-replicate's summaries
  for part in head 0 1; do
    timeout 30 xapian-replicate -v --host 127.0.0.1 --port "$port" --master "$part" --one-shot \
      "$work/replica/$part" 2>&1 | grep '^Update complete' || fail "replicating $part"
  done
}
mkdir "$work/replica"
printf 'auto replica/head\nauto replica/0\nauto replica/1\n' >"$work/stub"

first=$(pull)
[ "$(grep -c '1 copies, 0 changesets' <<<"$first")" = 3 ] || fail "the first pull should copy each part whole: $first"
for q in "CCC testing" "資質認定" "mutual recognition"; do
  a=$("$provisio" search --db "$work/index" --ids --limit 8 "$q") || fail "search of the source: $q"
  b=$("$provisio" search --db "$work/stub" --ids --limit 8 "$q") || fail "search of the replicas: $q"
  [ -n "$a" ] && [ "$a" = "$b" ] || fail "\"$q\": the replicas give [$b], the source [$a]"
done

# An edit: one provision gains a word no other text has.
file=$(grep -l 'id="cepa-s7/ts/1fe/ccc-pilot"' "$work"/corpus/*.xml) || fail "no file holds the pilot"
sed -i '/id="cepa-s7\/ts\/1fe\/ccc-pilot"/,/<\/provision>/ s|<text lang="en"\([^>]*\)>|<text lang="en"\1>Zebrafish. |' "$file"
"$provisio" index --db "$work/index" "$work/corpus" >/dev/null || fail "re-indexing"
[ -z "$("$provisio" search --db "$work/stub" --ids zebrafish 2>/dev/null)" ] || fail "the replicas changed before a pull"
second=$(pull)
grep -q ' 0 copies, [1-9][0-9]* changesets' <<<"$second" || fail "the second pull should send changesets: $second"
found=$("$provisio" search --db "$work/stub" --ids zebrafish) || fail "search of the replicas after the pull"
[ "$found" = "cepa-s7/ts/1fe/ccc-pilot" ] || fail "after the pull the replicas find [$found] for the new word"
echo "replication: copies, then changesets; the replicas answer as the source"
