-- Every authenticated request starts by finding its session (or API token) and the user behind it.
-- Done as one statement, it is one round trip instead of six (begin, the lookup setting, the session,
-- the tenant setting, the user, commit). Invoker's functions: the same lookup and tenant policies
-- decide what they may read, in the same order the application used to set them. The settings are
-- transaction-local, so called outside a transaction they end with the statement.
CREATE OR REPLACE FUNCTION frontline_session_actor(hash text)
  RETURNS TABLE (org_id uuid, session_id uuid, user_id uuid, csrf_token text, last_seen_at timestamptz,
    expires_at timestamptz, revoked_at timestamptz, user_name text, user_role text, user_active boolean)
  LANGUAGE plpgsql VOLATILE
  AS $$
#variable_conflict use_column
DECLARE
  found_session sessions%ROWTYPE;
BEGIN
  PERFORM set_config('app.session_hash', hash, true);
  SELECT * INTO found_session FROM sessions s WHERE s.token_hash = hash LIMIT 1;
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM set_config('app.org_id', found_session.org_id::text, true);
  RETURN QUERY SELECT found_session.org_id, found_session.id, found_session.user_id, found_session.csrf_token,
      found_session.last_seen_at, found_session.expires_at, found_session.revoked_at, u.name, u.role, u.active
    FROM users u WHERE u.org_id = found_session.org_id AND u.id = found_session.user_id;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION frontline_api_token_actor(hash text)
  RETURNS TABLE (org_id uuid, token_id uuid, user_id uuid, last_used_at timestamptz, expires_at timestamptz,
    revoked_at timestamptz, user_name text, user_role text, user_active boolean)
  LANGUAGE plpgsql VOLATILE
  AS $$
#variable_conflict use_column
DECLARE
  found_token api_tokens%ROWTYPE;
BEGIN
  PERFORM set_config('app.api_token_hash', hash, true);
  SELECT * INTO found_token FROM api_tokens t WHERE t.token_hash = hash LIMIT 1;
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM set_config('app.org_id', found_token.org_id::text, true);
  RETURN QUERY SELECT found_token.org_id, found_token.id, found_token.user_id, found_token.last_used_at,
      found_token.expires_at, found_token.revoked_at, u.name, u.role, u.active
    FROM users u WHERE u.org_id = found_token.org_id AND u.id = found_token.user_id;
END
$$;
