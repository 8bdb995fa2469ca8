-- Per measure, of the applications submitted in the period: how many, by how many businesses, and how many were
-- returned for correction at least once (a transition to ReturnedForCorrection), with their businesses.
-- The dashboard shows returned ÷ submitted in percent to one decimal. Parameters as in status.sql.
SELECT a.MeasureId AS key, COUNT(*) AS count, COUNT(DISTINCT a.BusinessId) AS businesses,
       SUM(r.returned) AS returned,
       COUNT(DISTINCT CASE WHEN r.returned = 1 THEN a.BusinessId END) AS returned_businesses
FROM Applications a JOIN Businesses b ON b.Id = a.BusinessId
JOIN (SELECT x.Id, EXISTS (SELECT 1 FROM ApplicationTransitions t WHERE t.ApplicationId = x.Id AND t."To" = 'ReturnedForCorrection') AS returned
      FROM Applications x) r ON r.Id = a.Id
WHERE a.SubmittedAtUtc IS NOT NULL
  AND (@measure IS NULL OR a.MeasureId = @measure)
  AND (@prefecture IS NULL OR b.PrefectureCode = @prefecture)
  AND a.SubmittedAtUtc >= @from AND a.SubmittedAtUtc < @to
GROUP BY a.MeasureId ORDER BY a.MeasureId;
