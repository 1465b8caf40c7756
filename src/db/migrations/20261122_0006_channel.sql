-- The channel between units: requests with deadlines and escalation, alerts and lookouts, the in-app
-- inbox with its e-mail and webhook delivery, and the monthly coordination meetings of a State.
--
-- Need-to-know: a request is visible to its sender unit, its recipient unit and oversight (the State
-- nodal officer and auditors of either State, national analysts), never to anyone else. It carries
-- pseudonymous snapshots of the people it concerns; identity stays behind reveal_person_identity().

-- ---------------------------------------------------------------- requests between units
CREATE TYPE request_kind AS ENUM (
  'verify_family', 'trace_accused', 'obtain_documents', 'repatriate_victim', 'share_information', 'border_lookout'
);
CREATE TYPE request_priority AS ENUM ('routine', 'urgent', 'immediate');
CREATE TYPE request_status AS ENUM ('sent', 'acknowledged', 'in_progress', 'answered', 'closed', 'declined');

CREATE SEQUENCE unit_request_number_seq;

CREATE TABLE unit_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Human reference like RQ-2026-000123.
  reference text NOT NULL UNIQUE,
  kind request_kind NOT NULL,
  priority request_priority NOT NULL,
  status request_status NOT NULL DEFAULT 'sent',
  from_unit_id uuid NOT NULL REFERENCES units (id),
  to_unit_id uuid NOT NULL REFERENCES units (id),
  -- The sender's place (the request's home State) and the recipient's, copied for Row-Level Security.
  state_lgd integer REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  to_state_lgd integer REFERENCES states (lgd_code),
  to_district_lgd integer REFERENCES districts (lgd_code),
  subject text NOT NULL CHECK (length(subject) BETWEEN 3 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  case_id uuid REFERENCES cases (id),
  -- Kept so a recipient without access to the case still sees which case the request is about.
  case_reference text,
  -- What creating the request granted the recipient unit on the case (see requests/sharing.ts).
  case_shared boolean NOT NULL DEFAULT false,
  identity_shared boolean NOT NULL DEFAULT false,
  due_at timestamptz NOT NULL,
  -- A reopened request starts a new round with a new due date; escalations are counted per round.
  round integer NOT NULL DEFAULT 1 CHECK (round >= 1),
  escalation_level integer NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2),
  -- First acknowledgement and first answer (response-time figures); kept when a request is reopened.
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users (id),
  answered_at timestamptz,
  answered_by uuid REFERENCES users (id),
  closed_at timestamptz,
  declined_at timestamptz,
  decline_reason text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false,
  CONSTRAINT unit_requests_two_units CHECK (from_unit_id <> to_unit_id),
  CONSTRAINT unit_requests_decline_reason CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
);
CREATE INDEX unit_requests_to_idx ON unit_requests (to_unit_id, status, due_at);
CREATE INDEX unit_requests_from_idx ON unit_requests (from_unit_id, status, due_at);
CREATE INDEX unit_requests_open_due_idx ON unit_requests (due_at)
  WHERE status IN ('sent', 'acknowledged', 'in_progress');
CREATE INDEX unit_requests_state_idx ON unit_requests (state_lgd, created_at DESC);
CREATE INDEX unit_requests_to_state_idx ON unit_requests (to_state_lgd, created_at DESC);
CREATE INDEX unit_requests_case_idx ON unit_requests (case_id) WHERE case_id IS NOT NULL;

-- The people a request concerns, as pseudonymous snapshots: the recipient needs no access to the case to
-- know "V-7KQ2, girl of 14, home district Ranchi".
CREATE TABLE request_persons (
  request_id uuid NOT NULL REFERENCES unit_requests (id),
  person_id uuid NOT NULL REFERENCES case_persons (id),
  role person_role NOT NULL,
  pseudonym text NOT NULL,
  sex person_sex NOT NULL,
  age_years integer,
  home_district_lgd integer REFERENCES districts (lgd_code),
  PRIMARY KEY (request_id, person_id)
);

-- The thread: messages, and the events of the request's life (event set, body optional).
CREATE TABLE request_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  request_id uuid NOT NULL REFERENCES unit_requests (id),
  event text CHECK (event IN ('acknowledged', 'started', 'answered', 'declined', 'closed', 'reopened', 'escalated')),
  body text CHECK (body IS NULL OR length(body) BETWEEN 1 AND 10000),
  author_id uuid REFERENCES users (id),
  -- Names as they were: the other State cannot read the author's account under RLS.
  author_name text,
  author_unit_id uuid REFERENCES units (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT request_messages_content CHECK (event IS NOT NULL OR body IS NOT NULL)
);
CREATE INDEX request_messages_request_idx ON request_messages (request_id, seq);

