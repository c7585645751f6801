-- Counting gone creators reads this small partial index instead of the whole table.
CREATE INDEX rescrape_creators_gone_idx ON rescrape_creators (gone_since)
    WHERE gone_since IS NOT NULL;
