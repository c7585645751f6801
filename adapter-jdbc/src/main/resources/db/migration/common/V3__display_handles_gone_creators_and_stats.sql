-- Issue #4: display handles, gone creators, stats history.

-- The handle as the user first wrote it (case kept, no '@' or URL); rows added before this
-- version show their normalised handle.
ALTER TABLE rescrape_creators ADD COLUMN display_handle VARCHAR(64);
UPDATE rescrape_creators SET display_handle = handle;
ALTER TABLE rescrape_creators ALTER COLUMN display_handle SET NOT NULL;

-- NOT_FOUND answers since the last visit, counted once per job date; all NULL when there were
-- none. gone_since is set once they reach the configured count: the creator leaves the schedule.
ALTER TABLE rescrape_creators ADD COLUMN not_found_dates INTEGER;
ALTER TABLE rescrape_creators ADD COLUMN first_not_found_on DATE;
ALTER TABLE rescrape_creators ADD COLUMN last_not_found_on DATE;
ALTER TABLE rescrape_creators ADD COLUMN gone_since TIMESTAMP WITH TIME ZONE;

-- One row per successful scrape, for growth charts. The key makes a batch written twice add
-- nothing; pruning deletes by scraped_at.
CREATE TABLE rescrape_creator_stats (
    creator_id  BIGINT                   NOT NULL REFERENCES rescrape_creators (id) ON DELETE CASCADE,
    scraped_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    followers   BIGINT,
    following   BIGINT,
    posts       BIGINT,
    likes       BIGINT,
    approximate BOOLEAN                  NOT NULL,
    PRIMARY KEY (creator_id, scraped_at)
);

CREATE INDEX rescrape_creator_stats_scraped_at_idx ON rescrape_creator_stats (scraped_at);