CREATE TABLE request_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES unit_requests (id),
  -- NULL: attached to the request itself when it was sent.
  message_id uuid REFERENCES request_messages (id),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_attachments_request_idx ON request_attachments (request_id);
CREATE TABLE request_attachment_contents (
  attachment_id uuid PRIMARY KEY REFERENCES request_attachments (id),
  content bytea NOT NULL
);

-- One row per escalation step: level 1 to the recipient State's nodal office, level 2 to the Nodal Cell.
CREATE TABLE request_escalations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES unit_requests (id),
  round integer NOT NULL,
  level integer NOT NULL CHECK (level IN (1, 2)),
  to_unit_id uuid REFERENCES units (id),
  due_at timestamptz NOT NULL,
  escalated_at timestamptz NOT NULL,
  UNIQUE (request_id, round, level)
);

-- Visible to the two units and to oversight of either side. A plain SQL function, so it is inlined.
CREATE FUNCTION app_request_visible(from_unit uuid, to_unit uuid, from_state integer, from_district integer,
  to_state integer, to_district integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT from_unit = (SELECT app_user_unit()) OR to_unit = (SELECT app_user_unit())
    OR coalesce((SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'auditor')
       AND (app_in_jurisdiction(from_state, from_district) OR app_in_jurisdiction(to_state, to_district)), false)
$$;
GRANT EXECUTE ON FUNCTION app_request_visible(uuid, uuid, integer, integer, integer, integer) TO setu_app;

ALTER TABLE unit_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY unit_requests_visible ON unit_requests FOR SELECT TO setu_app USING (
  app_request_visible(from_unit_id, to_unit_id, state_lgd, district_lgd, to_state_lgd, to_district_lgd)
);
CREATE POLICY unit_requests_sent ON unit_requests FOR INSERT TO setu_app WITH CHECK (
  from_unit_id = (SELECT app_user_unit()) AND created_by = (SELECT app_user_id())
  AND (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer', 'ngo_caseworker')
);
-- Only the two units change a request; which of them may make which change is the service's rule.
CREATE POLICY unit_requests_worked ON unit_requests FOR UPDATE TO setu_app
  USING (from_unit_id = (SELECT app_user_unit()) OR to_unit_id = (SELECT app_user_unit()))
  WITH CHECK (from_unit_id = (SELECT app_user_unit()) OR to_unit_id = (SELECT app_user_unit()));
GRANT SELECT, INSERT ON unit_requests TO setu_app;
GRANT UPDATE (status, due_at, round, escalation_level, acknowledged_at, acknowledged_by, answered_at, answered_by,
  closed_at, declined_at, decline_reason, updated_at) ON unit_requests TO setu_app;
GRANT USAGE ON SEQUENCE unit_request_number_seq TO setu_app;

ALTER TABLE request_persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY request_persons_visible ON request_persons FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM unit_requests r WHERE r.id = request_persons.request_id));
CREATE POLICY request_persons_written ON request_persons FOR INSERT TO setu_app WITH CHECK (
  EXISTS (SELECT 1 FROM unit_requests r WHERE r.id = request_persons.request_id AND r.created_by = (SELECT app_user_id()))
);
GRANT SELECT, INSERT ON request_persons TO setu_app;

ALTER TABLE request_messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY request_messages_visible ON request_messages FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM unit_requests r WHERE r.id = request_messages.request_id));
CREATE POLICY request_messages_written ON request_messages FOR INSERT TO setu_app WITH CHECK (
  author_id = (SELECT app_user_id())
  AND EXISTS (SELECT 1 FROM unit_requests r WHERE r.id = request_messages.request_id)
  AND (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer', 'ngo_caseworker')
);
GRANT SELECT, INSERT (request_id, event, body, author_id, author_name, author_unit_id) ON request_messages TO setu_app;
GRANT USAGE ON SEQUENCE request_messages_seq_seq TO setu_app;

ALTER TABLE request_attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY request_attachments_visible ON request_attachments FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM unit_requests r WHERE r.id = request_attachments.request_id));
CREATE POLICY request_attachments_written ON request_attachments FOR INSERT TO setu_app WITH CHECK (
  uploaded_by = (SELECT app_user_id())
  AND CASE WHEN message_id IS NULL
    THEN EXISTS (SELECT 1 FROM unit_requests r WHERE r.id = request_attachments.request_id
                 AND r.created_by = (SELECT app_user_id()))
    ELSE EXISTS (SELECT 1 FROM request_messages m WHERE m.id = request_attachments.message_id
                 AND m.request_id = request_attachments.request_id AND m.author_id = (SELECT app_user_id()))
  END
);
GRANT SELECT, INSERT ON request_attachments TO setu_app;

