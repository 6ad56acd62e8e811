-- The figures projection's chunks as bytes (issue 9): figures on a register of a million persons spent a quarter
-- of its time decoding and parsing V13's text lines. A chunk now holds a few thousand persons encoded as
-- variable-length integers (org.nomina.store.figures.PersonColumns describes the bytes). Derived data only: the
-- old chunks are dropped and the next `figures` or `link` writes the projection again from the records.
-- Portable SQL: BYTEA is PostgreSQL's binary type and one of H2's names for BINARY VARYING.
DELETE FROM figures_projection;
DROP TABLE figures_chunk;
CREATE TABLE figures_chunk (
    chunk   INT   NOT NULL PRIMARY KEY,
    persons INT   NOT NULL,
    data    BYTEA NOT NULL
);
