#!/usr/bin/env bash
# Throughput under load: gunicorn (2 workers) on a 1,000-candidate database, wrk with 16 connections for
# DURATION seconds per route. Prints requests/s and latency percentiles, and each route's throughput as a
# ratio to the trivial /healthz route of the same app.
# Usage: bench/load.sh            (DATABASE_URL may point at PostgreSQL; default: bench/out/bench.sqlite)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
PORT=${PORT:-5199}
N=${N:-1000}
BIN=.venv/bin

if ! command -v wrk >/dev/null; then
  echo "wrk is not installed; installing Debian's package (needs root)" >&2
  apt-get install -y -qq wrk >/dev/null
fi
[ -x $BIN/python ] || make install

$BIN/python bench/data.py "$N" >/dev/null
if [ -z "${DATABASE_URL:-}" ]; then export DATABASE_URL="sqlite:///$PWD/bench/out/bench.sqlite"; fi
export SECRET_KEY=bench-secret RATELIMIT_STORAGE_URI=memory://
$BIN/gunicorn --workers 2 --bind 127.0.0.1:$PORT --log-level warning wsgi:app &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

JAR=$(mktemp)
curl -fs -c "$JAR" -b "$JAR" -o /dev/null "http://127.0.0.1:$PORT/login"
CSRF=$(curl -fs -c "$JAR" -b "$JAR" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="csrf_token" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "csrf_token=$CSRF" -d username=lead -d password=bench-password \
  "http://127.0.0.1:$PORT/login"
SESSION=$(awk '$6 == "session" {print $7}' "$JAR")
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"lead","password":"bench-password"}' \
  "http://127.0.0.1:$PORT/api/v1/tokens" | sed 's/.*"token": *"\([^"]*\)".*/\1/')
VACANCY=1
for check in "/vacancies/$VACANCY/dashboard|Cookie: session=$SESSION" "/api/v1/vacancies/$VACANCY/ranking|Authorization: Bearer $TOKEN"; do
  IFS='|' read -r path header <<<"$check"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "http://127.0.0.1:$PORT$path")
  if [ "$code" != 200 ]; then echo "$path answered $code, not 200: the benchmark would measure a redirect" >&2; exit 1; fi
done

run() {  # name, path, extra header
  local out
  out=$(wrk -t2 -c16 -d"${DURATION}s" --latency ${3:+-H "$3"} "http://127.0.0.1:$PORT$2")
  local rps p50 p90 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  local errors
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '%-22s %10s req/s   p50 %8s   p90 %8s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p50" "$p90" "$p99" "${errors:-0}"
  echo "$rps"
}

echo "gunicorn 2 workers, wrk 2 threads x 16 connections, ${DURATION}s per route, N=$N, $(nproc) cores"
declare -A RPS
for spec in "trivial /healthz|/healthz|" "login page|/login|" \
            "dashboard|/vacancies/$VACANCY/dashboard|Cookie: session=$SESSION" \
            "ranking API|/api/v1/vacancies/$VACANCY/ranking|Authorization: Bearer $TOKEN"; do
  IFS='|' read -r name path header <<<"$spec"
  result=$(run "$name" "$path" "$header")
  head -1 <<<"$result"
  RPS[$name]=$(tail -1 <<<"$result")
done
echo
for name in "login page" "dashboard" "ranking API"; do
  awk -v a="${RPS[$name]}" -v b="${RPS[trivial /healthz]}" -v n="$name" 'BEGIN {printf "%-14s throughput / trivial route = %.3f\n", n, a / b}'
done
