-- Place search in Latin and Devanagari: each reference table carries a normalised matching key
-- (src/modules/reference/normalise.ts) next to its display name, both trigram-indexed.

ALTER TABLE states ADD COLUMN name_key text;
ALTER TABLE districts ADD COLUMN name_key text;
ALTER TABLE subdistricts ADD COLUMN name_key text;
ALTER TABLE railway_stations ADD COLUMN name_key text;
ALTER TABLE border_crossings ADD COLUMN name_key text;

CREATE INDEX states_name_trgm ON states USING gin (lower(name) gin_trgm_ops);
CREATE INDEX border_crossings_name_trgm ON border_crossings USING gin (lower(name) gin_trgm_ops);
CREATE INDEX districts_key_trgm ON districts USING gin (name_key gin_trgm_ops);
CREATE INDEX subdistricts_key_trgm ON subdistricts USING gin (name_key gin_trgm_ops);
CREATE INDEX railway_stations_key_trgm ON railway_stations USING gin (name_key gin_trgm_ops);

CREATE INDEX railway_stations_district_idx ON railway_stations (district_lgd);
CREATE INDEX border_crossings_state_idx ON border_crossings (state_lgd);

-- An import is skipped only when both its inputs and the importer that read them are unchanged:
-- `inputs` holds each file's SHA-256, `importer_version` changes when the importer's output would.
ALTER TABLE reference_imports
  ADD COLUMN importer_version integer NOT NULL DEFAULT 0,
  ADD COLUMN inputs jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN duration_ms integer;