ALTER TABLE request_attachment_contents ENABLE ROW LEVEL SECURITY;
CREATE POLICY request_attachment_contents_visible ON request_attachment_contents FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM request_attachments a WHERE a.id = request_attachment_contents.attachment_id));
CREATE POLICY request_attachment_contents_written ON request_attachment_contents FOR INSERT TO setu_app WITH CHECK (
  EXISTS (SELECT 1 FROM request_attachments a WHERE a.id = request_attachment_contents.attachment_id
          AND a.uploaded_by = (SELECT app_user_id()))
);
GRANT SELECT, INSERT ON request_attachment_contents TO setu_app;

-- Escalations are written by the escalation job (owner role) only.
ALTER TABLE request_escalations ENABLE ROW LEVEL SECURITY;
CREATE POLICY request_escalations_visible ON request_escalations FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM unit_requests r WHERE r.id = request_escalations.request_id));
GRANT SELECT ON request_escalations TO setu_app;

-- ---------------------------------------------------------------- alerts and lookouts
CREATE TYPE alert_kind AS ENUM (
  'cross_state_person_match', 'accused_seen_elsewhere', 'missing_person_match', 'district_spike', 'lookout'
);
CREATE SEQUENCE alert_number_seq;

CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE,
  kind alert_kind NOT NULL,
  -- 'system': raised by Setu itself (matching, spikes); 'user': a lookout broadcast by an officer.
  source text NOT NULL CHECK (source IN ('system', 'user')),
  severity text NOT NULL DEFAULT 'warning' CHECK (severity IN ('info', 'warning', 'critical')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  -- The place the alert is about (a lookout's crossing, a spiking district).
  state_lgd integer REFERENCES states (lgd_code),
  district_lgd integer REFERENCES districts (lgd_code),
  -- Every State involved (the place, the raiser and every recipient), for oversight under RLS.
  state_lgds integer[] NOT NULL DEFAULT '{}',
  raised_by uuid REFERENCES users (id),
  raised_by_name text,
  raised_by_unit_id uuid REFERENCES units (id),
  case_id uuid REFERENCES cases (id),
  -- A lookout's selection (route, districts, States, unit kinds) as it was asked for.
  target jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Pseudonyms, ids and counts only: never identifying details.
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  valid_until timestamptz,
  -- A system alert raised twice for the same finding stays one alert.
  dedupe_key text UNIQUE,
  closed_at timestamptz,
  closed_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false,
  CONSTRAINT alerts_source_shape CHECK (
    (source = 'user' AND raised_by IS NOT NULL AND kind = 'lookout')
    OR (source = 'system' AND raised_by IS NULL AND kind <> 'lookout')
  )
);
CREATE INDEX alerts_created_idx ON alerts (created_at DESC);
CREATE INDEX alerts_states_idx ON alerts USING gin (state_lgds);
CREATE INDEX alerts_raised_unit_idx ON alerts (raised_by_unit_id);

CREATE TABLE alert_recipients (
  alert_id uuid NOT NULL REFERENCES alerts (id),
  unit_id uuid NOT NULL REFERENCES units (id),
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users (id),
  acknowledged_by_name text,
  note text CHECK (note IS NULL OR length(note) <= 2000),
  PRIMARY KEY (alert_id, unit_id)
);
CREATE INDEX alert_recipients_unit_idx ON alert_recipients (unit_id, acknowledged_at);

-- Alerts addressed to the actor's unit, read past alert_recipients' own policy (which refers back to alerts).
CREATE FUNCTION app_alert_ids() RETURNS uuid[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(alert_id), '{}') FROM alert_recipients WHERE unit_id = app_user_unit()
$$;
GRANT EXECUTE ON FUNCTION app_alert_ids() TO setu_app;

ALTER TABLE alerts ENABLE ROW LEVEL SECURITY;
CREATE POLICY alerts_visible ON alerts FOR SELECT TO setu_app USING (
  raised_by_unit_id = (SELECT app_user_unit())
  OR id = ANY ((SELECT app_alert_ids())::uuid[])
  OR (
    (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'auditor')
    AND ((SELECT app_scope_level()) = 'national'
         OR ((SELECT app_scope_level()) = 'state' AND (SELECT app_scope_state()) = ANY (state_lgds)))
  )
);
CREATE POLICY alerts_raised ON alerts FOR INSERT TO setu_app WITH CHECK (
  source = 'user' AND raised_by = (SELECT app_user_id()) AND raised_by_unit_id = (SELECT app_user_unit())
  AND (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer')
);
-- Closed by the raising unit, or by the State nodal officer of an involved State, or nationally.
CREATE POLICY alerts_closed ON alerts FOR UPDATE TO setu_app USING (
  raised_by_unit_id = (SELECT app_user_unit())
  OR ((SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer')
      AND ((SELECT app_scope_level()) = 'national' OR (SELECT app_scope_state()) = ANY (state_lgds)))
);
GRANT SELECT, INSERT ON alerts TO setu_app;
GRANT UPDATE (status, closed_at, closed_by) ON alerts TO setu_app;
GRANT USAGE ON SEQUENCE alert_number_seq TO setu_app;

ALTER TABLE alert_recipients ENABLE ROW LEVEL SECURITY;
CREATE POLICY alert_recipients_visible ON alert_recipients FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM alerts a WHERE a.id = alert_recipients.alert_id));
CREATE POLICY alert_recipients_added ON alert_recipients FOR INSERT TO setu_app WITH CHECK (
  EXISTS (SELECT 1 FROM alerts a WHERE a.id = alert_recipients.alert_id AND a.raised_by = (SELECT app_user_id()))
);
CREATE POLICY alert_recipients_acknowledged ON alert_recipients FOR UPDATE TO setu_app
  USING (unit_id = (SELECT app_user_unit())) WITH CHECK (unit_id = (SELECT app_user_unit()));
GRANT SELECT, INSERT (alert_id, unit_id) ON alert_recipients TO setu_app;
GRANT UPDATE (acknowledged_at, acknowledged_by, acknowledged_by_name, note) ON alert_recipients TO setu_app;

-- ---------------------------------------------------------------- notifications
-- Addressed to a unit (every active account of the unit gets it) or to one account.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid REFERENCES units (id),
  user_id uuid REFERENCES users (id),
  -- The event type, e.g. request.created; webhook subscriptions choose by it.
  kind text NOT NULL CHECK (kind ~ '^[a-z_]+\.[a-z_]+$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  -- Shown in the inbox only; e-mails and webhooks carry the title and the link, not the body.
  body text CHECK (body IS NULL OR length(body) <= 2000),
  link text,
  object_type text,
  object_id text,
  send_email boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notifications_one_addressee CHECK ((unit_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX notifications_unit_idx ON notifications (unit_id, created_at DESC) WHERE unit_id IS NOT NULL;
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC) WHERE user_id IS NOT NULL;

CREATE TABLE notification_reads (
  notification_id uuid NOT NULL REFERENCES notifications (id),
  user_id uuid NOT NULL REFERENCES users (id),
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, user_id)
);
CREATE INDEX notification_reads_user_idx ON notification_reads (user_id);

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notifications_own ON notifications FOR SELECT TO setu_app
  USING (unit_id = (SELECT app_user_unit()) OR user_id = (SELECT app_user_id()));
-- A signed-in action notifies others (the other unit of a request, an alert's recipients); the services
-- decide whom. Without SELECT on others' notifications, an INSERT cannot use RETURNING.
CREATE POLICY notifications_sent ON notifications FOR INSERT TO setu_app
  WITH CHECK (created_by = (SELECT app_user_id()));
GRANT SELECT, INSERT (unit_id, user_id, kind, title, body, link, object_type, object_id, send_email, created_by)
  ON notifications TO setu_app;

ALTER TABLE notification_reads ENABLE ROW LEVEL SECURITY;
CREATE POLICY notification_reads_own ON notification_reads TO setu_app
  USING (user_id = (SELECT app_user_id()))
  WITH CHECK (user_id = (SELECT app_user_id())
              AND EXISTS (SELECT 1 FROM notifications n WHERE n.id = notification_reads.notification_id));
GRANT SELECT, INSERT ON notification_reads TO setu_app;

-- E-mail outbox, sent by the job (src/modules/notifications/mail.ts). The app role has no access at all.
CREATE TABLE email_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id uuid NOT NULL REFERENCES notifications (id),
  user_id uuid NOT NULL REFERENCES users (id),
  to_address text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'expired')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (notification_id, user_id)
);
CREATE INDEX email_outbox_due_idx ON email_outbox (next_attempt_at) WHERE status = 'pending';
ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY;

-- ---------------------------------------------------------------- outbound webhooks
CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES units (id),
  url text NOT NULL CHECK (url ~ '^https?://'),
  -- The signing secret, sealed with the server key; shown once when created or rotated.
  secret_encrypted text NOT NULL,
  secret_prefix text NOT NULL,
  event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
  description text,
  active boolean NOT NULL DEFAULT true,
  consecutive_failures integer NOT NULL DEFAULT 0,
  disabled_at timestamptz,
  disabled_reason text,
  last_success_at timestamptz,
  last_failure_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX webhook_subscriptions_unit_idx ON webhook_subscriptions (unit_id) WHERE deleted_at IS NULL;

CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id),
  notification_id uuid REFERENCES notifications (id),
  event text NOT NULL,
  -- The JSON body, fixed when the event happened; every attempt sends the same bytes.
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, notification_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_subscription_idx ON webhook_deliveries (subscription_id, created_at DESC);

