-- Pre-aggregated counts for the analytics dashboards (docs/ANALYTICS.md, "Pre-aggregated counts").
--
-- Live figures read every visible case, person and route event under Row-Level Security: fine for a
-- district, seconds for India at a million cases. Here every case is reduced to a list of keys — one per
-- thing it adds 1 to ("a case", "a victim aged 12–15, female", "a recruitment place in district 212",
-- "corridor 212 → 519", ...) — and the keys are counted per month of registration at three levels of
-- jurisdiction: India, the registering State, the registering district. A national, State or district
-- view reads only its own level's rows, so a dashboard sums thousands of rows instead of millions.
--
-- Kept exact by statement triggers on cases, case_persons and case_route_events: when the transaction
-- commits, the touched cases' keys are computed afresh, compared with the keys stored for them, and only
-- the difference is appended to analytics_count_deltas. Appending (not updating shared counters) means concurrent writers never wait on
-- one another; `setu jobs run` folds the deltas into analytics_counts, and readers sum both.

CREATE TYPE analytics_key AS (
  figure text,          -- what is counted: case, status, form, person, victim, deadline, place, corridor, hub, ...
  a text,               -- first dimension (a form, an age band, a stage, an origin, ...); '' when none
  b text,               -- second dimension (a sex, an outcome, a destination, ...); '' when none
  place_state integer,  -- for place keys: where the route event was; 0 when none
  place_district integer
);

-- One row per case: the keys it contributes now, and where they were counted.
CREATE TABLE analytics_case_facts (
  case_id uuid PRIMARY KEY,
  state_lgd integer NOT NULL,
  district_lgd integer NOT NULL,
  month date NOT NULL,
  keys analytics_key[] NOT NULL
);

-- scope_state / scope_district: 0/0 is India, S/0 the State S, S/D the district D of S (by registration).
-- month: the month of registration, or 'infinity' for the total over all months, so that a figure over all
-- time reads one row per key (India's district corridors: 80,000 rows instead of 850,000 at a million cases).
CREATE TABLE analytics_counts (
  scope_state integer NOT NULL,
  scope_district integer NOT NULL,
  figure text NOT NULL,
  month date NOT NULL,
  a text NOT NULL,
  b text NOT NULL,
  place_state integer NOT NULL,
  place_district integer NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (scope_state, scope_district, figure, month, a, b, place_state, place_district)
);
-- Emptied counts are removed when deltas are folded in; this finds them without a scan.
CREATE INDEX analytics_counts_zero_idx ON analytics_counts (scope_state) WHERE n = 0;

CREATE TABLE analytics_count_deltas (
  scope_state integer NOT NULL,
  scope_district integer NOT NULL,
  figure text NOT NULL,
  month date NOT NULL,
  a text NOT NULL,
  b text NOT NULL,
  place_state integer NOT NULL,
  place_district integer NOT NULL,
  n integer NOT NULL
);
CREATE INDEX analytics_count_deltas_scope_idx ON analytics_count_deltas (scope_state, scope_district, figure, month);

-- What the API reads: folded counts and not yet folded deltas, under the caller's RLS (security_invoker).
CREATE VIEW analytics_counts_current WITH (security_invoker = true) AS
  SELECT scope_state, scope_district, figure, month, a, b, place_state, place_district, n FROM analytics_counts
  UNION ALL
  SELECT scope_state, scope_district, figure, month, a, b, place_state, place_district, n FROM analytics_count_deltas;

ALTER TABLE analytics_case_facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_count_deltas ENABLE ROW LEVEL SECURITY;
-- A level is readable by the analytics roles whose jurisdiction covers it: India only nationally, a State
-- by its State officers (and nationally), a district by its district officers too. Written out in each
-- policy rather than in a function: a function with sub-selects is not inlined, and would then run per row
-- (docs/CONTRIBUTING.md); here each sub-select runs once per query. Each jurisdiction test is one boolean
-- sub-select so that the planner's row estimate stays realistic (with one guess per comparison it expected
-- a handful of rows, sorted 300,000 of them on disk and took twice as long as hashing them).
CREATE POLICY analytics_counts_visible ON analytics_counts FOR SELECT TO setu_app USING (
  (SELECT app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'auditor')
     AND app_scope_level() = 'national')
  OR (scope_state = (SELECT app_scope_state())
      AND (SELECT app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'auditor')
           AND app_scope_level() = 'state'))
  OR (scope_district = (SELECT app_scope_district())
      AND (SELECT app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'auditor')
           AND app_scope_level() = 'district'))
);
CREATE POLICY analytics_count_deltas_visible ON analytics_count_deltas FOR SELECT TO setu_app USING (
  (SELECT app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'auditor')
     AND app_scope_level() = 'national')
  OR (scope_state = (SELECT app_scope_state())
      AND (SELECT app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'auditor')
           AND app_scope_level() = 'state'))
  OR (scope_district = (SELECT app_scope_district())
      AND (SELECT app_user_role() IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'auditor')
           AND app_scope_level() = 'district'))
);
-- Only the triggers' SECURITY DEFINER functions write; the app reads counts, never per-case facts.
GRANT SELECT ON analytics_counts, analytics_count_deltas, analytics_counts_current TO setu_app;

