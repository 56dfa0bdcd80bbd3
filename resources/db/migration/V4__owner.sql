-- Owner mode: ledger entries the owner made (corrections, merges, erasure) say so.
ALTER TABLE ledger_entry ADD COLUMN by_owner BOOLEAN DEFAULT FALSE NOT NULL;
