-- Applications submitted in the period, by the JSIC major group the business gave at its last submission ('' when not registered): the number of applications and of distinct businesses behind it, then the total.
-- Parameters: @from, @to (UTC instants: the period's first Japan-time midnight, and the one after its last day),
-- @measure (an id or NULL), @prefecture (a JIS code or NULL, matched against the prefecture kept with the application at its
-- last submission). The dashboard suppresses what has < 5 businesses.
SELECT COALESCE(a.IndustryMajor, '') AS key, COUNT(*) AS count, COUNT(DISTINCT a.BusinessId) AS businesses
FROM Applications a
WHERE a.SubmittedAtUtc IS NOT NULL
  AND (@measure IS NULL OR a.MeasureId = @measure)
  AND (@prefecture IS NULL OR a.PrefectureCode = @prefecture)
  AND a.SubmittedAtUtc >= @from AND a.SubmittedAtUtc < @to
GROUP BY 1
UNION ALL
SELECT 'total', COUNT(*), COUNT(DISTINCT a.BusinessId)
FROM Applications a
WHERE a.SubmittedAtUtc IS NOT NULL
  AND (@measure IS NULL OR a.MeasureId = @measure)
  AND (@prefecture IS NULL OR a.PrefectureCode = @prefecture)
  AND a.SubmittedAtUtc >= @from AND a.SubmittedAtUtc < @to;