CREATE TABLE webhook_delivery_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id),
  attempted_at timestamptz NOT NULL,
  status_code integer,
  error text,
  duration_ms integer NOT NULL
);
CREATE INDEX webhook_delivery_attempts_delivery_idx ON webhook_delivery_attempts (delivery_id, id);

-- A unit's own officers manage its subscriptions; system administrators those of units in their jurisdiction.
CREATE FUNCTION app_can_manage_webhooks(target_unit uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(
    (target_unit = app_user_unit()
      AND app_user_role() IN ('district_officer', 'state_nodal_officer', 'liaison_officer', 'ngo_caseworker'))
    OR (app_user_role() = 'system_admin' AND EXISTS (
      SELECT 1 FROM units un WHERE un.id = target_unit AND app_in_jurisdiction(un.state_lgd, un.district_lgd)
        AND (un.level <> 'national' OR app_scope_level() = 'national'))),
    false)
$$;
GRANT EXECUTE ON FUNCTION app_can_manage_webhooks(uuid) TO setu_app;

ALTER TABLE webhook_subscriptions ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_subscriptions_managed ON webhook_subscriptions TO setu_app
  USING (app_can_manage_webhooks(unit_id)) WITH CHECK (app_can_manage_webhooks(unit_id));
-- The sealed secret never reaches the app role once written.
GRANT SELECT (id, unit_id, url, secret_prefix, event_types, description, active, consecutive_failures, disabled_at,
  disabled_reason, last_success_at, last_failure_at, created_by, created_at, deleted_at) ON webhook_subscriptions TO setu_app;
GRANT INSERT (unit_id, url, secret_encrypted, secret_prefix, event_types, description, created_by)
  ON webhook_subscriptions TO setu_app;
GRANT UPDATE (url, secret_encrypted, secret_prefix, event_types, description, active, consecutive_failures,
  disabled_at, disabled_reason, deleted_at) ON webhook_subscriptions TO setu_app;

ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_deliveries_visible ON webhook_deliveries FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.id = webhook_deliveries.subscription_id));
-- A test ping is queued by the subscription's managers.
CREATE POLICY webhook_deliveries_ping ON webhook_deliveries FOR INSERT TO setu_app WITH CHECK (
  notification_id IS NULL AND event = 'webhook.ping'
  AND EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE s.id = webhook_deliveries.subscription_id)
);
GRANT SELECT, INSERT (subscription_id, event, payload) ON webhook_deliveries TO setu_app;

