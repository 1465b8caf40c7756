-- Write rules that were FOR ALL policies applied to reads too: permissive policies are OR-ed, so every row
-- read also ran app_can_edit_case() (about 0.36 ms a row; 16 s for the district-roles figure over a million
-- route events). Reading stays governed by the *_visible policies, which an editor always passes; the write
-- rules are unchanged, now one policy per command the app role is granted.
DROP POLICY case_route_written ON case_route_events;
CREATE POLICY case_route_inserted ON case_route_events FOR INSERT TO setu_app
  WITH CHECK (app_can_edit_case(case_id));
CREATE POLICY case_route_updated ON case_route_events FOR UPDATE TO setu_app
  USING (app_can_edit_case(case_id)) WITH CHECK (app_can_edit_case(case_id));
CREATE POLICY case_route_deleted ON case_route_events FOR DELETE TO setu_app
  USING (app_can_edit_case(case_id));

DROP POLICY case_shares_written ON case_shares;
CREATE POLICY case_shares_inserted ON case_shares FOR INSERT TO setu_app
  WITH CHECK (app_can_edit_case(case_id));
CREATE POLICY case_shares_updated ON case_shares FOR UPDATE TO setu_app
  USING (app_can_edit_case(case_id)) WITH CHECK (app_can_edit_case(case_id));

DROP POLICY case_links_written ON case_links;
CREATE POLICY case_links_inserted ON case_links FOR INSERT TO setu_app
  WITH CHECK (app_can_edit_case(case_id));
CREATE POLICY case_links_deleted ON case_links FOR DELETE TO setu_app
  USING (app_can_edit_case(case_id));
-- Linking again changes the relation or note (INSERT … ON CONFLICT DO UPDATE), which needs UPDATE.
CREATE POLICY case_links_updated ON case_links FOR UPDATE TO setu_app
  USING (app_can_edit_case(case_id)) WITH CHECK (app_can_edit_case(case_id));
GRANT UPDATE (relation, note) ON case_links TO setu_app;

DROP POLICY meeting_agenda_written ON meeting_agenda_items;
CREATE POLICY meeting_agenda_inserted ON meeting_agenda_items FOR INSERT TO setu_app
  WITH CHECK (app_can_run_meeting(state_lgd));
CREATE POLICY meeting_agenda_updated ON meeting_agenda_items FOR UPDATE TO setu_app
  USING (app_can_run_meeting(state_lgd)) WITH CHECK (app_can_run_meeting(state_lgd));
CREATE POLICY meeting_agenda_deleted ON meeting_agenda_items FOR DELETE TO setu_app
  USING (app_can_run_meeting(state_lgd));
