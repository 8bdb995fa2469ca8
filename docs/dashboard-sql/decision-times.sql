-- Days from submission to the selection decision, per measure, over the decisions made in the period: the number of
-- decisions, of businesses, and the median and 90th percentile by the nearest rank (the value at position
-- ceil(p * n) of the sorted durations), rounded to one decimal. Parameters as in status.sql.
WITH d AS (
  SELECT a.MeasureId, a.BusinessId, julianday(a.DecidedAtUtc) - julianday(a.SubmittedAtUtc) AS days
  FROM Applications a
WHERE a.SubmittedAtUtc IS NOT NULL
  AND (@measure IS NULL OR a.MeasureId = @measure)
  AND (@prefecture IS NULL OR a.PrefectureCode = @prefecture)
    AND a.DecidedAtUtc >= @from AND a.DecidedAtUtc < @to),
ranked AS (
  SELECT MeasureId, BusinessId, days,
         ROW_NUMBER() OVER (PARTITION BY MeasureId ORDER BY days) AS n,
         COUNT(*) OVER (PARTITION BY MeasureId) AS total
  FROM d)
SELECT MeasureId AS key, COUNT(*) AS count, COUNT(DISTINCT BusinessId) AS businesses,
       ROUND(MAX(CASE WHEN n = (total + 1) / 2 THEN days END), 1) AS median_days,
       ROUND(MAX(CASE WHEN n = (9 * total + 9) / 10 THEN days END), 1) AS p90_days
FROM ranked GROUP BY MeasureId ORDER BY MeasureId;
