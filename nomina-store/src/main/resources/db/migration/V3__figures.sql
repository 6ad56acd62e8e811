-- Figures (issue 9): what a record says beyond a person's name and fate — when its status holds, its
-- household and relation to the household's head, its parents' names, and its incident. Portable SQL:
-- runs unchanged on H2 (2.x) and PostgreSQL (13+). Old records keep the defaults: no date, no household,
-- the register's default incident (incident_id NULL).

ALTER TABLE source_record ADD COLUMN status_year INT;
ALTER TABLE source_record ADD COLUMN status_month INT;
ALTER TABLE source_record ADD COLUMN status_day INT;
ALTER TABLE source_record ADD COLUMN household VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE source_record ADD COLUMN relation VARCHAR(30) NOT NULL DEFAULT '';
ALTER TABLE source_record ADD COLUMN father_name VARCHAR(300) NOT NULL DEFAULT '';
ALTER TABLE source_record ADD COLUMN mother_name VARCHAR(300) NOT NULL DEFAULT '';
ALTER TABLE source_record ADD COLUMN incident_id BIGINT REFERENCES incident (id);

-- person show reads one person's households; figures reads every record by person.
CREATE INDEX source_record_household ON source_record (source_id, household);

ALTER TABLE incident ADD COLUMN kind VARCHAR(50) NOT NULL DEFAULT '';
CREATE UNIQUE INDEX incident_name_unique ON incident (name);
