-- The ledger is hash-chained, as audit logs are, so that an entry edited, removed or inserted behind the
-- program's back is found (app.stempel.ledger.LedgerChain computes the hashes; IntegrityCheck checks them).
-- Each entry carries the id and hash of the entry before it in the chain (NULL for the first) and its own
-- hash: SHA-256 of its content together with prev_id and prev_hash, as its 32 bytes (hex text would take
-- twice the room in every entry). The entry's own id is not part
-- of its hash: it is given by the database when the row is inserted, and the next entry's prev_id (which
-- that entry's hash covers) pins it down instead.
ALTER TABLE ledger_entry ADD COLUMN prev_id BIGINT;
ALTER TABLE ledger_entry ADD COLUMN prev_hash BYTEA;
ALTER TABLE ledger_entry ADD COLUMN entry_hash BYTEA;

-- The chain's end: the last entry's id and hash, in one row. A writer locks this row before it adds an
-- entry (SELECT ... FOR UPDATE) and moves it in the same transaction, so two tills writing at once queue
-- here instead of forking the chain, and entries join the chain in the order of their ids. A writer locks
-- the balances it changes before this row, never after, so writers cannot deadlock on it.
CREATE TABLE ledger_head (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_id   BIGINT,
    last_hash BYTEA
);
INSERT INTO ledger_head (id, last_id, last_hash)
SELECT 1, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM ledger_head);
-- Entries written before this version are chained once, by the Java migration V10_1 (db.migration), in
-- the same upgrade.
