-- Capacity: the AHTU registry (status, staff, vehicles and equipment, functionality reviews, funds per
-- financial year) and training (programmes, sessions, trainers, participants from every service,
-- attendance with assessments, certificates with a verification code, coverage targets).
--
-- Jurisdiction: a district unit sees its own district, a State nodal officer the State, the Nodal Cell
-- everything. Trainers also see and manage the sessions they run, wherever they are. The jurisdiction test
-- is written out in every policy, each lookup a (SELECT …) sub-select evaluated once per statement, rather
-- than calling app_in_jurisdiction(), which cannot be inlined and so ran per row (see migration 0005):
-- the refresher-due list over 3,000 people took 3 s that way.

-- ---------------------------------------------------------------- AHTU registry
CREATE TYPE ahtu_status AS ENUM ('sanctioned', 'established', 'functional', 'defunct');

-- One row per AHTU unit (units.kind = 'ahtu'); an AHTU without a row has not been profiled yet.
CREATE TABLE ahtu_profiles (
  unit_id uuid PRIMARY KEY REFERENCES units (id),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  status ahtu_status NOT NULL DEFAULT 'sanctioned',
  sanctioned_on date,
  established_on date,
  notes text CHECK (length(notes) <= 5000),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ahtu_profiles_state_idx ON ahtu_profiles (state_lgd, district_lgd);

-- Posts sanctioned and filled, by rank (ranks are the list in src/modules/ahtu/checklist.ts).
CREATE TABLE ahtu_staff (
  unit_id uuid NOT NULL REFERENCES units (id),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  rank text NOT NULL CHECK (length(rank) BETWEEN 2 AND 40),
  sanctioned integer NOT NULL CHECK (sanctioned BETWEEN 0 AND 500),
  posted integer NOT NULL CHECK (posted BETWEEN 0 AND 500),
  PRIMARY KEY (unit_id, rank)
);

CREATE TABLE ahtu_assets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES units (id),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  kind text NOT NULL CHECK (kind IN ('vehicle', 'equipment')),
  item text NOT NULL CHECK (length(item) BETWEEN 2 AND 120),
  quantity integer NOT NULL CHECK (quantity BETWEEN 0 AND 1000),
  working integer NOT NULL CHECK (working BETWEEN 0 AND 1000),
  CONSTRAINT ahtu_assets_working CHECK (working <= quantity)
);
CREATE INDEX ahtu_assets_unit_idx ON ahtu_assets (unit_id);

-- A periodic functionality review: the answers to the checklist and the weighted score they give.
CREATE TABLE ahtu_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES units (id),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  reviewed_on date NOT NULL,
  checklist_version integer NOT NULL,
  answers jsonb NOT NULL,
  score numeric(5, 1) NOT NULL CHECK (score BETWEEN 0 AND 100),
  remarks text CHECK (length(remarks) <= 5000),
  reviewed_by uuid NOT NULL REFERENCES users (id),
  -- The reviewer's name as it was, so the unit reviewed sees who reviewed it (it cannot read accounts).
  reviewer_name text NOT NULL CHECK (length(reviewer_name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false
);
CREATE INDEX ahtu_reviews_unit_idx ON ahtu_reviews (unit_id, reviewed_on DESC);

-- Funds of one AHTU in one financial year (April–March), in whole rupees. financial_year is the year
-- the financial year starts in: 2025 = 2025-26.
CREATE TABLE ahtu_funds (
  unit_id uuid NOT NULL REFERENCES units (id),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  financial_year integer NOT NULL CHECK (financial_year BETWEEN 2000 AND 2100),
  sanctioned bigint NOT NULL CHECK (sanctioned >= 0),
  released bigint NOT NULL CHECK (released >= 0),
  utilised bigint NOT NULL CHECK (utilised >= 0),
  uc_received boolean NOT NULL DEFAULT false,
  uc_received_on date,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, financial_year),
  CONSTRAINT ahtu_funds_released CHECK (released <= sanctioned),
  CONSTRAINT ahtu_funds_utilised CHECK (utilised <= released),
  CONSTRAINT ahtu_funds_uc CHECK (uc_received OR uc_received_on IS NULL)
);
CREATE INDEX ahtu_funds_state_idx ON ahtu_funds (state_lgd, financial_year);