ALTER TABLE webhook_delivery_attempts ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_delivery_attempts_visible ON webhook_delivery_attempts FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.id = webhook_delivery_attempts.delivery_id));
GRANT SELECT ON webhook_delivery_attempts TO setu_app;

-- Every new notification is queued for e-mail to the addressed accounts that have an address, and for
-- the addressed unit's webhook subscriptions that asked for its event type; in the same transaction.
CREATE FUNCTION notifications_fan_out() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  addressee_unit uuid;
BEGIN
  addressee_unit := coalesce(NEW.unit_id, (SELECT unit_id FROM users WHERE id = NEW.user_id));
  IF NEW.send_email THEN
    INSERT INTO email_outbox (notification_id, user_id, to_address)
    SELECT NEW.id, u.id, btrim(u.email) FROM users u
    WHERE (u.unit_id = NEW.unit_id OR u.id = NEW.user_id)
      AND u.disabled_at IS NULL AND NOT u.is_service_account AND u.email IS NOT NULL AND btrim(u.email) LIKE '%_@_%'
    ON CONFLICT DO NOTHING;
  END IF;
  INSERT INTO webhook_deliveries (subscription_id, notification_id, event, payload)
  SELECT s.id, NEW.id, NEW.kind, jsonb_build_object(
    'id', NEW.id, 'event', NEW.kind, 'createdAt', to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'unitId', addressee_unit,
    'data', jsonb_build_object('title', NEW.title, 'link', NEW.link, 'objectType', NEW.object_type, 'objectId', NEW.object_id))
  FROM webhook_subscriptions s
  WHERE s.unit_id = addressee_unit AND s.active AND s.deleted_at IS NULL AND NEW.kind = ANY (s.event_types)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER notifications_fan_out AFTER INSERT ON notifications
  FOR EACH ROW EXECUTE FUNCTION notifications_fan_out();

