# ./build.sh bench recommend — issue 6's figure: one business against 1,000 open measures in <= 5 ms. BenchmarkDotNet
# (Release, in process: warm-up, pilot and measured iterations) times the engine's verdicts with their reasons and
# the ranking over 1,000 generated measures (seed 20261127, every rule type); three runs, the median of their medians.
source "$(dirname "$0")/lib.sh"

medians=()
for run in 1 2 3; do
  echo "== Run $run" >&2
  out=$(cd "$root/bench" && dotnet run -c Release recommend-bench.cs 2>&1)
  echo "$out" | grep -E '^\| *Method|^\| *OneBusiness|^MEDIAN_MS' >&2
  medians+=("$(awk '/^MEDIAN_MS/ {print $2}' <<<"$out")")
done
median=$(printf '%s\n' "${medians[@]}" | sort -n | sed -n 2p)

echo
echo "| figure | target | measured | commit |"
echo "|---|---|---|---|"
echo "| one business against 1,000 open measures (verdicts, reasons, ranking) | <= 5 ms | ${median} ms (median of 3: ${medians[*]}) | $commit |"
