-- The matches come with their document's last change, so the best page can be chosen from the
-- matches alone and only its tickets read: joining every match of a common word to its ticket
-- before ordering (12,000 lookups at a million tickets) cost more than finding them. Otherwise as
-- in migration 0031: matched as the owner, filtered by the transaction's tenant as the policy would.
DROP FUNCTION IF EXISTS frontline_search_tickets(tsquery);
--> statement-breakpoint
CREATE FUNCTION frontline_search_tickets(q tsquery)
  RETURNS TABLE (ticket_id uuid, rank real, updated_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 100
  SET search_path = public, pg_catalog
  AS $$
  SELECT ts.ticket_id, ts_rank(ts.tsv, q), ts.updated_at FROM public.ticket_search ts
  WHERE ts.org_id = public.frontline_current_org() AND ts.tsv @@ q
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION frontline_search_tickets(tsquery) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION frontline_search_tickets(tsquery) TO frontline_app;
