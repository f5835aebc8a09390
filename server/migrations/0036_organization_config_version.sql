-- The organisation's own row (name, address, support email, time zone, request limit) is kept in
-- memory beside its configuration, so changing it moves the configuration version on, in the same
-- row and transaction. The version's own moves are left alone: they already are one.
CREATE OR REPLACE FUNCTION frontline_organization_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.config_version := OLD.config_version + 1;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_config_version BEFORE UPDATE ON organizations
  FOR EACH ROW
  WHEN (OLD.config_version = NEW.config_version AND OLD.* IS DISTINCT FROM NEW.*)
  EXECUTE FUNCTION frontline_organization_changed();
