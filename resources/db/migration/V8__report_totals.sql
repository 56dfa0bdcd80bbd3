-- The reward liability without reading every balance: the ledger's running totals of stamps and points
-- kept with the report summaries (the sums of all balances), from which the balances of members that are
-- not active (found through the new index on member.status) are taken away. The summaries are read
-- again from the start once, so the totals include every entry.
ALTER TABLE report_state ADD COLUMN open_stamps BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_state ADD COLUMN open_points BIGINT DEFAULT 0 NOT NULL;
DELETE FROM report_person;
DELETE FROM report_day;
DELETE FROM report_state;
CREATE INDEX member_status_idx ON member (status);
