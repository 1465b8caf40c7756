-- Foundation: roles, reference geography, units, accounts, sessions, the audit chain and the
-- jurisdiction functions every Row-Level Security policy is built from.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- Roles are cluster-wide on a PostgreSQL server, so create them only once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'setu_app') THEN
    CREATE ROLE setu_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;
-- The connecting role must be able to SET ROLE setu_app (a no-op for a superuser).
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT setu_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO setu_app;

-- ---------------------------------------------------------------- reference geography (LGD)
CREATE TABLE states (
  lgd_code integer PRIMARY KEY,
  name text NOT NULL,
  name_hi text,
  is_union_territory boolean NOT NULL,
  census2011_code text
);

CREATE TABLE districts (
  lgd_code integer PRIMARY KEY,
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  name text NOT NULL,
  census2001_code text,
  census2011_code text,
  hq_name text,
  hq_lat double precision,
  hq_lon double precision,
  -- GeoJSON geometry of the map polygon joined through the crosswalk; NULL where no polygon matches.
  boundary jsonb
);
CREATE INDEX districts_state_idx ON districts (state_lgd);
CREATE INDEX districts_name_trgm ON districts USING gin (lower(name) gin_trgm_ops);

CREATE TABLE subdistricts (
  lgd_code integer PRIMARY KEY,
  district_lgd integer NOT NULL REFERENCES districts (lgd_code),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  name text NOT NULL,
  census2011_code text
);
CREATE INDEX subdistricts_district_idx ON subdistricts (district_lgd);
CREATE INDEX subdistricts_name_trgm ON subdistricts USING gin (lower(name) gin_trgm_ops);

CREATE TABLE railway_stations (
  code text PRIMARY KEY,
  name text NOT NULL,
  zone text,
  address text,
  state_lgd integer REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  -- 'source' when the station data named the State, 'point_in_polygon' when Setu derived it.
  state_from text,
  lat double precision,
  lon double precision
);
CREATE INDEX railway_stations_state_idx ON railway_stations (state_lgd);
CREATE INDEX railway_stations_name_trgm ON railway_stations USING gin (lower(name) gin_trgm_ops);

CREATE TABLE border_crossings (
  locode text PRIMARY KEY,
  name text NOT NULL,
  neighbour_country text,
  state_lgd integer REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  lat double precision,
  lon double precision,
  nearest_station_code text
);

-- One row per import run, so `setu reference import` can say what it loaded and skip unchanged files.
CREATE TABLE reference_imports (
  source text PRIMARY KEY,
  checksum text NOT NULL,
  row_count integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT ON states, districts, subdistricts, railway_stations, border_crossings TO setu_app;

-- ---------------------------------------------------------------- units
CREATE TYPE unit_kind AS ENUM (
  'nodal_cell', 'state_nodal_office', 'ahtu', 'police_station', 'border_unit', 'railway_post',
  'ngo', 'shelter_home', 'cwc', 'dlsa', 'prosecution', 'court', 'training_institute'
);
CREATE TYPE jurisdiction_level AS ENUM ('national', 'state', 'district');

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind unit_kind NOT NULL,
  name text NOT NULL,
  name_hi text,
  level jurisdiction_level NOT NULL,
  state_lgd integer REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  parent_unit_id uuid REFERENCES units (id),
  -- Border and railway units: the force (SSB, BSF, RPF, GRP …).
  force text,
  phone text,
  email text,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT units_jurisdiction_shape CHECK (
    (level = 'national' AND state_lgd IS NULL AND district_lgd IS NULL)
    OR (level = 'state' AND state_lgd IS NOT NULL AND district_lgd IS NULL)
    OR (level = 'district' AND state_lgd IS NOT NULL AND district_lgd IS NOT NULL)
  )
);
CREATE INDEX units_state_idx ON units (state_lgd, district_lgd);
CREATE UNIQUE INDEX units_name_place_uniq ON units (kind, name, coalesce(state_lgd, 0), coalesce(district_lgd, 0));

-- The unit directory is visible to every signed-in user: coordination needs to know who to ask.
-- Administrators create and change units inside their jurisdiction.
GRANT SELECT ON units TO setu_app;
GRANT INSERT (kind, name, name_hi, level, state_lgd, district_lgd, parent_unit_id, force, phone, email) ON units TO setu_app;
GRANT UPDATE (name, name_hi, parent_unit_id, force, phone, email) ON units TO setu_app;
ALTER TABLE units ENABLE ROW LEVEL SECURITY;
CREATE POLICY units_directory ON units FOR SELECT TO setu_app USING (true);

-- ---------------------------------------------------------------- accounts
CREATE TYPE user_role AS ENUM (
  'national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer',
  'ngo_caseworker', 'trainer', 'auditor', 'system_admin'
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  role user_role NOT NULL,
  unit_id uuid NOT NULL REFERENCES units (id),
  email text,
  phone text,
  password_hash text NOT NULL,
  -- A service account signs in only with API tokens.
  is_service_account boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  locked_at timestamptz,
  -- Failed logins before this moment no longer count towards a lockout.
  failures_reset_at timestamptz,
  mfa_secret_encrypted text,
  -- The last TOTP time step accepted, so one code cannot be replayed within its window.
  mfa_last_step bigint,
  mfa_enabled_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  preferred_language text NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'hi')),
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_uniq ON users (lower(username));
CREATE INDEX users_unit_idx ON users (unit_id);

CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  attempted_at timestamptz NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL,
  client_ip text
);
CREATE INDEX login_attempts_user_time_idx ON login_attempts (user_id, attempted_at DESC);

CREATE TABLE mfa_recovery_codes (
  user_id uuid NOT NULL REFERENCES users (id),
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- A secret being enrolled, kept apart until a code from it proves the authenticator has it.
CREATE TABLE pending_mfa_enrolments (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  secret_encrypted text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  -- SHA-256 of the cookie value: a leaked table does not leak usable sessions.
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  mfa_passed boolean NOT NULL DEFAULT false,
  client_ip text,
  user_agent text,
  ended_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  -- First characters of the token, shown in lists so an operator can tell tokens apart.
  token_prefix text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Create requests that a client may retry carry an Idempotency-Key; the first response is replayed.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users (id),
  key text NOT NULL,
  request_fingerprint text NOT NULL,
  response_status integer NOT NULL,
  response_body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- ---------------------------------------------------------------- jurisdiction of the current actor
-- The app sets app.user_id per transaction (SET LOCAL). These functions read the actor's unit once per
-- statement (policies call them inside scalar sub-selects, which PostgreSQL evaluates as InitPlans).
CREATE FUNCTION app_user_id() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;

CREATE FUNCTION app_user_role() RETURNS user_role
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.role FROM users u WHERE u.id = app_user_id() AND u.disabled_at IS NULL
$$;

CREATE FUNCTION app_user_unit() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.unit_id FROM users u WHERE u.id = app_user_id() AND u.disabled_at IS NULL
$$;

CREATE FUNCTION app_scope_level() RETURNS jurisdiction_level
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT un.level FROM users u JOIN units un ON un.id = u.unit_id
  WHERE u.id = app_user_id() AND u.disabled_at IS NULL
$$;

CREATE FUNCTION app_scope_state() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT un.state_lgd FROM users u JOIN units un ON un.id = u.unit_id
  WHERE u.id = app_user_id() AND u.disabled_at IS NULL
$$;

CREATE FUNCTION app_scope_district() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT un.district_lgd FROM users u JOIN units un ON un.id = u.unit_id
  WHERE u.id = app_user_id() AND u.disabled_at IS NULL
$$;

-- True when a record placed at (state, district) lies inside the actor's jurisdiction.
-- Written as a SQL function so the planner inlines it into policies and can use indexes.
CREATE FUNCTION app_in_jurisdiction(record_state integer, record_district integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE (SELECT app_scope_level())
    WHEN 'national' THEN true
    WHEN 'state' THEN record_state = (SELECT app_scope_state())
    WHEN 'district' THEN record_district = (SELECT app_scope_district())
    ELSE false
  END
$$;

CREATE POLICY units_created ON units FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_user_role()) = 'system_admin' AND app_in_jurisdiction(state_lgd, district_lgd)
  AND (level <> 'national' OR (SELECT app_scope_level()) = 'national')
);
CREATE POLICY units_administered ON units FOR UPDATE TO setu_app USING (
  (SELECT app_user_role()) = 'system_admin' AND app_in_jurisdiction(state_lgd, district_lgd)
  AND (level <> 'national' OR (SELECT app_scope_level()) = 'national')
);

GRANT EXECUTE ON FUNCTION app_user_id(), app_user_role(), app_user_unit(), app_scope_level(),
  app_scope_state(), app_scope_district(), app_in_jurisdiction(integer, integer) TO setu_app;

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY idempotency_own ON idempotency_keys TO setu_app
  USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
GRANT SELECT, INSERT ON idempotency_keys TO setu_app;

-- ---------------------------------------------------------------- account visibility under RLS
-- Accounts are administered within a jurisdiction: a user sees their own account, administrators and
-- auditors see accounts of units inside their jurisdiction, and nobody else sees any.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_visible ON users FOR SELECT TO setu_app USING (
  id = (SELECT app_user_id())
  OR (
    (SELECT app_user_role()) IN ('system_admin', 'auditor', 'state_nodal_officer')
    AND EXISTS (
      SELECT 1 FROM units un WHERE un.id = users.unit_id
      AND app_in_jurisdiction(un.state_lgd, un.district_lgd)
      AND (un.level <> 'national' OR (SELECT app_scope_level()) = 'national')
    )
  )
);
CREATE POLICY users_administered ON users FOR UPDATE TO setu_app USING (
  (SELECT app_user_role()) = 'system_admin'
  AND EXISTS (
    SELECT 1 FROM units un WHERE un.id = users.unit_id
    AND app_in_jurisdiction(un.state_lgd, un.district_lgd)
    AND (un.level <> 'national' OR (SELECT app_scope_level()) = 'national')
  )
);
CREATE POLICY users_created ON users FOR INSERT TO setu_app WITH CHECK (
  (SELECT app_user_role()) = 'system_admin'
  AND EXISTS (
    SELECT 1 FROM units un WHERE un.id = users.unit_id
    AND app_in_jurisdiction(un.state_lgd, un.district_lgd)
    AND (un.level <> 'national' OR (SELECT app_scope_level()) = 'national')
  )
);
-- Password hashes and MFA secrets never reach setu_app; the auth service reads them as the owner.
GRANT SELECT (id, username, display_name, role, unit_id, email, phone, is_service_account, disabled_at,
  locked_at, mfa_enabled_at, is_demo, preferred_language, last_login_at, created_at, password_changed_at)
  ON users TO setu_app;
GRANT INSERT (username, display_name, role, unit_id, email, phone, password_hash, is_service_account,
  preferred_language) ON users TO setu_app;
GRANT UPDATE (display_name, role, unit_id, email, phone, disabled_at, locked_at, failures_reset_at,
  mfa_secret_encrypted, mfa_enabled_at, mfa_last_step, preferred_language) ON users TO setu_app;

-- API tokens are managed by the administrators who can see the account; the hash never leaves the owner role.
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY api_tokens_managed ON api_tokens TO setu_app
  USING ((SELECT app_user_role()) = 'system_admin' AND EXISTS (SELECT 1 FROM users u WHERE u.id = api_tokens.user_id))
  WITH CHECK ((SELECT app_user_role()) = 'system_admin' AND EXISTS (SELECT 1 FROM users u WHERE u.id = api_tokens.user_id));
GRANT SELECT (id, user_id, name, token_prefix, created_by, created_at, expires_at, last_used_at, revoked_at)
  ON api_tokens TO setu_app;
GRANT INSERT (user_id, name, token_hash, token_prefix, created_by, expires_at) ON api_tokens TO setu_app;
GRANT UPDATE (revoked_at) ON api_tokens TO setu_app;
GRANT DELETE ON mfa_recovery_codes TO setu_app;
ALTER TABLE mfa_recovery_codes ENABLE ROW LEVEL SECURITY;
CREATE POLICY recovery_codes_admin ON mfa_recovery_codes FOR DELETE TO setu_app
  USING ((SELECT app_user_role()) = 'system_admin' AND EXISTS (SELECT 1 FROM users u WHERE u.id = mfa_recovery_codes.user_id));

-- ---------------------------------------------------------------- audit trail
-- Append-only and hash-chained. Each row's hash covers its content and the previous row's hash;
-- the head row holds the last sequence number and hash, so deleting the newest rows is also detectable.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_user_id uuid,
  actor_username text,
  actor_unit_id uuid,
  action text NOT NULL,
  object_type text,
  object_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'refused', 'failed')),
  reason text,
  client_ip text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id, seq DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq DESC);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC);