-- Who keeps an AHTU's own record (status, staff, equipment): its own district officers, the State nodal
-- officer of its State, the Nodal Cell's analysts.
CREATE FUNCTION app_can_keep_ahtu(ahtu_unit uuid, ahtu_state integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE (SELECT app_user_role())
    WHEN 'national_analyst' THEN (SELECT app_scope_level()) = 'national'
    WHEN 'state_nodal_officer' THEN (SELECT app_scope_state()) = ahtu_state
    WHEN 'district_officer' THEN (SELECT app_user_unit()) = ahtu_unit
    ELSE false
  END
$$;
-- Who reviews an AHTU and records its funds: oversight, never the unit itself.
CREATE FUNCTION app_can_oversee_ahtu(ahtu_state integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE (SELECT app_user_role())
    WHEN 'national_analyst' THEN (SELECT app_scope_level()) = 'national'
    WHEN 'state_nodal_officer' THEN (SELECT app_scope_state()) = ahtu_state
    ELSE false
  END
$$;
GRANT EXECUTE ON FUNCTION app_can_keep_ahtu(uuid, integer), app_can_oversee_ahtu(integer) TO setu_app;

ALTER TABLE ahtu_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY ahtu_profiles_visible ON ahtu_profiles FOR SELECT TO setu_app
  USING (((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))));
CREATE POLICY ahtu_profiles_created ON ahtu_profiles FOR INSERT TO setu_app
  WITH CHECK (app_can_keep_ahtu(unit_id, state_lgd));
CREATE POLICY ahtu_profiles_kept ON ahtu_profiles FOR UPDATE TO setu_app
  USING (app_can_keep_ahtu(unit_id, state_lgd)) WITH CHECK (app_can_keep_ahtu(unit_id, state_lgd));
GRANT SELECT, INSERT ON ahtu_profiles TO setu_app;
GRANT UPDATE (status, sanctioned_on, established_on, notes, updated_by, updated_at) ON ahtu_profiles TO setu_app;

ALTER TABLE ahtu_staff ENABLE ROW LEVEL SECURITY;
CREATE POLICY ahtu_staff_visible ON ahtu_staff FOR SELECT TO setu_app
  USING (((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))));
CREATE POLICY ahtu_staff_kept ON ahtu_staff FOR ALL TO setu_app
  USING (app_can_keep_ahtu(unit_id, state_lgd)) WITH CHECK (app_can_keep_ahtu(unit_id, state_lgd));
GRANT SELECT, INSERT, DELETE ON ahtu_staff TO setu_app;

ALTER TABLE ahtu_assets ENABLE ROW LEVEL SECURITY;
CREATE POLICY ahtu_assets_visible ON ahtu_assets FOR SELECT TO setu_app
  USING (((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))));
CREATE POLICY ahtu_assets_kept ON ahtu_assets FOR ALL TO setu_app
  USING (app_can_keep_ahtu(unit_id, state_lgd)) WITH CHECK (app_can_keep_ahtu(unit_id, state_lgd));
GRANT SELECT, INSERT, DELETE ON ahtu_assets TO setu_app;

ALTER TABLE ahtu_reviews ENABLE ROW LEVEL SECURITY;
CREATE POLICY ahtu_reviews_visible ON ahtu_reviews FOR SELECT TO setu_app
  USING (((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))));
CREATE POLICY ahtu_reviews_recorded ON ahtu_reviews FOR INSERT TO setu_app
  WITH CHECK (app_can_oversee_ahtu(state_lgd) AND reviewed_by = (SELECT app_user_id()));
