-- Removed creators: why a creator left the schedule, set exactly when gone_since is. NOT_FOUND: the
-- platform said, in the jobs of enough different dates, that it does not exist; a visit brings it
-- back. REMOVED: someone removed it; only adding its account again brings it back.
ALTER TABLE rescrape_creators ADD COLUMN gone_reason VARCHAR(16);
UPDATE rescrape_creators SET gone_reason = 'NOT_FOUND' WHERE gone_since IS NOT NULL;
-- Each branch is plainly true or false: a CHECK that comes out unknown (NULL) would let a row pass.
ALTER TABLE rescrape_creators ADD CONSTRAINT rescrape_creators_gone_reason_ck CHECK (
    (gone_since IS NULL AND gone_reason IS NULL)
    OR (gone_since IS NOT NULL AND gone_reason IS NOT NULL
        AND gone_reason IN ('NOT_FOUND', 'REMOVED')));
