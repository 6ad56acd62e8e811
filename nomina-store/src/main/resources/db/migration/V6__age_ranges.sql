-- An age as a range ("30-40"): age holds the low end, age_high the high end. NULL for a single age or
-- no age, so records imported before this migration keep their digests.
ALTER TABLE source_record ADD COLUMN age_high INT;