GRANT SELECT ON ahtu_reviews TO setu_app;
GRANT INSERT (unit_id, state_lgd, district_lgd, reviewed_on, checklist_version, answers, score, remarks, reviewed_by,
  reviewer_name) ON ahtu_reviews TO setu_app;

ALTER TABLE ahtu_funds ENABLE ROW LEVEL SECURITY;
CREATE POLICY ahtu_funds_visible ON ahtu_funds FOR SELECT TO setu_app
  USING (((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))));
CREATE POLICY ahtu_funds_recorded ON ahtu_funds FOR INSERT TO setu_app
  WITH CHECK (app_can_oversee_ahtu(state_lgd));
CREATE POLICY ahtu_funds_changed ON ahtu_funds FOR UPDATE TO setu_app
  USING (app_can_oversee_ahtu(state_lgd)) WITH CHECK (app_can_oversee_ahtu(state_lgd));
GRANT SELECT, INSERT ON ahtu_funds TO setu_app;
GRANT UPDATE (sanctioned, released, utilised, uc_received, uc_received_on, updated_by, updated_at) ON ahtu_funds TO setu_app;

-- ---------------------------------------------------------------- training
CREATE TYPE training_kind AS ENUM ('tot', 'induction', 'refresher', 'specialised');
CREATE TYPE training_service AS ENUM (
  'police', 'prosecutor', 'judicial_officer', 'probation_officer', 'labour_official', 'cwc_member', 'ngo', 'lawyer'
);

-- A programme is a curriculum; national programmes (state_lgd NULL) are visible to everyone in training.
CREATE TABLE training_programmes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind training_kind NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  description text CHECK (length(description) <= 5000),
  state_lgd integer REFERENCES states (lgd_code),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false
);

CREATE TABLE training_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES training_programmes (id),
  -- The unit that holds the session (a training institute, an AHTU, a State nodal office); its place
  -- gives the session's jurisdiction.
  unit_id uuid NOT NULL REFERENCES units (id),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  place text NOT NULL CHECK (length(place) BETWEEN 2 AND 300),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false,
  CONSTRAINT training_sessions_dates CHECK (ends_on >= starts_on AND ends_on - starts_on <= 366)
);
CREATE INDEX training_sessions_state_idx ON training_sessions (state_lgd, district_lgd, starts_on DESC);

-- Trainers: Setu accounts (who then manage the session) or outside resource persons by name.
CREATE TABLE training_session_trainers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES training_sessions (id),
  user_id uuid REFERENCES users (id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  UNIQUE (session_id, name)
);
CREATE INDEX training_session_trainers_user_idx ON training_session_trainers (user_id);

-- People trained, from every service; a participant may or may not have a Setu account.
CREATE TABLE training_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  service training_service NOT NULL,
  designation text CHECK (length(designation) <= 200),
  unit_id uuid REFERENCES units (id),
  user_id uuid REFERENCES users (id),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  phone text CHECK (length(phone) <= 40),
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false
);
CREATE INDEX training_participants_place_idx ON training_participants (state_lgd, district_lgd, service);
CREATE INDEX training_participants_unit_idx ON training_participants (unit_id);
CREATE INDEX training_participants_name_trgm ON training_participants USING gin (lower(name) gin_trgm_ops);
CREATE UNIQUE INDEX training_participants_user_uniq ON training_participants (user_id) WHERE user_id IS NOT NULL;

-- One participant in one session: attendance, assessment scores (0–100) and the certificate.
CREATE TABLE training_attendance (
  session_id uuid NOT NULL REFERENCES training_sessions (id),
  participant_id uuid NOT NULL REFERENCES training_participants (id),
  -- The session's place and the participant's, copied so either side's jurisdiction can see the row.
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  participant_state_lgd integer NOT NULL REFERENCES states (lgd_code),
  participant_district_lgd integer REFERENCES districts (lgd_code),
  attended boolean NOT NULL DEFAULT false,
  pre_score numeric(5, 1) CHECK (pre_score BETWEEN 0 AND 100),
  post_score numeric(5, 1) CHECK (post_score BETWEEN 0 AND 100),
  certificate_code text UNIQUE,
  certificate_issued_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, participant_id),
  CONSTRAINT training_attendance_certificate CHECK (certificate_code IS NULL OR attended)
);
CREATE INDEX training_attendance_participant_idx ON training_attendance (participant_id);

