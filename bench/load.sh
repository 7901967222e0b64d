#!/usr/bin/env bash
# Throughput under load, as ratios to a bare Flask "hello" app measured in the same run with the same gunicorn
# settings (2 sync workers) and wrk (2 threads x 16 connections, DURATION s per route), on a database of N
# candidates (3 submitted scorecards each). Prints each route's req/s, p50/p99 and ratio, and the goals of
# issue 21: dashboard >= 0.25, evaluation page >= 0.15, cached evaluation PDF and its 304 >= 0.5.
# Usage: bench/load.sh            (DATABASE_URL may point at PostgreSQL; default: bench/out/bench.sqlite)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
PORT=${PORT:-5199}
HELLO_PORT=$((PORT + 1))
N=${N:-1000}
BIN=${BIN:-.venv/bin}
GUNICORN_ARGS=(--workers 2 --log-level warning)

if ! command -v wrk >/dev/null; then
  echo "wrk is not installed; installing Debian's package (needs root)" >&2
  apt-get install -y -qq wrk >/dev/null
fi
[ -x $BIN/python ] || make install

$BIN/python bench/data.py "$N" >/dev/null
if [ -z "${DATABASE_URL:-}" ]; then export DATABASE_URL="sqlite:///$PWD/bench/out/bench.sqlite"; fi
export SECRET_KEY=bench-secret RATELIMIT_STORAGE_URI=memory://
$BIN/gunicorn "${GUNICORN_ARGS[@]}" --bind 127.0.0.1:$PORT wsgi:app &
GUNICORN=$!
$BIN/gunicorn "${GUNICORN_ARGS[@]}" --bind 127.0.0.1:$HELLO_PORT --chdir bench hello:app &
HELLO=$!
trap 'kill $GUNICORN $HELLO 2>/dev/null || true' EXIT
for port in $PORT $HELLO_PORT; do
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
    curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
done

APP="http://127.0.0.1:$PORT"
JAR=$(mktemp)
curl -fs -c "$JAR" -b "$JAR" -o /dev/null "$APP/login"
CSRF=$(curl -fs -c "$JAR" -b "$JAR" "$APP/login" | sed -n 's/.*name="csrf_token" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "csrf_token=$CSRF" -d username=lead -d password=bench-password \
  "$APP/login"
SESSION=$(awk '$6 == "session" {print $7}' "$JAR")
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"lead","password":"bench-password"}' \
  "$APP/api/v1/tokens" | sed 's/.*"token": *"\([^"]*\)".*/\1/')
COOKIE="Cookie: session=$SESSION"
BEARER="Authorization: Bearer $TOKEN"
VACANCY=1
# A candidate in the middle of the ranking, and a cursor for a page deep in it (after N - 100 entries).
MIDDLE=$($BIN/python - <<PY
import json, urllib.request
request = urllib.request.Request("$APP/api/v1/vacancies/$VACANCY/ranking?limit=500", headers={"Authorization": "Bearer $TOKEN"})
print(json.load(urllib.request.urlopen(request))[$N // 2 if $N < 1000 else 250]["candidate_id"])
PY
)
DEEP=""
NEXT="$APP/api/v1/vacancies/$VACANCY/ranking?limit=500"
for _ in $(seq 1 $(( (N - 100) / 500 + 1 ))); do
  LINK=$(curl -fs -D - -o /dev/null -H "$BEARER" "$NEXT" | sed -n 's/^Link: <\([^>]*\)>.*/\1/Ip' | tr -d '\r')
  [ -n "$LINK" ] || break
  DEEP=$(sed -n 's/.*[?&]after=\([^&]*\).*/\1/p' <<<"$LINK"); NEXT="$LINK"
done
PDF="/candidates/$MIDDLE/evaluation.pdf"
ETAG=$(curl -fs -D - -o /dev/null -H "$COOKIE" "$APP$PDF" | sed -n 's/^ETag: *\(.*\)/\1/Ip' | tr -d '\r')
for check in "/vacancies/$VACANCY/dashboard|$COOKIE" "/candidates/$MIDDLE/evaluation|$COOKIE" \
             "/api/v1/vacancies/$VACANCY/ranking|$BEARER" "$PDF|$COOKIE"; do
  IFS='|' read -r path header <<<"$check"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$APP$path")
  if [ "$code" != 200 ]; then echo "$path answered $code, not 200: the benchmark would measure a redirect" >&2; exit 1; fi
done

# name|url|header|second header
ROUTES=(
  "bare Flask hello|http://127.0.0.1:$HELLO_PORT/||"
  "app /healthz|$APP/healthz||"
  "login page|$APP/login||"
  "dashboard|$APP/vacancies/$VACANCY/dashboard|$COOKIE|"
  "evaluation page|$APP/candidates/$MIDDLE/evaluation|$COOKIE|"
  "ranking API page 1|$APP/api/v1/vacancies/$VACANCY/ranking|$BEARER|"
  "ranking API deep|$APP/api/v1/vacancies/$VACANCY/ranking?after=$DEEP|$BEARER|"
  "cached eval. PDF|$APP$PDF|$COOKIE|"
  "eval. PDF 304|$APP$PDF|$COOKIE|If-None-Match: $ETAG"
)
echo "gunicorn ${GUNICORN_ARGS[*]} (app and bare hello alike), wrk -t2 -c16 -d${DURATION}s, N=$N, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), ${DATABASE_URL%%:*}"
printf '%-20s %10s %10s %10s %8s %8s\n' route "req/s" p50 p99 non-2xx ratio
HELLO_RPS=""
declare -A RATIO
for spec in "${ROUTES[@]}"; do
  IFS='|' read -r name url header second <<<"$spec"
  args=(-t2 -c16 -d"${DURATION}s" --latency)
  [ -n "$header" ] && args+=(-H "$header")
  [ -n "$second" ] && args+=(-H "$second")
  out=$(wrk "${args[@]}" "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  [ -n "$HELLO_RPS" ] || HELLO_RPS=$rps
  RATIO[$name]=$(awk -v a="$rps" -v b="$HELLO_RPS" 'BEGIN {printf "%.3f", a / b}')
  printf '%-20s %10s %10s %10s %8s %8s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" "${RATIO[$name]}"
done
echo
for goal in "dashboard|0.25" "evaluation page|0.15" "cached eval. PDF|0.5" "eval. PDF 304|0.5"; do
  IFS='|' read -r name target <<<"$goal"
  awk -v r="${RATIO[$name]}" -v t="$target" -v n="$name" \
    'BEGIN {printf "goal %-18s ratio %.3f (target >= %s): %s\n", n, r, t, (r >= t ? "met" : "NOT met")}'
done
