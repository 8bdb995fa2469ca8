# ./build.sh bench catalogue — issue 3's figures, with 5,000 published measures from the generator (seed 20261127):
#   the /measures search page with a keyword and two facets answers in <= 50 ms at p95 (wrk, 16 connections),
#   the open-data API page with the same keyword and filters in <= 20 ms at p95,
#   and the process stays under 400 MB of memory (VmHWM, the peak resident set, read from /proc after the runs).
source "$(dirname "$0")/lib.sh"

seed=20261127
count=5000
data="$work/catalogue"
publish_release
rm -rf "$data" && mkdir -p "$data"
echo "== Generating $count measures (seed $seed) into a fresh SQLite file"
ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__SmeDb="Data Source=$data/sme.db" Database__MigrateOnStartup=true \
  "${published[@]}" generate measures --count "$count" --seed "$seed" >"$data/generate.log" 2>&1
tail -1 "$data/generate.log"

ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:5097" PublicBaseUrl="http://127.0.0.1:5097" \
  ConnectionStrings__SmeDb="Data Source=$data/sme.db" Email__PickupFolder="$data/mail" \
  setsid "${published[@]}" >"$data/app.log" 2>&1 &
app_pid=$!
wait_ready 5097 60 >/dev/null

# A keyword (補助金, "subsidy") and two facets (purpose and open now).
url="http://127.0.0.1:5097/measures?q=%E8%A3%9C%E5%8A%A9%E9%87%91&purpose=ItDx&open=true"
total=$(curl -s "$url" | grep -oE 'data-total="[0-9]+"' | grep -oE '[0-9]+')
echo "== GET /measures with a keyword and two facets ($total results), wrk -t2 -c16, 10 s warm-up, 3 x 15 s"
search=$(p95_median_of_3 "$url" 16)

# The same search through the open-data API, one page of 20.
api="http://127.0.0.1:5097/api/v1/subsidies?keyword=%E8%A3%9C%E5%8A%A9%E9%87%91&use_purpose=ItDx&acceptance=1&pageSize=20"
count_api=$(curl -s "$api" | grep -oE '"count":[0-9]+' | grep -oE '[0-9]+')
echo "== GET /api/v1/subsidies with the same keyword and filters ($count_api results), wrk -t2 -c16, 10 s warm-up, 3 x 15 s"
api_p95=$(p95_median_of_3 "$api" 16)
peak_mb=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$app_pid/status")
stop_app

echo
echo "| figure | target | measured | commit |"
echo "|---|---|---|---|"
echo "| GET /measures?q=補助金&purpose=ItDx&open=true p95, 5,000 measures, 16 connections | <= 50 ms | ${search} ms (median of 3) | $commit |"
echo "| GET /api/v1/subsidies?keyword=補助金&use_purpose=ItDx&acceptance=1&pageSize=20 p95, 16 connections | <= 20 ms | ${api_p95} ms (median of 3) | $commit |"
echo "| peak resident memory of the process (VmHWM) | < 400 MB | ${peak_mb} MB | $commit |"
