-- The storage parameter is set in place: rebuilding the search index of a large database would block
-- writing tickets for minutes. The setting bounds the pending list from the next insert on.
ALTER INDEX "ticket_search_org_tsv_idx" SET (gin_pending_list_limit = 256);