-- Setu's own alerts (matching, spikes), callable from a signed-in transaction or a system job alike:
-- inserts the alert, its recipients and one notification per recipient unit. Idempotent by dedupe key.
CREATE FUNCTION raise_system_alert(p_kind alert_kind, p_severity text, p_title text, p_body text,
  p_unit_ids uuid[], p_state integer, p_district integer, p_case uuid, p_details jsonb, p_dedupe text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  new_id uuid;
  ref text;
BEGIN
  IF p_dedupe IS NOT NULL THEN
    SELECT id INTO new_id FROM alerts WHERE dedupe_key = p_dedupe;
    IF FOUND THEN RETURN new_id; END IF;
  END IF;
  ref := 'AL-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('alert_number_seq')::text, 6, '0');
  INSERT INTO alerts (reference, kind, source, severity, title, body, state_lgd, district_lgd, state_lgds, case_id,
    details, dedupe_key)
  VALUES (ref, p_kind, 'system', p_severity, p_title, p_body, p_state, p_district,
    (SELECT coalesce(array_agg(DISTINCT s ORDER BY s), '{}') FROM (
       SELECT un.state_lgd AS s FROM units un WHERE un.id = ANY (p_unit_ids) AND un.state_lgd IS NOT NULL
       UNION SELECT p_state WHERE p_state IS NOT NULL) states_involved),
    p_case, coalesce(p_details, '{}'::jsonb), p_dedupe)
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING id INTO new_id;
  IF new_id IS NULL THEN
    SELECT id INTO new_id FROM alerts WHERE dedupe_key = p_dedupe;
    RETURN new_id;
  END IF;
  INSERT INTO alert_recipients (alert_id, unit_id) SELECT DISTINCT new_id, un.id FROM units un WHERE un.id = ANY (p_unit_ids);
  INSERT INTO notifications (unit_id, kind, title, body, link, object_type, object_id)
  SELECT DISTINCT un.id, 'alert.raised', 'Alert ' || ref || ': ' || p_title, left(p_body, 2000), '/alerts/' || new_id,
    'alert', new_id::text
  FROM units un WHERE un.id = ANY (p_unit_ids);
  RETURN new_id;
END $$;
GRANT EXECUTE ON FUNCTION raise_system_alert(alert_kind, text, text, text, uuid[], integer, integer, uuid, jsonb, text)
  TO setu_app;

-- ---------------------------------------------------------------- coordination meetings
CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state_lgd integer NOT NULL REFERENCES states (lgd_code),
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  held_on date NOT NULL,
  location text,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  minutes text CHECK (minutes IS NULL OR length(minutes) <= 50000),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false
);
CREATE INDEX meetings_state_idx ON meetings (state_lgd, held_on DESC);

