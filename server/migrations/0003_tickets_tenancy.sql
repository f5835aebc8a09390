-- Row-level security for the tables of tickets, customers and custom fields (see 0001_tenancy.sql).
SELECT frontline_secure_tenant_table('custom_field_defs');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('companies');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('customers');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('customer_identities');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('ticket_counters');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('tickets');
--> statement-breakpoint
SELECT frontline_secure_tenant_table('messages');
