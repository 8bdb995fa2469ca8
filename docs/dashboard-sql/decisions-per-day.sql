-- Selection decisions (selected or not, whatever came after: a grant, a report, a payment) per Japan-time day of the decision,
-- whenever the application was submitted: applications and distinct businesses, then the total. Parameters as in status.sql.
SELECT date(a.DecidedAtUtc, '+9 hours') AS key, COUNT(*) AS count, COUNT(DISTINCT a.BusinessId) AS businesses
FROM Applications a
WHERE a.SubmittedAtUtc IS NOT NULL
  AND (@measure IS NULL OR a.MeasureId = @measure)
  AND (@prefecture IS NULL OR a.PrefectureCode = @prefecture)
  AND a.DecidedAtUtc >= @from AND a.DecidedAtUtc < @to
GROUP BY 1
UNION ALL
SELECT 'total', COUNT(*), COUNT(DISTINCT a.BusinessId)
FROM Applications a
WHERE a.SubmittedAtUtc IS NOT NULL
  AND (@measure IS NULL OR a.MeasureId = @measure)
  AND (@prefecture IS NULL OR a.PrefectureCode = @prefecture)
  AND a.DecidedAtUtc >= @from AND a.DecidedAtUtc < @to;