CREATE TABLE meeting_agenda_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  state_lgd integer NOT NULL,
  position integer NOT NULL CHECK (position >= 1),
  kind text NOT NULL CHECK (kind IN ('overdue_request', 'open_alert', 'other')),
  request_id uuid REFERENCES unit_requests (id),
  alert_id uuid REFERENCES alerts (id),
  -- As it stood when the agenda was drawn up.
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  note text CHECK (note IS NULL OR length(note) <= 2000),
  UNIQUE (meeting_id, position)
);

CREATE TABLE meeting_action_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id),
  state_lgd integer NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 300),
  description text CHECK (description IS NULL OR length(description) <= 5000),
  owner_user_id uuid REFERENCES users (id),
  owner_unit_id uuid REFERENCES units (id),
  -- The owner's name as assigned (accounts of other units are not readable under RLS).
  owner_name text NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_at timestamptz,
  done_by uuid REFERENCES users (id),
  done_note text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT meeting_action_items_owner CHECK (owner_user_id IS NOT NULL OR owner_unit_id IS NOT NULL)
);
CREATE INDEX meeting_action_items_open_idx ON meeting_action_items (state_lgd, due_on) WHERE status = 'open';
CREATE INDEX meeting_action_items_meeting_idx ON meeting_action_items (meeting_id);

-- The State's nodal officer runs its meetings; the Nodal Cell's analysts can run any State's.
CREATE FUNCTION app_can_run_meeting(meeting_state integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    ((SELECT app_user_role()) = 'state_nodal_officer' AND (SELECT app_scope_level()) = 'state'
      AND (SELECT app_scope_state()) = meeting_state)
    OR ((SELECT app_user_role()) = 'national_analyst' AND (SELECT app_scope_level()) = 'national'),
    false)
$$;
GRANT EXECUTE ON FUNCTION app_can_run_meeting(integer) TO setu_app;

ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
CREATE POLICY meetings_visible ON meetings FOR SELECT TO setu_app USING (
  (SELECT app_user_role()) IN ('national_analyst', 'state_nodal_officer', 'district_officer', 'liaison_officer', 'auditor')
  AND ((SELECT app_scope_level()) = 'national' OR (SELECT app_scope_state()) = state_lgd)
);
CREATE POLICY meetings_run ON meetings FOR INSERT TO setu_app WITH CHECK (app_can_run_meeting(state_lgd));
CREATE POLICY meetings_edited ON meetings FOR UPDATE TO setu_app
  USING (app_can_run_meeting(state_lgd)) WITH CHECK (app_can_run_meeting(state_lgd));
GRANT SELECT, INSERT ON meetings TO setu_app;
GRANT UPDATE (title, held_on, location, status, minutes, updated_at) ON meetings TO setu_app;

ALTER TABLE meeting_agenda_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY meeting_agenda_visible ON meeting_agenda_items FOR SELECT TO setu_app
  USING (EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_agenda_items.meeting_id));
CREATE POLICY meeting_agenda_written ON meeting_agenda_items FOR ALL TO setu_app
  USING (app_can_run_meeting(state_lgd)) WITH CHECK (app_can_run_meeting(state_lgd));
GRANT SELECT, INSERT, DELETE ON meeting_agenda_items TO setu_app;
GRANT UPDATE (position, title, note) ON meeting_agenda_items TO setu_app;

ALTER TABLE meeting_action_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY meeting_actions_visible ON meeting_action_items FOR SELECT TO setu_app USING (
  EXISTS (SELECT 1 FROM meetings m WHERE m.id = meeting_action_items.meeting_id)
  OR owner_unit_id = (SELECT app_user_unit()) OR owner_user_id = (SELECT app_user_id())
);
CREATE POLICY meeting_actions_written ON meeting_action_items FOR INSERT TO setu_app
  WITH CHECK (app_can_run_meeting(state_lgd));
-- The meeting's chair edits an item; its owner marks it done.
CREATE POLICY meeting_actions_followed ON meeting_action_items FOR UPDATE TO setu_app USING (
  app_can_run_meeting(state_lgd) OR owner_unit_id = (SELECT app_user_unit()) OR owner_user_id = (SELECT app_user_id())
);
GRANT SELECT, INSERT ON meeting_action_items TO setu_app;
GRANT UPDATE (title, description, owner_user_id, owner_unit_id, owner_name, due_on, status, done_at, done_by,
  done_note, updated_at) ON meeting_action_items TO setu_app;
