#!/usr/bin/env bash
# The project's one entry point for building, testing and measuring.
#   ./build.sh test         install what the tests need, check formatting, build, run every test
#   ./build.sh bench NAME   run one benchmark from docs/performance.md (see bench/NAME.sh)
#   ./build.sh format       apply the formatting rules
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian packages the tests (or a benchmark) need, installed when missing and we are root.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

run_tests() {
  ensure_packages chromium fonts-noto-cjk
  dotnet tool restore >/dev/null
  dotnet restore SmePlatform.sln
  echo "Checking formatting ..."
  dotnet format SmePlatform.sln --verify-no-changes --no-restore
  dotnet build SmePlatform.sln --no-restore -c Debug
  local log results status=0
  log=$(mktemp)
  results=$(mktemp -d)
  # Test assemblies run one after another: the machine has two cores and the browser suite wants one.
  dotnet test SmePlatform.sln --no-build -c Debug -m:1 \
    --logger "trx" --results-directory "$results" 2>&1 | tee "$log" || status=$?
  # Sum the counts of every test run (TRX counters), so the last line is the whole suite.
  local passed=0 failed=0 skipped=0 total=0 trx
  for trx in "$results"/*.trx; do
    [[ -e $trx ]] || continue
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    total=$((total + $(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")))
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
    skipped=$((skipped + $(sed -E 's/.* notExecuted="([0-9]+)".*/\1/' <<<"$counters")))
  done
  rm -rf "$log" "$results"
  if ((total == 0)); then
    echo "No test ran." >&2
    status=1
  fi
  echo "$passed passed, $failed failed, $skipped skipped"
  ((failed == 0 && status == 0))
}

case "${1:-}" in
  test) run_tests ;;
  format) dotnet format SmePlatform.sln ;;
  bench)
    name=${2:?"usage: ./build.sh bench NAME (see docs/performance.md)"}
    [[ -f bench/$name.sh ]] || { echo "No benchmark named '$name'; see bench/." >&2; exit 2; }
    ensure_packages wrk hyperfine sqlite3
    exec bash "bench/$name.sh"
    ;;
  *)
    echo "usage: ./build.sh test | bench NAME | format" >&2
    exit 2
    ;;
esac
