-- Nodal Cell analytics and official statistics.
--
-- Setu's own figures are computed from cases, route events and persons under the callers' Row-Level
-- Security (a State officer's aggregates only ever see that State's cases), so they need no tables of
-- their own. What is stored here: the NCRB official statistics shown beside them, and indexes that let
-- the dashboard's aggregates read route events and persons by case without touching every row.

-- ---------------------------------------------------------------- NCRB official statistics
-- One row per imported source file, with its citation; re-imported only when the file's SHA-256 changes.
CREATE TABLE official_statistics_sources (
  dataset text PRIMARY KEY,               -- e.g. 'ncrb2016_trafficking_purpose'
  title text NOT NULL,
  publisher text NOT NULL,
  citation text NOT NULL,
  url text,
  licence text NOT NULL,
  file_name text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  row_count integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);

-- State-level figures in long form: one measure, one category (e.g. purpose 'Forced labour', or
-- 'Below 18 years / Female'), one year, one State (state_lgd NULL for the All-India row).
CREATE TABLE official_state_figures (
  dataset text NOT NULL REFERENCES official_statistics_sources (dataset),
  year integer NOT NULL,
  state_lgd integer REFERENCES states (lgd_code),
  state_name text NOT NULL,
  measure text NOT NULL,
  category text NOT NULL,
  value integer NOT NULL CHECK (value >= 0),
  PRIMARY KEY (dataset, year, state_name, measure, category)
);
CREATE INDEX official_state_figures_state_idx ON official_state_figures (state_lgd, dataset);

-- NCRB district-wise missing persons (data.gov.in), by sex and children/adults; district_lgd NULL where
-- the source's code matches no LGD district (kept, so State totals still add up).
CREATE TABLE official_missing_persons (
  year integer NOT NULL,
  state_lgd integer REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  state_name text NOT NULL,
  district_name text NOT NULL,
  male_children integer NOT NULL DEFAULT 0,
  male_adults integer NOT NULL DEFAULT 0,
  female_children integer NOT NULL DEFAULT 0,
  female_adults integer NOT NULL DEFAULT 0,
  transgender_children integer NOT NULL DEFAULT 0,
  transgender_adults integer NOT NULL DEFAULT 0,
  total integer NOT NULL,
  source_row integer NOT NULL,
  PRIMARY KEY (year, source_row)
);
CREATE INDEX official_missing_persons_district_idx ON official_missing_persons (district_lgd, year);
CREATE INDEX official_missing_persons_state_idx ON official_missing_persons (state_lgd, year);

-- Published government statistics: every signed-in role may read them; only imports (as the owner) write.
ALTER TABLE official_statistics_sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE official_state_figures ENABLE ROW LEVEL SECURITY;
ALTER TABLE official_missing_persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY official_statistics_sources_public ON official_statistics_sources FOR SELECT TO setu_app USING (true);
CREATE POLICY official_state_figures_public ON official_state_figures FOR SELECT TO setu_app USING (true);
CREATE POLICY official_missing_persons_public ON official_missing_persons FOR SELECT TO setu_app USING (true);
GRANT SELECT ON official_statistics_sources, official_state_figures, official_missing_persons TO setu_app;

-- ---------------------------------------------------------------- indexes for the aggregates
-- Route-based figures (district roles, corridors, hubs) group route events by place and stage, and the
-- trend/performance figures scan cases by registration date within a scope; persons are counted by case.
CREATE INDEX case_route_events_case_stage_idx ON case_route_events (case_id, stage, position);
CREATE INDEX cases_district_month_idx ON cases (district_lgd, registered_on);
