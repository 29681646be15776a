#!/usr/bin/env bash
# Gateway benchmark, all figures from one run on this machine:
#   1. GET /api/v1/me through the full filter chain (answered by the gateway itself)
#   2. GET /bench/full/ping: proxied to a cheap upstream (nginx) through the full chain
#      (API key authentication, role, rate limit, JWT minting, usage events)
#   3. GET /bench/plain/ping: the same upstream and gateway, route without those filters
# Needs: wrk, nginx, built jars (./mvnw -pl gateway-service -am package -DskipTests).
# Prints a summary; raw wrk outputs stay in $OUT (default: a temp dir).
set -euo pipefail
cd "$(dirname "$0")/../.."

JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-8s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
KEYS="${KEYS:-12}"
KM_JAR=key-manager-service/target/key-manager-service.jar
GW_JAR=gateway-service/target/gateway-service.jar
OUT="${OUT:-$(mktemp -d)}"
KM_PORT=18104 GW_PORT=18180 UP_PORT=18199
SECRET="bench-internal-jwt-secret-0123456789-abcdefgh"
SUPER="bench-super-admin-key-0123456789-abcdefghijk"

for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk nginx-light curl python3)" >&2; exit 1; }
done
for jar in "$KM_JAR" "$GW_JAR"; do
  [ -f "$jar" ] || { echo "missing $jar: ./mvnw -pl gateway-service -am package -DskipTests" >&2; exit 1; }
done

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$OUT/nginx.pid" ] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

wait_up() { for _ in $(seq 1 180); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 1; done; echo "not up: $1" >&2; exit 1; }

echo "output in $OUT"
# copies, so that a rebuild while the benchmark runs cannot pull classes away
cp "$KM_JAR" "$OUT/key-manager-service.jar"; KM_JAR="$OUT/key-manager-service.jar"
cp "$GW_JAR" "$OUT/gateway-service.jar"; GW_JAR="$OUT/gateway-service.jar"
# a cheap upstream: one nginx worker answering 2 bytes
cat > "$OUT/nginx.conf" <<NGINX
worker_processes 1;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $OUT; proxy_temp_path $OUT; fastcgi_temp_path $OUT; uwsgi_temp_path $OUT; scgi_temp_path $OUT;
  server { listen 127.0.0.1:$UP_PORT; location / { return 200 "ok"; } }
}
NGINX
nginx -c "$OUT/nginx.conf"

SERVER_PORT=$KM_PORT KEYS_DB_URL="jdbc:sqlite:$OUT/keys.db" SUPER_ADMIN_API_KEY="$SUPER" INTERNAL_JWT_SECRET="$SECRET" \
  "$JAVA" -Xmx256m -jar "$KM_JAR" > "$OUT/key-manager.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$KM_PORT/actuator/health"

SERVER_PORT=$GW_PORT KEY_MANAGER_URL="http://127.0.0.1:$KM_PORT" INTERNAL_JWT_SECRET="$SECRET" \
  BENCH_UPSTREAM_URL="http://127.0.0.1:$UP_PORT" SPRING_PROFILES_ACTIVE=benchmark \
  "$JAVA" -Xmx512m ${GW_JAVA_OPTS:-} -jar "$GW_JAR" > "$OUT/gateway.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$GW_PORT/actuator/health"

# user keys at the highest rate the key manager allows (100000/min each), so that wrk measures
# the chain rather than 429s
echo "keys = {" > "$OUT/keys.lua"
for i in $(seq 1 "$KEYS"); do
  for _ in $(seq 1 30); do  # the first calls of a cold key manager can take longer than the gateway waits
    key=$(curl -fs -X POST "http://127.0.0.1:$GW_PORT/api/v1/keys" -H "X-API-Key: $SUPER" -H 'Content-Type: application/json' \
      -d "{\"name\":\"bench $i\",\"owner_email\":\"bench@example.com\",\"role\":\"user\",\"rate_limit_per_minute\":100000,\"daily_quota\":1000000}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"])' 2>/dev/null) && break
    sleep 1
  done
  [ -n "$key" ] || { echo "could not issue a key; see $OUT/gateway.log" >&2; exit 1; }
  echo "  \"$key\"," >> "$OUT/keys.lua"
done
cat >> "$OUT/keys.lua" <<'LUA'
}
local n = 0
local path = os.getenv("BENCH_PATH")
request = function()
  n = n + 1
  return wrk.format("GET", path, { ["X-API-Key"] = keys[(n % #keys) + 1] })
end
LUA

KM_PID=${pids[0]} GW_PID=${pids[1]}
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # user + system clock ticks
warm() { # path: the JIT compiles the shared paths before anything is measured
  BENCH_PATH="$1" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$OUT/keys.lua" "http://127.0.0.1:$GW_PORT" > /dev/null
}
run() { # name path
  local gw0 km0 gw1 km1
  gw0=$(cpu "$GW_PID"); km0=$(cpu "$KM_PID")
  BENCH_PATH="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$OUT/keys.lua" "http://127.0.0.1:$GW_PORT" > "$OUT/$1.txt"
  gw1=$(cpu "$GW_PID"); km1=$(cpu "$KM_PID")
  echo "gateway_cpu_s=$(( (gw1 - gw0) / $(getconf CLK_TCK) )) key_manager_cpu_s=$(( (km1 - km0) / $(getconf CLK_TCK) ))" >> "$OUT/$1.txt"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"
for path in /api/v1/me /bench/full/ping /bench/plain/ping /api/v1/me /bench/full/ping /bench/plain/ping; do warm "$path"; done
run me /api/v1/me
run full /bench/full/ping
run plain /bench/plain/ping
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"

python3 - "$OUT" <<'PY'
import re, sys, pathlib
out = pathlib.Path(sys.argv[1])
def parse(name):
    text = (out / f"{name}.txt").read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    p99 = float(p.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p.group(2)]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    cpu = re.search(r"gateway_cpu_s=(\d+) key_manager_cpu_s=(\d+)", text)
    return rps, p99, int(bad.group(1)) if bad else 0, cpu.group(1), cpu.group(2)
me, full, plain = parse("me"), parse("full"), parse("plain")
print(f"{'case':<34}{'req/s':>10}{'p99 ms':>10}{'non-2xx':>10}{'gw cpu s':>10}{'km cpu s':>10}")
for name, r in (("GET /api/v1/me (full chain)", me), ("proxied, full chain", full), ("proxied, no auth/limit/JWT", plain)):
    print(f"{name:<34}{r[0]:>10.0f}{r[1]:>10.2f}{r[2]:>10}{r[3]:>10}{r[4]:>10}")
print(f"full/plain throughput ratio: {full[0] / plain[0]:.2f}   added p99: {full[1] - plain[1]:.2f} ms")
PY
