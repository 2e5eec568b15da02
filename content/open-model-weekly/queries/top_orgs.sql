-- The five organisations with the most downloads in the brief's region and week, and each
-- one's share of the region's downloads that week. Briefsmith binds $period_start,
-- $period_end and $region (they are never pasted into the text) and runs the query with
-- DuckDB over this folder's files.
SELECT
  organisation,
  origin,
  sum(downloads) AS downloads,
  round(sum(downloads) / sum(sum(downloads)) OVER (), 4) AS share
FROM 'data/weekly.csv'
WHERE week BETWEEN $period_start AND $period_end
  AND region = $region
GROUP BY organisation, origin
ORDER BY downloads DESC, organisation
LIMIT 5
