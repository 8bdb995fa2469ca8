-- Per measure, of the applications submitted in the period: how many, by how many businesses, and how many were
-- returned for correction at least once (a transition to ReturnedForCorrection), with their businesses.
-- The dashboard shows returned ÷ submitted in percent to one decimal. Parameters as in status.sql.
WITH s AS (
  SELECT a.MeasureId, a.BusinessId,
         EXISTS (SELECT 1 FROM ApplicationTransitions t WHERE t.ApplicationId = a.Id AND t."To" = 'ReturnedForCorrection') AS returned
  FROM Applications a
  WHERE a.SubmittedAtUtc IS NOT NULL
    AND (@measure IS NULL OR a.MeasureId = @measure)
    AND (@prefecture IS NULL OR a.PrefectureCode = @prefecture)
    AND a.SubmittedAtUtc >= @from AND a.SubmittedAtUtc < @to)
SELECT MeasureId AS key, COUNT(*) AS count, COUNT(DISTINCT BusinessId) AS businesses,
       SUM(returned) AS returned,
       COUNT(DISTINCT CASE WHEN returned = 1 THEN BusinessId END) AS returned_businesses
FROM s GROUP BY MeasureId ORDER BY MeasureId;
