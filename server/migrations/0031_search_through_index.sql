-- Under forced row-level security PostgreSQL may not evaluate the text-search match (`@@`, not
-- leakproof) inside an index scan before the tenant policy, so the (org_id, tsv) GIN index went
-- unused and every search read every organisation's documents. This function does the matching as
-- the tables' owner, which row-level security does not hold back when it is a superuser (embedded,
-- and the usual server setup), and filters by the transaction's tenant itself, exactly as the policy
-- would: without a tenant set it finds nothing. Under an owner that RLS does hold back, it still
-- answers the same, only without the index.
-- ROWS: a search finds tens to a few thousand tickets, not the planner's default guess of 1,000 that
-- made it hash the organisation's whole ticket table instead of looking the matches up by key.
CREATE OR REPLACE FUNCTION frontline_search_tickets(q tsquery) RETURNS TABLE (ticket_id uuid, rank real)
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 100
  SET search_path = public, pg_catalog
  AS $$
  SELECT ts.ticket_id, ts_rank(ts.tsv, q) FROM public.ticket_search ts
  WHERE ts.org_id = public.frontline_current_org() AND ts.tsv @@ q
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION frontline_search_tickets(tsquery) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION frontline_search_tickets(tsquery) TO frontline_app;
