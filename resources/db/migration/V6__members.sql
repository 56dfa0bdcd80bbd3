-- Members: merging two records and browsing all members page by page.

-- A merge moves the source's balance to the target as a MERGE_OUT entry on the source and a MERGE_IN
-- entry on the target. MERGE_IN carries the source's visits, but it is no visit itself: it carries the
-- source's first and last visit times, and first/last visit are computed from
-- COALESCE(carried_first_visit_at, created_at) and COALESCE(carried_last_visit_at, created_at) over the
-- entries with visits > 0 that nothing cancels. other_member_id names the other record of a merge.
ALTER TABLE ledger_entry ADD COLUMN carried_first_visit_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ledger_entry ADD COLUMN carried_last_visit_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ledger_entry ADD COLUMN other_member_id BIGINT REFERENCES member (id);

-- The Members screen pages through everyone by name: keyset paging on (search_name, id).
CREATE INDEX member_browse_idx ON member (search_name, id);
CREATE INDEX member_merged_into_idx ON member (merged_into);
