# Shared by the benchmarks in this folder; sourced, not run. Each benchmark is documented in docs/performance.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work="$root/.bench"
mkdir -p "$work"
# The published app, run as in production from its own folder: it reads its own appsettings.json (logging, rate
# limits) and serves its wwwroot, whatever folder the benchmark was started from.
published=(env ASPNETCORE_CONTENTROOT="$work/app" dotnet "$work/app/SmePlatform.Web.dll")
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
app_pid=""

# Release build of the host, published once per benchmark run.
publish_release() {
  echo "Publishing a Release build ..." >&2
  dotnet publish "$root/src/SmePlatform.Web" -c Release -o "$work/app" --nologo -v quiet >/dev/null
}

# Starts the published app on 127.0.0.1:$1 with a fresh SQLite database in $2; Production settings.
start_release() {
  local port=$1 data=$2
  rm -rf "$data" && mkdir -p "$data"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" PublicBaseUrl="http://127.0.0.1:$port" \
    ConnectionStrings__SmeDb="Data Source=$data/sme.db" Database__MigrateOnStartup=true \
    Email__PickupFolder="$data/mail" \
    setsid "${published[@]}" >"$data/app.log" 2>&1 &
  app_pid=$!
  wait_ready "$port" 60 >/dev/null
}

# Every process is started with setsid, so its whole group (dotnet run and the app it starts) is stopped.
stop_app() {
  if [[ -n $app_pid ]]; then
    kill -- -"$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
  fi
}
trap stop_app EXIT

# Seconds (3 decimals) until /health/ready answers 200, polling every 50 ms, or fails after $2 seconds.
wait_ready() {
  local port=$1 limit=$2 start now
  start=$(date +%s.%N)
  while true; do
    if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" 2>/dev/null | grep -q 200; then
      now=$(date +%s.%N)
      echo "$now - $start" | bc -l | xargs printf '%.3f\n'
      return 0
    fi
    now=$(date +%s.%N)
    if (($(echo "$now - $start > $limit" | bc -l))); then
      echo "not ready after ${limit}s" >&2
      return 1
    fi
    sleep 0.05
  done
}

# p95 latency in milliseconds of GET $1 under wrk: $2 connections, 2 threads, $3 seconds.
wrk_p95_ms() {
  local url=$1 connections=$2 seconds=$3 script
  script=$(mktemp --suffix=.lua)
  cat >"$script" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("P95_US %d\nREQUESTS %d\nERRORS %d\n", latency:percentile(95),
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
  local out
  # WRK_HEADER (e.g. "Cookie: sme.auth=…") is sent with every request when set: pages behind sign-in.
  # A 60 s timeout instead of wrk's 2 s: a slow answer is measured as slow, not dropped as an error.
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 60s --latency -s "$script" ${WRK_HEADER:+-H "$WRK_HEADER"} "$url")
  rm -f "$script"
  local errors
  errors=$(awk '/^ERRORS/ {print $2}' <<<"$out")
  if [[ $errors != 0 ]]; then
    echo "wrk saw $errors errors" >&2
    return 1
  fi
  # No answer within the run: wrk has no latency to report (it would print 0), so there is no figure.
  if [[ $(awk '/^REQUESTS/ {print $2}' <<<"$out") == 0 ]]; then
    echo "no request finished within ${seconds} s" >&2
    return 1
  fi
  awk '/^P95_US/ {printf "%.2f\n", $2 / 1000}' <<<"$out"
}

# The middle of three numbers.
median3() { printf '%s\n' "$@" | sort -g | sed -n 2p; }

# The method of every latency figure: wrk with $2 connections, a 10 s warm-up, then three 15 s runs (each printed
# to stderr); prints the median of the three p95s in milliseconds.
p95_median_of_3() {
  local url=$1 connections=$2 runs=() p95
  # The warm-up's own figure does not count, even when it has none.
  wrk_p95_ms "$url" "$connections" 10 >/dev/null 2>&1 || true
  for run in 1 2 3; do
    p95=$(wrk_p95_ms "$url" "$connections" 15) || return 1
    echo "run $run: p95 ${p95} ms" >&2
    runs+=("$p95")
  done
  median3 "${runs[@]}"
}

# Signs in as a demo staff account (two factors, the demo authenticator key) on 127.0.0.1:$1 and prints the
# authentication cookie as a header line for wrk. Needs an app started with Seed:DemoAccounts outside Production.
staff_cookie_header() {
  local port=$1 email=$2 jar token code
  jar=$(mktemp)
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/login" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Email=$email" \
    --data-urlencode "Password=Demo-Passw0rd-2026" "http://127.0.0.1:$port/account/login"
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/login/two-factor" | grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' | head -1)
  code=$(python3 -c "import hmac,hashlib,base64,struct,time
k=base64.b32decode('SMEPLATFORMDEMOSTAFFTOTPKEY23456'); h=hmac.new(k, struct.pack('>Q', int(time.time()) // 30), hashlib.sha1).digest(); o=h[-1] & 15
print('%06d' % ((struct.unpack('>I', h[o:o + 4])[0] & 0x7fffffff) % 1000000))")
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Code=$code" \
    "http://127.0.0.1:$port/account/login/two-factor"
  echo "Cookie: sme.auth=$(awk '$6 == "sme.auth" {print $7}' "$jar")"
  rm -f "$jar"
}
