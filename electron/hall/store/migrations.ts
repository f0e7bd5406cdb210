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
  -- S-5 KPIs in SQL: one narrow row a case with just what the figures read (milestones, outcome, the units they
  -- group by), so a period's figures are index range scans over small rows instead of every case in JavaScript.
  CREATE TABLE case_kpi (
    no INTEGER PRIMARY KEY, id TEXT NOT NULL,
    counted INTEGER NOT NULL, closed INTEGER NOT NULL, urgency TEXT NOT NULL, source TEXT NOT NULL,
    grid_id TEXT, lead TEXT, category TEXT NOT NULL,
    created_at INTEGER NOT NULL, registered_at INTEGER, on_scene_at INTEGER, handled_at INTEGER, closed_at INTEGER,
    evaluated_at INTEGER, due_at INTEGER, satisfaction TEXT, resolved INTEGER, self_handled INTEGER NOT NULL
  );
  CREATE INDEX case_kpi_created ON case_kpi (created_at);
  CREATE INDEX case_kpi_registered ON case_kpi (registered_at) WHERE registered_at IS NOT NULL;
  CREATE INDEX case_kpi_handled ON case_kpi (handled_at) WHERE handled_at IS NOT NULL;
  CREATE INDEX case_kpi_closed ON case_kpi (closed_at) WHERE closed_at IS NOT NULL;
  CREATE INDEX case_kpi_evaluated ON case_kpi (evaluated_at) WHERE evaluated_at IS NOT NULL;
  -- Snapshots send the finished cases of the last week only (common/case-window.ts).
  CREATE INDEX cases_updated ON cases (updated_at);
  `,
  `
  -- S-3.2 the duty roster: what is set for each date (the rotation, in meta, fills in the rest), and 交接班: one
  -- brief per shift change with the incoming commander's acknowledgement. Both projected from the log.
  CREATE TABLE roster_days (date TEXT PRIMARY KEY, entry TEXT NOT NULL, seq INTEGER NOT NULL);
  CREATE TABLE duty_handovers (
    key TEXT PRIMARY KEY, shift_from INTEGER NOT NULL, brief TEXT NOT NULL, acknowledged TEXT, seq INTEGER NOT NULL
  );
  CREATE INDEX duty_handovers_from ON duty_handovers (shift_from);
  -- The acts a brief recalls from the outgoing shift, found by time without reading the whole log.
  CREATE INDEX events_notable_acts ON events (at)
    WHERE type = 'case.transitioned' AND json_extract(payload, '$.act.action') IN ('reject', 'escalate', 'suspend', 'reopen');
  `,
  `
  -- S-3.4 patrol coverage: each patrol force's plausible dwell in a micro grid per part ('day', 'night') of a
  -- Beijing day (day number since 1970-01-01), folded from the tracks as they are stored (common/patrol/) and
  -- kept long after the tracks themselves are pruned.
  CREATE TABLE patrol_dwell (
    day INTEGER NOT NULL, grid_id TEXT NOT NULL, part TEXT NOT NULL CHECK (part IN ('day', 'night')), force_id TEXT NOT NULL,
    dwell_ms INTEGER NOT NULL, fixes INTEGER NOT NULL, last_at INTEGER NOT NULL,
    PRIMARY KEY (day, grid_id, part, force_id)
  ) WITHOUT ROWID;
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
  `
  -- S-7 the upstream link to the district platform (docs/upstream-protocol.md). The outbox: what goes up, written
  -- in the same transaction as the event that caused it, numbered once (never reused: AUTOINCREMENT), kept until
  -- the district acknowledges it (and a while after, then pruned). The inbox: what came down, one row per
  -- district message key, so a redelivered message changes nothing; the cursor (meta upstream_acked_down) moves
  -- in the same transaction as the events a message produced.
  CREATE TABLE upstream_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, body TEXT NOT NULL, created_at INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked', 'rejected')),
    attempts INTEGER NOT NULL DEFAULT 0, retry_at INTEGER, status INTEGER, reason TEXT, settled_at INTEGER
  );
  CREATE INDEX upstream_outbox_pending ON upstream_outbox (seq) WHERE state = 'pending';
  CREATE INDEX upstream_outbox_settled ON upstream_outbox (settled_at) WHERE state = 'acked';
  CREATE TABLE upstream_inbox (
    key TEXT PRIMARY KEY, seq INTEGER NOT NULL, kind TEXT NOT NULL, received_at INTEGER NOT NULL, outcome TEXT NOT NULL,
    -- Kept for messages the hall stores as they came (warnings, gauge readings).
    body TEXT
  );
  CREATE INDEX upstream_inbox_received ON upstream_inbox (received_at);
  -- Tickets are found by the district's number.
  ALTER TABLE cases ADD COLUMN external_id TEXT;
  CREATE INDEX cases_external ON cases (external_id) WHERE external_id IS NOT NULL;
  -- Reconciliation conflicts (common/reconcile/), projected from the log until a person settles them.
  CREATE TABLE conflicts (id TEXT PRIMARY KEY, settled INTEGER NOT NULL, view TEXT NOT NULL);
  `,
  `
  -- S-6.3 / S-6.5 / S-6.6 emergencies: each episode (from the switch into emergency command to the stand-down) and
  -- its pre-plans, projected from the log; the situation reports (灾情快报) the log's events carry, by episode; and
  -- the after-action reviews (复盘), built from the log at the stand-down and kept with the version of the code that
  -- built them (not a projection: a review of another version is built again when asked for).
  CREATE TABLE emergency_episodes (seq INTEGER PRIMARY KEY, ended_seq INTEGER, view TEXT NOT NULL);
  CREATE TABLE plans (id TEXT PRIMARY KEY, episode_seq INTEGER NOT NULL, no INTEGER NOT NULL, view TEXT NOT NULL);
  CREATE TABLE situation_reports (
    id TEXT PRIMARY KEY, episode_seq INTEGER NOT NULL, no INTEGER NOT NULL, at INTEGER NOT NULL, trigger TEXT NOT NULL, report TEXT NOT NULL
  );
  CREATE INDEX situation_reports_episode ON situation_reports (episode_seq, no);
  CREATE TABLE emergency_reviews (
    episode_seq INTEGER PRIMARY KEY, end_seq INTEGER NOT NULL, version INTEGER NOT NULL, built_at INTEGER NOT NULL, review TEXT NOT NULL
  );
  `,
  `
  -- S-6.2 the history of mode switches is read from the log: its few switches found without a scan.
  CREATE INDEX events_mode_switches ON events (seq) WHERE type = 'mode.switched';
  `,
  `
  -- S-6.5 typhoon tracks imported on the console, projected from the log (one row a storm and source).
  CREATE TABLE typhoons (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, stored TEXT NOT NULL);
  `,
  `
  -- S-6.5 gauge readings: telemetry, not history (crossings of a warning line are events of the log); one row per
  -- gauge and reading time, so a reading delivered twice lands once; pruned by age (gauge-table.ts).
  CREATE TABLE gauge_readings (
    gauge_id TEXT NOT NULL, at INTEGER NOT NULL, value REAL NOT NULL, origin TEXT NOT NULL, received_at INTEGER NOT NULL,
    PRIMARY KEY (gauge_id, at)
  ) WITHOUT ROWID;
  CREATE INDEX gauge_readings_received ON gauge_readings (received_at);
  -- Flood points, pumps and shelters as last set (emergency/asset-model.ts), projected from the log.
  CREATE TABLE emergency_assets (kind TEXT NOT NULL, id TEXT NOT NULL, view TEXT NOT NULL, PRIMARY KEY (kind, id));
  `,
];
