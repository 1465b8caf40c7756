-- Case lists at national scale (bench/cases: 100,000 cases on PostgreSQL 15).
--
-- cases_visible called app_in_jurisdiction(state_lgd, district_lgd) for every row. That function cannot
-- be inlined (its body has sub-selects), so each row ran it and the three lookups inside it: counting
-- a district officer's cases took 6.6 s. Written out here with each lookup as a (SELECT …) sub-select,
-- PostgreSQL evaluates them once per statement (InitPlans) and the per-row test is plain comparisons:
-- about 25 ms. The rule is unchanged: national sees all, a State unit its State (by state_lgd), a
-- district unit its district (by district_lgd), for the same roles; plus own-unit and shared cases.
DROP POLICY cases_visible ON cases;
CREATE POLICY cases_visible ON cases FOR SELECT TO setu_app USING (
  (
    (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer', 'auditor')
    AND (
      (SELECT app_scope_level()) = 'national'
      OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
      OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))
    )
  )
  OR registering_unit_id = (SELECT app_user_unit())
  OR police_station_unit_id = (SELECT app_user_unit())
  OR id = ANY ((SELECT app_shared_case_ids())::uuid[])
);

-- JIT compiles a query whose estimated cost passes jit_above_cost; the case search (a sub-plan per
-- visible case) crosses it and spent ~300 ms compiling to run for 50 ms. Setu's queries are short
-- OLTP queries, so JIT only costs. A database setting applies to new connections; a role without the
-- right to change it (not the database owner) keeps the server default, so this never blocks a migration.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'jit stays as configured: only the database owner can change it (set jit = off in postgresql.conf)';
END $$;
