-- At most one job runs at a time (rule 9). H2 has no partial index, so a column that is 1 for the
-- running job and NULL otherwise carries the unique constraint (NULLs never collide).
ALTER TABLE rescrape_jobs ADD COLUMN running_marker INTEGER
    GENERATED ALWAYS AS (CASE WHEN status = 'RUNNING' THEN 1 END);
CREATE UNIQUE INDEX rescrape_jobs_one_running_uq ON rescrape_jobs (running_marker);