-- Coverage targets: how many people of a service (all services when NULL) should be trained nationally
-- (state NULL), in a State, or in a district.
CREATE TABLE training_targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_lgd integer REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  service training_service,
  target integer NOT NULL CHECK (target BETWEEN 1 AND 10000000),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT training_targets_shape CHECK (district_lgd IS NULL OR state_lgd IS NOT NULL)
);
CREATE UNIQUE INDEX training_targets_uniq ON training_targets (state_lgd, district_lgd, service) NULLS NOT DISTINCT;

-- True when the actor runs (is a named trainer of) the session. SECURITY DEFINER so the session and
-- trainer policies do not read each other through RLS (PostgreSQL would report infinite recursion).
CREATE FUNCTION app_runs_session(target_session uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM training_session_trainers t
    WHERE t.session_id = target_session AND t.user_id = app_user_id())
    OR EXISTS (SELECT 1 FROM training_sessions s WHERE s.id = target_session AND s.created_by = app_user_id())
$$;

-- Who manages a session (trainers, dates, attendance, assessments): its trainers and its creator; the
-- Nodal Cell; the State nodal officer of its State; district officers of its district.
CREATE FUNCTION app_can_manage_session(target_session uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_runs_session(target_session) OR EXISTS (
    SELECT 1 FROM training_sessions s WHERE s.id = target_session AND CASE app_user_role()
      WHEN 'national_analyst' THEN app_scope_level() = 'national'
      WHEN 'state_nodal_officer' THEN s.state_lgd = app_scope_state()
      WHEN 'district_officer' THEN s.district_lgd = app_scope_district()
      ELSE false
    END)
$$;
-- The sessions the actor runs or created, as one array per statement: policies test `id = ANY (…)` per
-- row instead of calling a function per row.
CREATE FUNCTION app_my_session_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT x.id), '{}') FROM (
    SELECT t.session_id AS id FROM training_session_trainers t WHERE t.user_id = app_user_id()
    UNION ALL SELECT s.id FROM training_sessions s WHERE s.created_by = app_user_id()) x
$$;
GRANT EXECUTE ON FUNCTION app_runs_session(uuid), app_can_manage_session(uuid), app_my_session_ids() TO setu_app;

ALTER TABLE training_programmes ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_programmes_visible ON training_programmes FOR SELECT TO setu_app USING (
  state_lgd IS NULL OR (SELECT app_scope_level()) = 'national' OR state_lgd = (SELECT app_scope_state())
);
CREATE POLICY training_programmes_created ON training_programmes FOR INSERT TO setu_app WITH CHECK (
  created_by = (SELECT app_user_id()) AND (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'trainer')
  AND CASE WHEN state_lgd IS NULL THEN (SELECT app_scope_level()) = 'national'
           ELSE (SELECT app_scope_level()) = 'national' OR state_lgd = (SELECT app_scope_state()) END
);
GRANT SELECT, INSERT ON training_programmes TO setu_app;

ALTER TABLE training_sessions ENABLE ROW LEVEL SECURITY;
-- Also visible where one of its attendances is: a district sees the sessions its people went to.
CREATE POLICY training_sessions_visible ON training_sessions FOR SELECT TO setu_app USING (
  ((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))) OR created_by = (SELECT app_user_id()) OR id = ANY ((SELECT app_my_session_ids())::uuid[])
  OR EXISTS (SELECT 1 FROM training_attendance a WHERE a.session_id = training_sessions.id)
);
CREATE POLICY training_sessions_created ON training_sessions FOR INSERT TO setu_app WITH CHECK (
  created_by = (SELECT app_user_id())
  AND (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'trainer')
  AND (((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))) OR unit_id = (SELECT app_user_unit()))
);
CREATE POLICY training_sessions_managed ON training_sessions FOR UPDATE TO setu_app
  USING (app_can_manage_session(id)) WITH CHECK (app_can_manage_session(id));
