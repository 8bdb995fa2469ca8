-- The backlog now (submitted, not yet decided, not withdrawn), by whole days since submission, then the total.
-- Parameters: @now (the UTC instant), @measure, @prefecture; the period does not apply.
WITH backlog AS (
  SELECT a.BusinessId, CAST(julianday(@now) - julianday(a.SubmittedAtUtc) AS INTEGER) AS days
  FROM Applications a
WHERE a.SubmittedAtUtc IS NOT NULL
  AND (@measure IS NULL OR a.MeasureId = @measure)
  AND (@prefecture IS NULL OR a.PrefectureCode = @prefecture)
    AND a.Status IN ('Submitted', 'UnderReview', 'ReturnedForCorrection', 'Resubmitted'))
SELECT CASE WHEN days <= 7 THEN '0-7' WHEN days <= 14 THEN '8-14' WHEN days <= 30 THEN '15-30' WHEN days <= 60 THEN '31-60' ELSE '61-' END AS key,
       COUNT(*) AS count, COUNT(DISTINCT BusinessId) AS businesses
FROM backlog GROUP BY 1
UNION ALL
SELECT 'total', COUNT(*), COUNT(DISTINCT BusinessId) FROM backlog;
