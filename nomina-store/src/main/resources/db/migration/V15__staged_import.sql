-- The staged import (issue 8): an import commits its rows in batches into a version marked incomplete and
-- makes the version visible at the end in one short transaction (org.nomina.store.StagedImports).
-- complete:        false while the import runs (and after a crash, until the next open removes it).
-- first_record_id: no record of the version has a smaller id; readers hide records from the smallest
--                  first_record_id of the incomplete versions on, so no half import is ever counted.
-- new_source:      the import created the source, so removing the incomplete version removes the source too.
-- incident.staged_by: the incomplete version whose rows named this incident first; NULL once it completes.
-- Every version written before is complete. Portable SQL: runs unchanged on H2 (2.x) and PostgreSQL (13+).
ALTER TABLE source_version ADD COLUMN complete BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE source_version ADD COLUMN first_record_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE source_version ADD COLUMN new_source BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE incident ADD COLUMN staged_by BIGINT;
