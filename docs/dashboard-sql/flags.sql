-- Integrity flags raised in the period and standing (open or confirmed: not dismissed, not cleared), per measure and
-- rule (key "measureId:Rule"): the number of flags and of distinct businesses behind them, then the total.
-- Parameters as in status.sql (the measure and prefecture are the flagged application's).
WITH f AS (
  SELECT a.MeasureId, f.Rule, a.BusinessId
  FROM IntegrityFlags f JOIN Applications a ON a.Id = f.ApplicationId
  WHERE f.State IN ('Open', 'Confirmed')
    AND f.RaisedAtUtc >= @from AND f.RaisedAtUtc < @to
    AND (@measure IS NULL OR a.MeasureId = @measure)
    AND (@prefecture IS NULL OR a.PrefectureCode = @prefecture))
SELECT MeasureId || ':' || Rule AS key, COUNT(*) AS count, COUNT(DISTINCT BusinessId) AS businesses
FROM f GROUP BY MeasureId, Rule
UNION ALL
SELECT 'total', COUNT(*), COUNT(DISTINCT BusinessId) FROM f;
