// Schema of the district simulator's database; PRAGMA user_version records how many entries ran. Never edit a
// released entry: append a new one.
export const DISTRICT_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  -- The halls the district serves. Sequence cursors live here, not in the message tables, so that pruning old
  -- rows never moves them: next_down_seq is never reused; acked_up is the last up seq stored with no gap
  -- before it (what welcome says); acked_down the hall's last acknowledgement of the down direction.
  CREATE TABLE halls (
    id            TEXT PRIMARY KEY,
    token_hash    TEXT NOT NULL,
    enrolled_at   INTEGER NOT NULL,
    last_seen     INTEGER,
    next_down_seq INTEGER NOT NULL DEFAULT 1,
    acked_down    INTEGER NOT NULL DEFAULT 0,
    acked_up      INTEGER NOT NULL DEFAULT 0
  );

  -- Down messages by hall, in the order they are sent; resent after the hall's ackedDown on every connect.
  CREATE TABLE down_queue (
    hall_id    TEXT NOT NULL REFERENCES halls (id),
    seq        INTEGER NOT NULL,
    key        TEXT NOT NULL,
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (hall_id, seq),
    UNIQUE (hall_id, key)
  ) WITHOUT ROWID;

  -- Up messages received. held: stored after a gap, applied when it fills; refused: a 4xx (the cursor passes
  -- it); duplicate: a key already stored, at a new seq (kept so the cursor passes it, never applied).
  CREATE TABLE up_messages (
    hall_id     TEXT NOT NULL REFERENCES halls (id),
    seq         INTEGER NOT NULL,
    key         TEXT NOT NULL,
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('held', 'applied', 'refused', 'duplicate')),
    status      INTEGER,
    reason      TEXT,
    PRIMARY KEY (hall_id, seq)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX up_messages_key ON up_messages (hall_id, key) WHERE outcome <> 'duplicate';

  -- Tickets: those the district issued (origin district) and the numbers it gave to the halls' own cases
  -- (origin hall, case.numbered), with the state the hall last reported (case.step) and planned follow-ups.
  CREATE TABLE tickets (
    ticket_no      TEXT PRIMARY KEY,
    hall_id        TEXT NOT NULL REFERENCES halls (id),
    origin         TEXT NOT NULL CHECK (origin IN ('district', 'hall')),
    case_id        TEXT,
    provisional_no TEXT,
    source         TEXT NOT NULL,
    category       TEXT NOT NULL,
    urgency        TEXT NOT NULL,
    title          TEXT NOT NULL,
    address        TEXT NOT NULL,
    description    TEXT NOT NULL,
    reported_at    INTEGER NOT NULL,
    due_at         INTEGER,
    state          TEXT,
    state_at       INTEGER,
    steps          INTEGER NOT NULL DEFAULT 0,
    closed_at      INTEGER,
    cancelled_at   INTEGER,
    next_action    TEXT CHECK (next_action IN ('update', 'cancel')),
    next_action_at INTEGER
  );
  CREATE UNIQUE INDEX tickets_case ON tickets (hall_id, case_id) WHERE case_id IS NOT NULL;
  CREATE INDEX tickets_next_action ON tickets (next_action_at) WHERE next_action_at IS NOT NULL;
  CREATE INDEX tickets_hall ON tickets (hall_id, origin, reported_at);
  `,
];
