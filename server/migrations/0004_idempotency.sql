CREATE TABLE "idempotency_keys" (
	"org_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_org_id_key_hash_pk" PRIMARY KEY("org_id","key_hash")
);