CREATE TABLE audit_chain_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_seq bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_chain_head (last_seq, last_hash) VALUES (0, repeat('0', 64));

-- The exact text that is hashed. `setu audit verify` recomputes SHA-256 over this text in Node.
CREATE FUNCTION audit_canonical(a audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(E'\x1f',
    a.seq::text,
    (extract(epoch FROM a.occurred_at) * 1000000)::bigint::text,
    coalesce(a.actor_user_id::text, ''),
    coalesce(a.actor_username, ''),
    coalesce(a.actor_unit_id::text, ''),
    a.action,
    coalesce(a.object_type, ''),
    coalesce(a.object_id, ''),
    a.outcome,
    coalesce(a.reason, ''),
    coalesce(a.client_ip, ''),
    a.details::text,
    a.prev_hash)
$$;

CREATE FUNCTION audit_chain_append() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  head audit_chain_head;
BEGIN
  -- The head row's lock serialises appenders, so sequence order is chain order.
  SELECT * INTO head FROM audit_chain_head WHERE id FOR UPDATE;
  NEW.seq := head.last_seq + 1;
  NEW.occurred_at := clock_timestamp();
  NEW.prev_hash := head.last_hash;
  NEW.hash := encode(sha256(convert_to(audit_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET last_seq = NEW.seq, last_hash = NEW.hash WHERE id;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append();

CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The app may append; reading is for auditors through RLS; nobody gets UPDATE or DELETE.
GRANT INSERT (actor_user_id, actor_username, actor_unit_id, action, object_type, object_id, outcome,
  reason, client_ip, details) ON audit_log TO setu_app;
GRANT SELECT ON audit_log TO setu_app;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_append ON audit_log FOR INSERT TO setu_app WITH CHECK (true);
-- Auditors read the trail of their jurisdiction (by the acting unit); everyone reads their own entries.
CREATE POLICY audit_read ON audit_log FOR SELECT TO setu_app USING (
  actor_user_id = (SELECT app_user_id())
  OR (
    (SELECT app_user_role()) IN ('auditor', 'system_admin')
    AND (
      (SELECT app_scope_level()) = 'national'
      OR EXISTS (
        SELECT 1 FROM units un WHERE un.id = audit_log.actor_unit_id
        AND app_in_jurisdiction(un.state_lgd, un.district_lgd)
      )
    )
  )
);
