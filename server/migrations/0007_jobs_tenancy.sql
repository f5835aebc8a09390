SELECT frontline_secure_tenant_table('jobs');
--> statement-breakpoint
-- Workers find due jobs across organisations (read only); each claim and outcome is then written
-- inside the job's own organisation scope, under the tenant policy.
CREATE POLICY job_worker ON jobs AS PERMISSIVE FOR SELECT TO PUBLIC
  USING (current_setting('app.job_worker', true) = 'on');
