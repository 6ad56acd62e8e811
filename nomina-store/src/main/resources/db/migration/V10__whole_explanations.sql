-- A review pair's per-field explanation is stored whole, as JSON that parses: VARCHAR(10000) made the
-- writer cut long explanations mid-value. (SET DATA TYPE is accepted by both H2 and PostgreSQL.)
ALTER TABLE match_pair ALTER COLUMN contributions SET DATA TYPE VARCHAR(1000000);
