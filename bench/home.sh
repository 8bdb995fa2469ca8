# ./build.sh bench home — issue 2's figures:
#   1. the app is ready (migrated, demo accounts seeded, /health/ready 200) within 10 s of `dotnet run` after
#      the build, on a fresh SQLite database;
#   2. the home page answers in <= 10 ms at the 95th percentile (Release build, wrk, 16 connections).
# Each figure is the median of 3 runs. Data: none beyond the seeded roles (the home page reads no data).
source "$(dirname "$0")/lib.sh"

echo "== Time to ready after 'dotnet run' (Development: migrate + seed demo accounts), fresh database"
dotnet build "$root/src/SmePlatform.Web" --nologo -v quiet >/dev/null
runs=()
for run in 1 2 3; do
  data="$work/startup-$run"
  rm -rf "$data" && mkdir -p "$data"
  ConnectionStrings__SmeDb="Data Source=$data/sme.db" Email__PickupFolder="$data/mail" \
    setsid dotnet run --no-build --project "$root/src/SmePlatform.Web" -- --urls "http://127.0.0.1:5098" >"$data/app.log" 2>&1 &
  app_pid=$!
  seconds=$(wait_ready 5098 60)
  stop_app
  echo "run $run: ${seconds} s"
  runs+=("$seconds")
done
startup=$(median3 "${runs[@]}")

echo "== Home page p95 (Release, Production settings, wrk -t2 -c16, 10 s warm-up, 3 x 15 s)"
publish_release
start_release 5099 "$work/home"
home=$(p95_median_of_3 "http://127.0.0.1:5099/" 16)
stop_app

echo
echo "| figure | target | measured (median of 3) | commit |"
echo "|---|---|---|---|"
echo "| time to ready after dotnet run, fresh SQLite | <= 10 s | ${startup} s | $commit |"
echo "| GET / p95, 16 connections | <= 10 ms | ${home} ms | $commit |"
