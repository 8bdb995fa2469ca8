# ./build.sh bench push — issue 6's figure: one newly published measure against 100,000 generated businesses in <= 2 s,
# growing linearly. A fresh SQLite file gets 25,000, then 50,000, then 100,000 generated businesses (seed 42, each
# with an owner, purposes, a founding date and an officer); at each size `generate push --count 4` publishes four
# new measures one after another and times each one's match job (every business judged on size class, employee
# limit, years since founding, deemed-large test, purposes and earlier grants; the matching owners' notices
# inserted). The first job of each process is a warm-up; the figure at each size is the median of the other three.
source "$(dirname "$0")/lib.sh"

data="$work/push"
publish_release
rm -rf "$data" && mkdir -p "$data"
export ASPNETCORE_ENVIRONMENT=Benchmark Seed__DemoAccounts=true Seed__DemoMeasures=true \
  ConnectionStrings__SmeDb="Data Source=$data/sme.db" Database__MigrateOnStartup=true
have=0
rows=()
for size in 25000 50000 100000; do
  echo "== Generating $((size - have)) more businesses (to $size)" >&2
  "${published[@]}" generate businesses --count $((size - have)) --seed 42 | tail -1 >&2
  have=$size
  # The first job in each process is a warm-up (JIT, cold page cache); the next three are measured.
  out=$("${published[@]}" generate push --count 4 | grep '^PUSH_MS' | tail -n 3)
  echo "$out" >&2
  median=$(awk '{print $2}' <<<"$out" | sort -n | sed -n 2p)
  notices=$(awk '{print $4}' <<<"$out" | sed -n 1p)
  rows+=("| one new measure against $size businesses | <= 2 s at 100,000 | ${median} ms (median of 3: $(awk '{print $2}' <<<"$out" | tr '\n' ' ')) | $notices notices | $commit |")
done

echo
echo "| figure | target | measured | delivered | commit |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
