CREATE SCHEMA "platform";
--> statement-breakpoint
CREATE TABLE "platform"."rate_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"level" double precision NOT NULL,
	"rate" double precision NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform"."rate_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"ends_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "rate_limit_per_minute" integer;--> statement-breakpoint
-- Counters are rewritten every few hundred milliseconds and worthless after a crash: no WAL for them.
ALTER TABLE "platform"."rate_buckets" SET UNLOGGED;
--> statement-breakpoint
ALTER TABLE "platform"."rate_windows" SET UNLOGGED;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "platform" TO frontline_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "platform"."rate_buckets", "platform"."rate_windows" TO frontline_app;
