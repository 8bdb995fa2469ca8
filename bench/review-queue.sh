# ./build.sh bench review-queue — issue 5's figure: with 100,000 generated applications (seed 20261127) the review
# queue answers in <= 100 ms at p95 (wrk, 16 connections, signed in as the demo reviewer). Measured for the default
# view (every open application, oldest first, page 1) and for a filtered one (a measure, under review, older than 30 days).
source "$(dirname "$0")/lib.sh"

seed=20261127
count=100000
port=5098
data="$work/review-queue"
publish_release
rm -rf "$data" && mkdir -p "$data"
# Benchmark: Production-like, but the demo accounts and demo measures (with their application forms) are seeded.
export ASPNETCORE_ENVIRONMENT=Benchmark Seed__DemoAccounts=true Seed__DemoMeasures=true
echo "== Generating $count applications (seed $seed) into a fresh SQLite file"
started=$(date +%s.%N)
ConnectionStrings__SmeDb="Data Source=$data/sme.db" Database__MigrateOnStartup=true \
  "${published[@]}" generate applications --count "$count" --seed "$seed" >"$data/generate.log" 2>&1
tail -1 "$data/generate.log"
echo "generation took $(echo "$(date +%s.%N) - $started" | bc -l | xargs printf '%.1f') s"

ASPNETCORE_URLS="http://127.0.0.1:$port" ConnectionStrings__SmeDb="Data Source=$data/sme.db" Email__PickupFolder="$data/mail" \
  setsid "${published[@]}" >"$data/app.log" 2>&1 &
app_pid=$!
wait_ready "$port" 60 >/dev/null
WRK_HEADER=$(staff_cookie_header "$port" reviewer@demo.example.jp)
export WRK_HEADER
default_url="http://127.0.0.1:$port/review"
first=$(curl -s -H "$WRK_HEADER" "$default_url")
grep -o 'review-queue-count">[^<]*' <<<"$first" || { echo "not signed in as the reviewer" >&2; exit 1; }
echo "== GET /review (default view), wrk -t2 -c16, 10 s warm-up, 3 x 15 s"
default_p95=$(p95_median_of_3 "$default_url" 16)
filtered_url="http://127.0.0.1:$port/review?measure=1&status=UnderReview&olderThanDays=30"
echo "== GET /review?measure=1&status=UnderReview&olderThanDays=30, wrk -t2 -c16, 10 s warm-up, 3 x 15 s"
filtered_p95=$(p95_median_of_3 "$filtered_url" 16)
stop_app

echo
echo "| figure | target | measured | commit |"
echo "|---|---|---|---|"
echo "| GET /review p95, 100,000 applications (seed $seed), 16 connections | <= 100 ms | ${default_p95} ms (median of 3) | $commit |"
echo "| GET /review?measure=1&status=UnderReview&olderThanDays=30 p95, 16 connections | <= 100 ms | ${filtered_p95} ms (median of 3) | $commit |"
