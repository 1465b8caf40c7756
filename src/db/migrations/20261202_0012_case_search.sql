-- Case search by text at national scale (bench/cases: 100,000 cases, 300,000 persons on PostgreSQL 15).
--
-- The list searched with `... LIKE p OR EXISTS (SELECT ... case_persons ... LIKE p)` per visible case: under
-- RLS the planner may not push a non-leakproof LIKE below the policies, so the trigram indexes were never
-- used and every visible case ran a sub-plan (about 1 s for a national analyst). This function finds the
-- matching case ids through the trigram indexes first; the caller's query still reads `cases` as setu_app,
-- so the cases_visible policy decides what is returned. The same visibility rule is applied here as well,
-- so the function is no oracle for cases outside the caller's jurisdiction even when called directly.
-- Victims' and witnesses' names are not searchable: their display_name is NULL (identity is masked).
CREATE FUNCTION app_search_case_ids(pattern text) RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(c.id), '{}')
  FROM cases c
  WHERE c.id IN (
      SELECT id FROM cases
      WHERE lower(reference || ' ' || coalesce(fir_number, '') || ' ' || title) LIKE pattern
      UNION
      SELECT case_id FROM case_persons WHERE display_name IS NOT NULL AND lower(display_name) LIKE pattern
    )
    AND (
      (
        (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer', 'auditor')
        AND (
          (SELECT app_scope_level()) = 'national'
          OR ((SELECT app_scope_level()) = 'state' AND c.state_lgd = (SELECT app_scope_state()))
          OR ((SELECT app_scope_level()) = 'district' AND c.district_lgd = (SELECT app_scope_district()))
        )
      )
      OR c.registering_unit_id = (SELECT app_user_unit())
      OR c.police_station_unit_id = (SELECT app_user_unit())
      OR c.id = ANY ((SELECT app_shared_case_ids())::uuid[])
    )
$$;
REVOKE ALL ON FUNCTION app_search_case_ids(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_search_case_ids(text) TO setu_app;
