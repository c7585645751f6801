-- At most one job runs at a time (rule 9), enforced by the store across every instance.
CREATE UNIQUE INDEX rescrape_jobs_one_running_uq ON rescrape_jobs (status) WHERE status = 'RUNNING';
