-- A synthetic census round straight into the survey index: what agencies' writes would have produced.
-- :round names the round, :n the number of records; 2,000 institutions (inst-0000 … inst-1999), 16 sectors,
-- 64 shards, levels 0..4 drawn per record and criterion, every 20th record ineligible.
--   psql -v round=rank-1000000 -v n=1000000 -f bench/sql/synthetic-index.sql
INSERT INTO census_survey_index
SELECT :'round', 'inst-' || lpad((i % 2000)::text, 4, '0'), 'ds-' || i, (abs(hashint4(-i)) % 64)::smallint, 1, false,
       (ARRAY['public-administration','science-technology','education','transport-logistics','land-management',
              'agriculture-fisheries','culture-tourism','law','health-medical','social-welfare','industry-employment',
              'food-health','disaster-safety','finance','unification-diplomacy','environment-weather'])[1 + (i / 2000) % 16],
       (ARRAY['text','image','video','audio','tabular','time-series','geospatial','multimodal'])[1 + (i * 7) % 8],
       (ARRAY['open','restricted','safe-zone-only','not-providable'])[1 + (i * 13) % 4],
       (i % 20) <> 0, CASE WHEN (i % 20) = 0 THEN 1 ELSE 0 END,
       n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10],
       GREATEST(n[1], p[1]), GREATEST(n[2], p[2]), n[3], n[4], GREATEST(n[5], p[5]),
       n[6], GREATEST(n[7], p[7]), GREATEST(n[8], p[8]), n[9], n[10], now()
FROM generate_series(1, :n) AS i,
     -- Levels drawn independently per record and criterion (a hash of the two), so scores spread
     -- as a census's would: many distinct values, few ties at the top.
     LATERAL (SELECT ARRAY(SELECT abs(hashint4(i * 32 + c)) % 5 FROM generate_series(1, 10) AS c) AS n,
                     ARRAY(SELECT abs(hashint4(i * 32 + 16 + c)) % 5 FROM generate_series(1, 10) AS c) AS p) AS levels;
ANALYZE census_survey_index;
