ALTER TABLE "organizations" ADD COLUMN "config_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Enters an organisation for the transaction and answers its configuration version in the same
-- round trip. An invoker's function: the organisation row is read under the policy just set.
CREATE OR REPLACE FUNCTION frontline_enter_org(org uuid) RETURNS bigint
  LANGUAGE plpgsql VOLATILE
  AS $$
BEGIN
  PERFORM set_config('app.org_id', org::text, true);
  RETURN (SELECT o.config_version FROM organizations o WHERE o.org_id = org);
END
$$;
--> statement-breakpoint
-- Any change to the configuration that processes keep in memory moves the version on, inside the
-- changing transaction: others see the new version exactly when they can see the change.
CREATE OR REPLACE FUNCTION frontline_bump_config_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE organizations SET config_version = config_version + 1
    WHERE org_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER rules_config_version AFTER INSERT OR UPDATE OR DELETE ON rules
  FOR EACH ROW EXECUTE FUNCTION frontline_bump_config_version();
--> statement-breakpoint
CREATE TRIGGER sla_policies_config_version AFTER INSERT OR UPDATE OR DELETE ON sla_policies
  FOR EACH ROW EXECUTE FUNCTION frontline_bump_config_version();
--> statement-breakpoint
CREATE TRIGGER custom_field_defs_config_version AFTER INSERT OR UPDATE OR DELETE ON custom_field_defs
  FOR EACH ROW EXECUTE FUNCTION frontline_bump_config_version();
--> statement-breakpoint
CREATE TRIGGER escalation_phrases_config_version AFTER INSERT OR UPDATE OR DELETE ON escalation_phrases
  FOR EACH ROW EXECUTE FUNCTION frontline_bump_config_version();
