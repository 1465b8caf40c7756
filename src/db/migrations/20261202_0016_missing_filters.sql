-- The restoration lists filter by where a person was last seen or found (a missing_spike alert links to
-- /restoration/missing?lastSeenDistrict=<lgd>); the scope indexes lead with the registering State instead.
CREATE INDEX missing_reports_last_seen_idx ON missing_reports (last_seen_district_lgd, reported_on DESC);
CREATE INDEX found_persons_found_district_idx ON found_persons (found_district_lgd, found_on DESC);
