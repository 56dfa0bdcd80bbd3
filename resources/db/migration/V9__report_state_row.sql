-- The report summaries' one state row exists from the start, so two tills refreshing the summaries for
-- the first time at once queue on its lock instead of both inserting it. Its empty zone makes the first
-- refresh read the ledger from the beginning.
INSERT INTO report_state (id, last_entry, zone, open_stamps, open_points)
SELECT 1, 0, '', 0, 0 WHERE NOT EXISTS (SELECT 1 FROM report_state);
