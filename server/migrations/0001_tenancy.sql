-- Tenancy: the application runs as a non-superuser role; every tenant table has forced row-level
-- security bound to the transaction-local setting app.org_id.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'frontline_app') THEN
    CREATE ROLE frontline_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database in the same cluster created it at the same moment
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT frontline_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN
  NULL; -- a superuser needs no membership
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO frontline_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO frontline_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO frontline_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO frontline_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION frontline_current_org() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.org_id', true), '')::uuid $$;
--> statement-breakpoint
-- Every new tenant table calls this in its migration; a catalogue test fails when one does not.
CREATE OR REPLACE FUNCTION frontline_secure_tenant_table(tbl regclass) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', tbl);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s AS PERMISSIVE FOR ALL TO PUBLIC '
    'USING (org_id = frontline_current_org()) WITH CHECK (org_id = frontline_current_org())', tbl);
END
$$;
--> statement-breakpoint
SELECT frontline_secure_tenant_table('organizations');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('users');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('teams');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('team_members');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('sessions');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('api_tokens');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('audit_events');
--> statement-breakpoint
-- Lookups before the tenant is known, each limited to the rows matching a secret the caller holds.
CREATE POLICY login_lookup ON users AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (lower(email) = NULLIF(current_setting('app.login_email', true), ''));
--> statement-breakpoint
CREATE POLICY session_lookup ON sessions AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (token_hash = NULLIF(current_setting('app.session_hash', true), ''));
--> statement-breakpoint
CREATE POLICY api_token_lookup ON api_tokens AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (token_hash = NULLIF(current_setting('app.api_token_hash', true), ''));
--> statement-breakpoint
CREATE POLICY name_lookup ON organizations AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (lower(name) = lower(NULLIF(current_setting('app.org_name', true), '')));
--> statement-breakpoint
-- The audit log is append-only for the application.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM frontline_app;
