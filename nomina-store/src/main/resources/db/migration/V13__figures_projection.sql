-- The figures projection (issue 9): what `figures` needs of every person for every incident, one line per
-- person (org.nomina.store.figures.FiguresProjection describes the line), the lines of consecutive persons
-- kept together in chunks of at most 256,000 characters, and the state of the register it was written for.
-- `figures` reads it instead of every source record while the fingerprint still names the register, and
-- writes it again otherwise. In chunks, not a row per person: reading a million rows of H2 cost more CPU
-- than the whole of figures may take. Derived data only: deleting its rows loses nothing. Portable SQL: runs
-- unchanged on H2 (2.x) and PostgreSQL (13+).
CREATE TABLE figures_chunk (
    chunk   INT              NOT NULL PRIMARY KEY,
    persons INT              NOT NULL,
    lines   VARCHAR(1000000) NOT NULL
);

CREATE TABLE figures_projection (
    id          INT           NOT NULL PRIMARY KEY,
    fingerprint VARCHAR(1000) NOT NULL,
    persons     BIGINT        NOT NULL,
    built_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
