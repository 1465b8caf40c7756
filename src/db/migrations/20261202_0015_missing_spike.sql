-- Early warning on missing-person reports (src/modules/analytics/early-warning.ts): a district where more
-- people than usual were last seen raises a `missing_spike` alert, apart from `district_spike` (cases).
-- Migrations run in one transaction, and PostgreSQL does not let a value added to an enum be used before
-- that transaction commits: nothing below this line, nor in a later migration, may use the new value.
ALTER TYPE alert_kind ADD VALUE IF NOT EXISTS 'missing_spike' AFTER 'district_spike';
