-- Counting gone creators reads this index instead of the whole table (H2 has no partial index).
CREATE INDEX rescrape_creators_gone_idx ON rescrape_creators (gone_since);
