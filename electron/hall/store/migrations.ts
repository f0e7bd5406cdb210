// Schema migrations, applied in order; PRAGMA user_version records how many ran. Never edit a released
// entry: append a new one.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- The append-only event log: the hall's source of truth (S-1.3). seq is the local, strictly increasing
  -- order; id is globally unique (the hall and the district platform both mint events, S-7); idem_key makes a
  -- retried command or a re-delivered upstream message land once; hash chains every row to the one before.
  CREATE TABLE events (
    seq      INTEGER PRIMARY KEY,
    id       TEXT NOT NULL,
    type     TEXT NOT NULL,
    origin   TEXT NOT NULL CHECK (origin IN ('hall', 'upstream', 'desk')),
    at       INTEGER NOT NULL,
    seat     TEXT,
    idem_key TEXT,
    payload  TEXT NOT NULL,
    hash     TEXT NOT NULL
  );
  -- Partial: most events have no key, and they cost the index nothing.
  CREATE UNIQUE INDEX events_idem_key ON events (idem_key) WHERE idem_key IS NOT NULL;
  CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
  CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

  -- Projection of the log, rebuilt from it whenever its version changes.
  CREATE TABLE cases (
    id         TEXT PRIMARY KEY,
    no         INTEGER NOT NULL,
    state      TEXT NOT NULL,
    urgency    TEXT NOT NULL,
    source     TEXT NOT NULL,
    grid_id    TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_seq   INTEGER NOT NULL,
    view       TEXT NOT NULL
  );
  CREATE INDEX cases_state ON cases (state, urgency, updated_at);

  CREATE TABLE seats (
    id         TEXT PRIMARY KEY,
    role       TEXT NOT NULL CHECK (role IN ('console', 'desk', 'wall')),
    department TEXT NOT NULL,
    label      TEXT NOT NULL,
    token_hash TEXT NOT NULL
  );
  `,
  `
  -- S-4.8 search. Trigram tokens match any 3+ character substring, which suits Chinese text (no word
  -- boundaries); shorter terms fall back to LIKE over the same table. rowid = cases.no.
  CREATE VIRTUAL TABLE cases_fts USING fts5(title, description, address, category, tokenize = 'trigram');
  ALTER TABLE cases ADD COLUMN lead TEXT;
  CREATE INDEX cases_created ON cases (created_at);
  CREATE INDEX cases_grid ON cases (grid_id, created_at);
  `,
  `
  -- S-3: the force registry and the seat plan, projected from the log like cases.
  CREATE TABLE forces (id TEXT PRIMARY KEY, department TEXT NOT NULL, status TEXT NOT NULL, view TEXT NOT NULL);
  CREATE TABLE seat_presence (seat_id TEXT PRIMARY KEY, officer TEXT NOT NULL, since INTEGER NOT NULL);
  -- Track history: telemetry beside the log (positions are not decisions), pruned by age.
  CREATE TABLE force_track (
    force_id TEXT NOT NULL, at INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, PRIMARY KEY (force_id, at)
  ) WITHOUT ROWID;
  CREATE INDEX force_track_at ON force_track (at);
  `,
  `
  -- S-2.3: partitions imported by the centre replace the bundled demo ones; one row per partition.
  CREATE TABLE grid_partitions (
    partition TEXT PRIMARY KEY CHECK (partition IN ('cityOps', 'police', 'governance')),
    geojson TEXT NOT NULL, imported_at INTEGER NOT NULL, seat TEXT NOT NULL
  );
  `,
  `
  -- A case's timeline: its creating event is seq = cases.no; the rest are found through this partial index.
  CREATE INDEX events_case ON events (json_extract(payload, '$.caseId')) WHERE type = 'case.transitioned';
  `,
  `
  -- Queues and searches list newest first (created_at DESC, no DESC) under a filter: indexes in that order
  -- let SQLite read one page of rows instead of sorting every match.
  DROP INDEX cases_created;
  DROP INDEX cases_grid;
  DROP INDEX cases_state;
  CREATE INDEX cases_created ON cases (created_at, no);
  CREATE INDEX cases_state_created ON cases (state, created_at, no);
  CREATE INDEX cases_grid_created ON cases (grid_id, created_at, no);
  CREATE INDEX cases_source_created ON cases (source, created_at, no);
  `,
  `
  -- The officer who had answered the roll call at the seat when it acted (S-9: every action has a person),
  -- as JSON {name, badge}; null for the hall itself, the upstream platform and seats nobody signed in at.
  ALTER TABLE events ADD COLUMN officer TEXT;
  `,
  `
  -- S-4.7 persistent problems (顽症) and copies to the leader in charge (抄报), projected from the log like cases.
  CREATE TABLE problems (
    id TEXT PRIMARY KEY, no INTEGER NOT NULL, grid_id TEXT NOT NULL, category TEXT NOT NULL, state TEXT NOT NULL,
    updated_at INTEGER NOT NULL, view TEXT NOT NULL
  );
  CREATE INDEX problems_place ON problems (grid_id, category);
  -- Which open or closed problem holds a case (one at most; dismissed proposals hold none).
  CREATE TABLE problem_cases (case_id TEXT PRIMARY KEY, problem_id TEXT NOT NULL);
  CREATE TABLE leader_copies (
    id TEXT PRIMARY KEY, no INTEGER NOT NULL, problem_id TEXT, case_id TEXT, acknowledged INTEGER NOT NULL, view TEXT NOT NULL
  );
  -- A problem's timeline: its making event is seq = problems.no; the rest name it in their payload.
  CREATE INDEX events_problem ON events (json_extract(payload, '$.problemId'))
    WHERE type IN ('problem.linked', 'problem.closed', 'leader.copied', 'leader.acknowledged');
  `,
];
