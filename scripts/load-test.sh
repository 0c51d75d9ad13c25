#!/usr/bin/env bash
# Load test on loopback: holds a mixed read load of RATE requests/s for SECONDS
# against a real mapsrv while a second mapsrv process imports a large file into
# the same database, then reports throughput, latency and every non-200 answer.
# It fails if any request failed. Bounded in time; traffic stays on 127.0.0.1.
# NO_CACHE=1 sends Cache-Control: no-cache, so every request runs its query
# instead of being answered from the server's version-keyed response cache.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_=${SECONDS_:-60}
RATE=${RATE:-1000}
IMPORT_N=${IMPORT_N:-200000}
BIN=${MAPSRV_BIN:-bin/mapsrv}
command -v hey >/dev/null || { echo "load-test: hey is missing (apt-get install hey)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
db=${LOAD_DB:-$tmp/load.db} # LOAD_DB=postgres://... runs the same test against PostGIS (an empty database)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port

# Incidents to import meanwhile: points around Syrian towns, all types.
python3 - "$tmp/big.ndjson" "$IMPORT_N" <<'PY'
import json, random, sys
random.seed(7)
types = ["arrest","airstrike","armed_attack","bombing","clash","shelling","weapons_seizure","kidnapping","other"]
towns = [(36.29,33.51),(37.16,36.20),(36.72,34.73),(36.75,35.13),(35.78,35.52),(36.63,35.93),(40.14,35.34),(38.99,35.96),(40.75,36.51),(36.11,32.62)]
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        lon, lat = random.choice(towns)
        d = "%04d-%02d-%02d" % (random.randint(2012, 2025), random.randint(1, 12), random.randint(1, 28))
        f.write(json.dumps({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon + random.gauss(0, 0.2), lat + random.gauss(0, 0.2)]},
            "properties": {"incident_type": random.choice(types), "date_from": d, "date_to": d, "date_precision": "day", "geo_precision": "town", "summary_en": "synthetic load-test incident %d" % i}}) + "\n")
PY
# A first batch so the queries have data, then the server.
head -n 20000 "$tmp/big.ndjson" > "$tmp/first.ndjson"
"$BIN" import --db "$db" "$tmp/first.ndjson" >/dev/null 2>&1
"$BIN" serve --addr "127.0.0.1:$port" --db "$db" 2>"$tmp/server.log" &
server=$!
for _ in $(seq 100); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.1; done

urls=(
  "$base/api/collections/incidents/items?bbox=36.2,33.4,36.4,33.6&limit=100"
  "$base/api/collections/incidents/items?bbox=35.5,32.5,38.5,36.5&datetime=2020-01-01/2022-12-31&limit=1000"
  "$base/api/collections/incidents/items?incident_type=airstrike,shelling&limit=100"
  "$base/api/collections/incidents/items?bbox=36.5,35.5,37,36&incident_type=arrest&datetime=2018-01-01/..&limit=100"
)
per=$((RATE / ${#urls[@]} / 5)) # queries/s per worker, 5 workers per URL
echo "load-test: ${#urls[@]} query kinds × 5 workers × $per req/s = $((per * 5 * ${#urls[@]})) req/s for ${SECONDS_}s; importing $IMPORT_N incidents meanwhile"
( sleep 2; /usr/bin/time -f "import: %e s, peak RSS %M KB" "$BIN" import --db "$db" "$tmp/big.ndjson" >"$tmp/import.out" 2>"$tmp/import.err"; echo "import exit $?" >>"$tmp/import.err" ) &
i=0
for u in "${urls[@]}"; do
  hey -z "${SECONDS_}s" -c 5 -q "$per" ${NO_CACHE:+-H "Cache-Control: no-cache"} "$u" >"$tmp/hey.$i" 2>&1 &
  i=$((i + 1))
done
wait $(jobs -p | grep -v "^$server$") 2>/dev/null || true
rss=$(grep VmHWM /proc/$server/status | awk '{print $2}')
fail=0
for j in $(seq 0 $((i - 1))); do
  f=$tmp/hey.$j
  rps=$(awk '/Requests\/sec/ {print $2}' "$f")
  p50=$(awk '/ 50% in/ {print $3}' "$f")
  p99=$(awk '/ 99% in/ {print $3}' "$f")
  codes=$(awk '/Status code distribution/ {on=1; next} on && /\[/ {printf "%s %s; ", $1, $2} on && !/\[/ {on=0}' "$f")
  echo "query $j: ${rps} req/s, p50 ${p50}s, p99 ${p99}s, status: ${codes}"
  if grep -q "Error distribution" "$f" || echo "$codes" | grep -qv "^\[200\] [0-9]*; $"; then
    fail=1; sed -n '/Error distribution/,$p' "$f"
  fi
done
tail -n 2 "$tmp/import.err" | tr '\r' '\n' | tail -n 2
echo "server peak RSS: ${rss} KB"
incidents=$(curl -fs "$base/api/collections/incidents" | python3 -c 'import json,sys; print("collection after import: bbox", json.load(sys.stdin)["extent"]["spatial"]["bbox"][0])')
echo "$incidents"
case "$db" in postgres://*|postgresql://*) ;; *) "$BIN" check --db "$db" ;; esac
[ $fail = 0 ] && echo "load-test: zero errors" || { echo "load-test: FAILED requests"; exit 1; }