GRANT SELECT, INSERT ON training_sessions TO setu_app;
GRANT UPDATE (starts_on, ends_on, place, status, updated_at) ON training_sessions TO setu_app;

ALTER TABLE training_session_trainers ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_trainers_visible ON training_session_trainers FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM training_sessions s WHERE s.id = training_session_trainers.session_id));
CREATE POLICY training_trainers_managed ON training_session_trainers FOR ALL TO setu_app
  USING (app_can_manage_session(session_id)) WITH CHECK (app_can_manage_session(session_id));
GRANT SELECT, INSERT, DELETE ON training_session_trainers TO setu_app;

ALTER TABLE training_attendance ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_attendance_visible ON training_attendance FOR SELECT TO setu_app USING (
  ((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district())))
  OR ((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND participant_state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND participant_district_lgd = (SELECT app_scope_district())))
  OR session_id = ANY ((SELECT app_my_session_ids())::uuid[])
);
CREATE POLICY training_attendance_added ON training_attendance FOR INSERT TO setu_app
  WITH CHECK (app_can_manage_session(session_id));
CREATE POLICY training_attendance_recorded ON training_attendance FOR UPDATE TO setu_app
  USING (app_can_manage_session(session_id)) WITH CHECK (app_can_manage_session(session_id));
GRANT SELECT, INSERT ON training_attendance TO setu_app;
GRANT UPDATE (attended, pre_score, post_score, certificate_code, certificate_issued_at, updated_at)
  ON training_attendance TO setu_app;

-- A participant is visible in the jurisdiction of their place, to whoever registered them, and to
-- whoever sees one of their attendances (their trainers, the session's jurisdiction).
ALTER TABLE training_participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_participants_visible ON training_participants FOR SELECT TO setu_app USING (
  ((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))) OR created_by = (SELECT app_user_id())
  OR EXISTS (SELECT 1 FROM training_attendance a WHERE a.participant_id = training_participants.id)
);
CREATE POLICY training_participants_registered ON training_participants FOR INSERT TO setu_app WITH CHECK (
  created_by = (SELECT app_user_id())
  AND (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'trainer')
  AND ((SELECT app_scope_level()) = 'national' OR state_lgd = (SELECT app_scope_state()))
);
CREATE POLICY training_participants_corrected ON training_participants FOR UPDATE TO setu_app USING (
  created_by = (SELECT app_user_id())
  OR ((SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer')
      AND ((SELECT app_scope_level()) = 'national'
    OR ((SELECT app_scope_level()) = 'state' AND state_lgd = (SELECT app_scope_state()))
    OR ((SELECT app_scope_level()) = 'district' AND district_lgd = (SELECT app_scope_district()))))
);
GRANT SELECT, INSERT ON training_participants TO setu_app;
GRANT UPDATE (name, service, designation, unit_id, state_lgd, district_lgd, phone) ON training_participants TO setu_app;

ALTER TABLE training_targets ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_targets_visible ON training_targets FOR SELECT TO setu_app USING (true);
CREATE POLICY training_targets_set ON training_targets FOR ALL TO setu_app USING (
  CASE (SELECT app_user_role())
    WHEN 'national_analyst' THEN (SELECT app_scope_level()) = 'national'
    WHEN 'state_nodal_officer' THEN state_lgd = (SELECT app_scope_state())
    ELSE false
  END
) WITH CHECK (
  CASE (SELECT app_user_role())
    WHEN 'national_analyst' THEN (SELECT app_scope_level()) = 'national'
    WHEN 'state_nodal_officer' THEN state_lgd = (SELECT app_scope_state())
    ELSE false
  END
);
GRANT SELECT, INSERT, DELETE ON training_targets TO setu_app;
GRANT UPDATE (target, updated_by, updated_at) ON training_targets TO setu_app;
