SELECT frontline_secure_tenant_table('idempotency_keys');
