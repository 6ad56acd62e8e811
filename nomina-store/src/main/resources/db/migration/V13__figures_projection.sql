-- The figures projection (issue 9): one short row per person with what `figures` needs of them for every
-- incident (org.nomina.store.figures.FiguresProjection describes the encoding of `facts`), and the state of
-- the register it was written for. `figures` reads it instead of every source record while the fingerprint
-- still names the register, and writes it again otherwise. Derived data only: dropping both tables' rows
-- loses nothing. Portable SQL: runs unchanged on H2 (2.x) and PostgreSQL (13+).
CREATE TABLE figures_person (
    person_id       BIGINT NOT NULL PRIMARY KEY,
    facts           VARCHAR(1000000) NOT NULL,
    resident_places VARCHAR(1000000) NOT NULL
);

CREATE TABLE figures_projection (
    id          INT           NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(1000) NOT NULL,
    persons     BIGINT        NOT NULL,
    built_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
