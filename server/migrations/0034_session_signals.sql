-- Processes keep the sessions and API tokens they have checked in memory for a short while (decision
-- 033). Any change that can end a session or a token, or change who it acts as, signals every
-- process on the database, whichever code (or operator) made it: the signal is delivered when the
-- change commits, and each process then forgets what it kept. The payload is the organisation; the signal never says what changed.
CREATE OR REPLACE FUNCTION frontline_signal_auth_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('frontline_auth', COALESCE(NEW.org_id, OLD.org_id)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_signal_auth_change AFTER UPDATE OF revoked_at, expires_at, user_id OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION frontline_signal_auth_change();
--> statement-breakpoint
CREATE TRIGGER users_signal_auth_change AFTER UPDATE OF role, active, name OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION frontline_signal_auth_change();
--> statement-breakpoint
CREATE TRIGGER api_tokens_signal_auth_change AFTER UPDATE OF revoked_at, expires_at, user_id OR DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION frontline_signal_auth_change();
