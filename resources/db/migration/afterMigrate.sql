-- Runs after every migration step, also when there was nothing to migrate (Flyway's afterMigrate callback):
-- puts back the ledger's time index if a demo load, which builds it once at the end, was cut short before
-- it could (a full disk, say). Plain SQL that H2 and PostgreSQL both read; costs nothing when it is there.
CREATE INDEX IF NOT EXISTS ledger_created_idx ON ledger_entry (created_at);
