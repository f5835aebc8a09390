-- Calendars join the configuration processes keep in memory (org-config.ts): a change to a calendar,
-- the customer regions it serves or the teams it counts for moves the organisation's version on.
CREATE TRIGGER business_calendars_config_version AFTER INSERT OR UPDATE OR DELETE ON business_calendars
  FOR EACH ROW EXECUTE FUNCTION frontline_bump_config_version();
--> statement-breakpoint
CREATE TRIGGER calendar_customer_regions_config_version AFTER INSERT OR UPDATE OR DELETE ON calendar_customer_regions
  FOR EACH ROW EXECUTE FUNCTION frontline_bump_config_version();
--> statement-breakpoint
CREATE TRIGGER team_calendars_config_version AFTER INSERT OR UPDATE OR DELETE ON team_calendars
  FOR EACH ROW EXECUTE FUNCTION frontline_bump_config_version();
