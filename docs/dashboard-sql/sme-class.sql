-- Applications submitted in the period, by the SME class the engine gave the business at its last submission ('' before it was recorded): the number of applications and of distinct businesses behind it, then the total.
-- Parameters: @from, @to (UTC instants: the period's first Japan-time midnight, and the one after its last day),
-- @measure (an id or NULL), @prefecture (a JIS code or NULL). The dashboard suppresses what has < 5 businesses.
SELECT COALESCE(a.SizeClass, '') AS key, COUNT(*) AS count, COUNT(DISTINCT a.BusinessId) AS businesses
FROM Applications a JOIN Businesses b ON b.Id = a.BusinessId
WHERE a.SubmittedAtUtc IS NOT NULL
  AND (@measure IS NULL OR a.MeasureId = @measure)
  AND (@prefecture IS NULL OR b.PrefectureCode = @prefecture)
  AND a.SubmittedAtUtc >= @from AND a.SubmittedAtUtc < @to
GROUP BY 1
UNION ALL
SELECT 'total', COUNT(*), COUNT(DISTINCT a.BusinessId)
FROM Applications a JOIN Businesses b ON b.Id = a.BusinessId
WHERE a.SubmittedAtUtc IS NOT NULL
  AND (@measure IS NULL OR a.MeasureId = @measure)
  AND (@prefecture IS NULL OR b.PrefectureCode = @prefecture)
  AND a.SubmittedAtUtc >= @from AND a.SubmittedAtUtc < @to;