-- ---------------------------------------------------------------- the keys of a case
-- The one definition of what each case counts for; src/modules/analytics/cases.ts and places.ts compute
-- the same figures live from the rows, and the tests check that both agree.
CREATE VIEW analytics_case_keys AS
SELECT c.id AS case_id, c.state_lgd, c.district_lgd, date_trunc('month', c.registered_on)::date AS month,
  ARRAY(
    SELECT ROW(k.figure, k.a, k.b, k.place_state, k.place_district)::analytics_key
    FROM (
      SELECT 'case' AS figure, '' AS a, '' AS b, 0 AS place_state, 0 AS place_district
      UNION ALL SELECT 'status', c.status::text, '', 0, 0
      UNION ALL SELECT 'form', f, '', 0, 0 FROM unnest(c.exploitation_forms) AS f
      UNION ALL SELECT 'with_forms', '', '', 0, 0 WHERE cardinality(c.exploitation_forms) > 0
      UNION ALL SELECT 'charge_sheeted', '', '', 0, 0 WHERE c.charge_sheeted_on IS NOT NULL
      UNION ALL SELECT 'days_to_charge_sheet', (c.charge_sheeted_on - c.registered_on)::text, '', 0, 0
        WHERE c.charge_sheeted_on IS NOT NULL
      UNION ALL SELECT 'days_arrest_to_charge_sheet', (c.charge_sheeted_on - c.first_arrest_on)::text, '', 0, 0
        WHERE c.charge_sheeted_on IS NOT NULL AND c.first_arrest_on IS NOT NULL
      -- BNSS s.193 deadline: outcome, and for cases still awaiting a charge-sheet the due date, since
      -- "past the deadline" depends on the day the figure is read.
      UNION ALL SELECT 'deadline', (c.charge_sheet_due_on - c.first_arrest_on)::text,
        CASE
          WHEN c.charge_sheeted_on <= c.charge_sheet_due_on THEN 'on_time'
          WHEN c.charge_sheeted_on > c.charge_sheet_due_on THEN 'late'
          WHEN c.charge_sheeted_on IS NULL AND c.status IN ('registered', 'under_investigation')
            THEN 'awaiting:' || c.charge_sheet_due_on::text
          ELSE 'other'
        END, 0, 0
        WHERE c.first_arrest_on IS NOT NULL AND c.charge_sheet_due_on IS NOT NULL
      UNION ALL SELECT 'person', p.role::text, '', 0, 0 FROM case_persons p WHERE p.case_id = c.id
      UNION ALL SELECT 'victim',
        CASE
          WHEN p.age_years IS NULL THEN 'unknown'
          WHEN p.age_years < 12 THEN '0-11'
          WHEN p.age_years < 16 THEN '12-15'
          WHEN p.age_years < 18 THEN '16-17'
          WHEN p.age_years <= 25 THEN '18-25'
          WHEN p.age_years <= 35 THEN '26-35'
          WHEN p.age_years <= 50 THEN '36-50'
          ELSE '51+'
        END, p.sex::text, 0, 0
        FROM case_persons p WHERE p.case_id = c.id AND p.role = 'victim'
      -- District roles: each (stage, district) once per case, and each district once in any counted stage.
      UNION ALL SELECT 'place', e.stage::text, '', min(e.place_state_lgd), e.place_district_lgd
        FROM case_route_events e
        WHERE e.case_id = c.id AND e.place_district_lgd IS NOT NULL AND e.stage IN ('recruitment', 'transit', 'exploitation')
        GROUP BY e.stage, e.place_district_lgd
      UNION ALL SELECT 'place', 'any', '', min(e.place_state_lgd), e.place_district_lgd
        FROM case_route_events e
        WHERE e.case_id = c.id AND e.place_district_lgd IS NOT NULL AND e.stage IN ('recruitment', 'transit', 'exploitation')
        GROUP BY e.place_district_lgd
      -- Corridor: first recruitment place → last exploitation place (district, or foreign country), and the
      -- same between States (so that India's State flows read a thousand rows, not every district pair).
      UNION ALL SELECT s.figure, s.origin, s.destination, 0, 0
        FROM (SELECT coalesce(e.place_district_lgd::text, 'country:' || e.country_code) AS district,
                coalesce(e.place_state_lgd::text, 'country:' || e.country_code) AS state
              FROM case_route_events e
              WHERE e.case_id = c.id AND e.stage = 'recruitment' AND (e.place_district_lgd IS NOT NULL OR e.country_code IS NOT NULL)
              ORDER BY e.position LIMIT 1) o,
             (SELECT coalesce(e.place_district_lgd::text, 'country:' || e.country_code) AS district,
                coalesce(e.place_state_lgd::text, 'country:' || e.country_code) AS state
              FROM case_route_events e
              WHERE e.case_id = c.id AND e.stage = 'exploitation' AND (e.place_district_lgd IS NOT NULL OR e.country_code IS NOT NULL)
              ORDER BY e.position DESC LIMIT 1) x
        CROSS JOIN LATERAL (VALUES ('corridor', o.district, x.district), ('corridor_state', o.state, x.state))
          AS s (figure, origin, destination)
      -- Transit hubs: each station or border crossing once per case, and once more per stage seen there.
      UNION ALL SELECT 'hub', h.code, s.stage, h.place_state, h.place_district
        FROM (SELECT e.place_kind::text || ':' || coalesce(e.station_code, e.border_crossing_locode) AS code,
                coalesce(min(e.place_state_lgd), 0) AS place_state, coalesce(min(e.place_district_lgd), 0) AS place_district,
                bool_or(e.stage = 'transit') AS transit, bool_or(e.stage = 'rescue') AS rescue
              FROM case_route_events e WHERE e.case_id = c.id AND e.place_kind IN ('station', 'border_crossing')
              GROUP BY 1) h
        CROSS JOIN LATERAL (VALUES ('any', true), ('transit', h.transit), ('rescue', h.rescue)) AS s (stage, present)
        WHERE s.present
    ) k
    ORDER BY 1
  ) AS keys
FROM cases c;

-- ---------------------------------------------------------------- keeping the counts
CREATE FUNCTION analytics_refresh_cases(ids uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  -- A concurrent writer of the same case waits here until this transaction ends; the statement below then
  -- reads its committed rows (READ COMMITTED: a new snapshot per statement), so no change is lost.
  PERFORM 1 FROM analytics_case_facts WHERE case_id = ANY (ids) ORDER BY case_id FOR UPDATE;
  WITH fresh AS MATERIALIZED (SELECT * FROM analytics_case_keys WHERE case_id = ANY (ids)),
  old AS MATERIALIZED (SELECT * FROM analytics_case_facts WHERE case_id = ANY (ids)),
  changes AS (
    SELECT o.state_lgd, o.district_lgd, o.month, k.*, -1 AS n FROM old o, unnest(o.keys) AS k
    UNION ALL
    SELECT f.state_lgd, f.district_lgd, f.month, k.*, 1 FROM fresh f, unnest(f.keys) AS k),
  net AS (
    SELECT state_lgd, district_lgd, month, figure, a, b, place_state, place_district, sum(n)::int AS n
    FROM changes GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0),
  removed AS (
    DELETE FROM analytics_case_facts f WHERE f.case_id = ANY (ids)
      AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh.case_id = f.case_id)),
  stored AS (
    INSERT INTO analytics_case_facts (case_id, state_lgd, district_lgd, month, keys)
    SELECT case_id, state_lgd, district_lgd, month, keys FROM fresh
    ON CONFLICT (case_id) DO UPDATE SET state_lgd = EXCLUDED.state_lgd, district_lgd = EXCLUDED.district_lgd,
      month = EXCLUDED.month, keys = EXCLUDED.keys
    WHERE (analytics_case_facts.state_lgd, analytics_case_facts.district_lgd, analytics_case_facts.month, analytics_case_facts.keys)
      IS DISTINCT FROM (EXCLUDED.state_lgd, EXCLUDED.district_lgd, EXCLUDED.month, EXCLUDED.keys))
  INSERT INTO analytics_count_deltas (scope_state, scope_district, figure, month, a, b, place_state, place_district, n)
  SELECT l.s, l.d, net.figure, g.month, net.a, net.b, net.place_state, net.place_district, sum(net.n)::int
  FROM net CROSS JOIN LATERAL (VALUES (0, 0), (net.state_lgd, 0), (net.state_lgd, net.district_lgd)) AS l (s, d)
  CROSS JOIN LATERAL (VALUES (net.month), ('infinity'::date)) AS g (month)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END $$;

-- Registering a case takes several statements (the case, its people, its route, its status); its keys are
-- computed once, when the transaction commits: statements queue the cases they touch here, and a deferred
-- trigger refreshes each queued case at commit. The queue's rows never outlive their transaction.
CREATE TABLE analytics_pending (case_id uuid NOT NULL);
ALTER TABLE analytics_pending ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION analytics_refresh_pending() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  ids uuid[];
BEGIN
  -- The first firing for a case takes all its queued rows; later firings for the same case find none.
  WITH taken AS (DELETE FROM analytics_pending WHERE case_id = NEW.case_id RETURNING case_id)
  SELECT array_agg(DISTINCT case_id) INTO ids FROM taken;
  PERFORM analytics_refresh_cases(ids);
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER analytics_pending_refresh AFTER INSERT ON analytics_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analytics_refresh_pending();

-- A statement touching many cases (a bulk load or correction) is refreshed at once, in batches that keep
-- `= ANY` indexed, instead of queueing one deferred trigger per case.
CREATE FUNCTION analytics_cases_touched(ids uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  batch constant integer := 5000;
  i integer := 1;
BEGIN
  IF coalesce(cardinality(ids), 0) <= 100 THEN
    INSERT INTO analytics_pending (case_id) SELECT unnest(ids);
    RETURN;
  END IF;
  WHILE i <= cardinality(ids) LOOP
    PERFORM analytics_refresh_cases(ids[i:i + batch - 1]);
    i := i + batch;
  END LOOP;
END $$;

-- The trigger's argument names the column holding the case id (`id` on cases, `case_id` on its rows).
CREATE FUNCTION analytics_case_rows_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  ids uuid[];
  rows_touched text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT %1$I FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT %1$I FROM old_rows'
    ELSE 'SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows' END;
BEGIN
  -- Dynamic: a statement naming a transition table this trigger lacks fails when planned.
  EXECUTE format('SELECT array_agg(DISTINCT c ORDER BY c) FROM (' || rows_touched || ') AS r (c)', TG_ARGV[0])
    INTO ids;
  PERFORM analytics_cases_touched(ids);
  RETURN NULL;
END $$;

-- A trigger with transition tables takes one event, hence three per table.
CREATE TRIGGER cases_analytics_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_rows_changed('id');
CREATE TRIGGER cases_analytics_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_rows_changed('id');
CREATE TRIGGER cases_analytics_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_rows_changed('id');
CREATE TRIGGER case_persons_analytics_insert AFTER INSERT ON case_persons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_rows_changed('case_id');
CREATE TRIGGER case_persons_analytics_update AFTER UPDATE ON case_persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_rows_changed('case_id');
CREATE TRIGGER case_persons_analytics_delete AFTER DELETE ON case_persons
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_rows_changed('case_id');
CREATE TRIGGER case_route_events_analytics_insert AFTER INSERT ON case_route_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_rows_changed('case_id');
CREATE TRIGGER case_route_events_analytics_update AFTER UPDATE ON case_route_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_rows_changed('case_id');
CREATE TRIGGER case_route_events_analytics_delete AFTER DELETE ON case_route_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_case_rows_changed('case_id');

-- Folds the deltas into the counts (run by `setu jobs run`); returns the number of deltas folded. One at a
-- time; deltas appended meanwhile are not yet visible to the DELETE and stay for the next run.
CREATE FUNCTION analytics_fold_deltas() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  folded integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('analytics_fold_deltas')) THEN RETURN 0; END IF;
  WITH moved AS (DELETE FROM analytics_count_deltas RETURNING *),
  summed AS (
    SELECT scope_state, scope_district, figure, month, a, b, place_state, place_district, sum(n)::int AS n, count(*) AS deltas
    FROM moved GROUP BY 1, 2, 3, 4, 5, 6, 7, 8),
  merged AS (
    INSERT INTO analytics_counts AS t (scope_state, scope_district, figure, month, a, b, place_state, place_district, n)
    SELECT scope_state, scope_district, figure, month, a, b, place_state, place_district, n FROM summed
    ON CONFLICT (scope_state, scope_district, figure, month, a, b, place_state, place_district)
    DO UPDATE SET n = t.n + EXCLUDED.n)
  SELECT coalesce(sum(deltas), 0)::int INTO folded FROM summed;
  DELETE FROM analytics_counts WHERE n = 0;
  RETURN folded;
END $$;

-- Recounts everything from the rows: the migration's backfill, and `setu analytics rebuild` for operators.
CREATE FUNCTION analytics_rebuild() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  counted bigint;
BEGIN
  -- Writers of cases wait (their triggers need the facts) rather than add deltas to counts being rebuilt.
  LOCK TABLE analytics_case_facts, analytics_counts, analytics_count_deltas IN EXCLUSIVE MODE;
  TRUNCATE analytics_case_facts, analytics_counts, analytics_count_deltas;
  INSERT INTO analytics_case_facts (case_id, state_lgd, district_lgd, month, keys)
  SELECT case_id, state_lgd, district_lgd, month, keys FROM analytics_case_keys;
  INSERT INTO analytics_counts (scope_state, scope_district, figure, month, a, b, place_state, place_district, n)
  SELECT l.s, l.d, k.figure, g.month, k.a, k.b, k.place_state, k.place_district, count(*)::int
  FROM analytics_case_facts f CROSS JOIN LATERAL unnest(f.keys) AS k
  CROSS JOIN LATERAL (VALUES (0, 0), (f.state_lgd, 0), (f.state_lgd, f.district_lgd)) AS l (s, d)
  CROSS JOIN LATERAL (VALUES (f.month), ('infinity'::date)) AS g (month)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  -- In key order, so that a level's rows share pages: a dashboard reads few pages, not one per row.
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
  GET DIAGNOSTICS counted = ROW_COUNT;
  -- Fresh statistics, or the planner guesses at millions of new rows until autovacuum comes by.
  ANALYZE analytics_case_facts;
  ANALYZE analytics_counts;
  RETURN counted;
END $$;

SELECT analytics_rebuild();
