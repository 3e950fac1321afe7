import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Applied in order, each once. Never edit a migration that has shipped: add the next one.
 * Meetings are whole JSON documents; the other meeting tables are indexes rewritten on every save.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'meetings, identity and action indexes, audit, idempotency',
    sql: `
      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        child_ref TEXT NOT NULL,
        doc TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meetings_by_child ON meetings (child_ref);

      CREATE TABLE meeting_participants (
        meeting_id TEXT NOT NULL REFERENCES meetings (id),
        participant_id TEXT NOT NULL,
        email TEXT,
        teams_user_id TEXT,
        teams_aad_object_id TEXT,
        slack_user_id TEXT,
        PRIMARY KEY (meeting_id, participant_id)
      ) STRICT;
      CREATE INDEX participants_by_email ON meeting_participants (email) WHERE email IS NOT NULL;
      CREATE INDEX participants_by_teams_user ON meeting_participants (teams_user_id) WHERE teams_user_id IS NOT NULL;
      CREATE INDEX participants_by_teams_aad ON meeting_participants (teams_aad_object_id) WHERE teams_aad_object_id IS NOT NULL;
      CREATE INDEX participants_by_slack_user ON meeting_participants (slack_user_id) WHERE slack_user_id IS NOT NULL;

      -- due_at_ms, not the ISO text: instants with different offsets do not sort as strings.
      CREATE TABLE meeting_actions (
        meeting_id TEXT NOT NULL REFERENCES meetings (id),
        action_id TEXT NOT NULL,
        due_at_ms INTEGER NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (meeting_id, action_id)
      ) STRICT;
      CREATE INDEX actions_by_due ON meeting_actions (status, due_at_ms);

      -- seq is the insertion order the audit trail is read back in.
      CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL REFERENCES meetings (id),
        event TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_by_meeting ON audit_events (meeting_id, seq);
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;

      CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        result TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'key values',
    sql: `
      -- Small JSON values the edges keep between requests (see src/ports/key-value.ts).
      -- The primary key is also the index that prefix listings scan, in key order.
      CREATE TABLE key_values (
        namespace TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (namespace, key)
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'outbox, secure-link token index',
    sql: `
      -- Rewritten with the meeting like the other indexes; filled here from the links already issued.
      CREATE TABLE meeting_links (
        token_hash TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings (id)
      ) STRICT;
      CREATE INDEX links_by_meeting ON meeting_links (meeting_id);
      INSERT OR IGNORE INTO meeting_links (token_hash, meeting_id)
        SELECT json_extract(link.value, '$.tokenHash'), meetings.id FROM meetings, json_each(meetings.doc, '$.links') AS link;

      -- What each change promised to send (src/ports/outbox.ts). seq is the order of queueing.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        meeting_id TEXT NOT NULL,
        message TEXT NOT NULL CHECK (json_valid(message)),
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        due_at_ms INTEGER NOT NULL,
        lease_until_ms INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        settled_at TEXT,
        reason TEXT,
        ref TEXT CHECK (ref IS NULL OR json_valid(ref))
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (due_at_ms) WHERE state = 'pending';
      CREATE INDEX outbox_by_meeting ON outbox (meeting_id, seq);
    `,
  },
  {
    version: 4,
    name: 'children and their audit',
    sql: `
      -- The child across meetings (src/ports/child-store.ts): a whole JSON document, keyed by the PEP reference.
      CREATE TABLE children (
        ref TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        doc TEXT NOT NULL CHECK (json_valid(doc))
      ) STRICT;

      -- Apart from audit_events, whose meeting_id must name a meeting; append-only in the same way.
      CREATE TABLE child_audit_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        child_ref TEXT NOT NULL REFERENCES children (ref),
        event TEXT NOT NULL
      ) STRICT;
      CREATE INDEX child_audit_by_child ON child_audit_events (child_ref, seq);
      CREATE TRIGGER child_audit_events_no_update BEFORE UPDATE ON child_audit_events
        BEGIN SELECT RAISE(ABORT, 'child_audit_events is append-only'); END;
      CREATE TRIGGER child_audit_events_no_delete BEFORE DELETE ON child_audit_events
        BEGIN SELECT RAISE(ABORT, 'child_audit_events is append-only'); END;
    `,
  },
  {
    version: 5,
    name: 'audit entries removable with their meeting, their data redactable',
    sql: `
      -- Erasure and anonymisation empty an entry's data (src/app/data-protection/): the entry itself,
      -- who, when, which kind of change and its summary, can never change.
      DROP TRIGGER audit_events_no_update;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        WHEN NEW.seq IS NOT OLD.seq OR NEW.meeting_id IS NOT OLD.meeting_id
          OR json_remove(NEW.event, '$.data') IS NOT json_remove(OLD.event, '$.data')
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: only an entry''s data may be redacted'); END;

      -- Retention removes an anonymised meeting together with its whole audit trail
      -- (src/stores/sqlite/retention-rows.ts): an entry may go once its meeting has gone, never before,
      -- so a trail is never cut short. Updates stay refused.
      DROP TRIGGER audit_events_no_delete;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only while its meeting is kept'); END;
    `,
  },
  {
    version: 6,
    name: 'audit hash chains',
    sql: `
      -- Each audit key's entries form a hash chain (src/domain/audit-chain.ts): chain_seq 1, 2, 3…
      -- per meeting or child, the hash of the entry before, the entry's own hash and the digest of
      -- its data. Entries written before this migration are chained at start-up, in order
      -- (src/stores/sqlite/audit-chain-rows.ts): their data must be opened with the keys to be digested.
      ALTER TABLE audit_events ADD COLUMN chain_seq INTEGER;
      ALTER TABLE audit_events ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_events ADD COLUMN hash TEXT;
      ALTER TABLE audit_events ADD COLUMN data_digest TEXT;
      ALTER TABLE child_audit_events ADD COLUMN chain_seq INTEGER;
      ALTER TABLE child_audit_events ADD COLUMN prev_hash TEXT;
      ALTER TABLE child_audit_events ADD COLUMN hash TEXT;
      ALTER TABLE child_audit_events ADD COLUMN data_digest TEXT;

      -- One entry per place: two writers that both read the same last entry cannot both append after it.
      CREATE UNIQUE INDEX audit_chain ON audit_events (meeting_id, chain_seq);
      CREATE UNIQUE INDEX child_audit_chain ON child_audit_events (child_ref, chain_seq);
      -- Empty once the back-fill has run: finding that out at each start reads nothing.
      CREATE INDEX audit_unchained ON audit_events (meeting_id, seq) WHERE hash IS NULL;
      CREATE INDEX child_audit_unchained ON child_audit_events (child_ref, seq) WHERE hash IS NULL;

      -- Every new entry is chained (an older release writing to the same file is refused, not let fork the chain).
      CREATE TRIGGER audit_events_chained BEFORE INSERT ON audit_events
        WHEN NEW.chain_seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL OR NEW.data_digest IS NULL
        BEGIN SELECT RAISE(ABORT, 'an audit entry must be written with its chain fields'); END;
      CREATE TRIGGER child_audit_events_chained BEFORE INSERT ON child_audit_events
        WHEN NEW.chain_seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL OR NEW.data_digest IS NULL
        BEGIN SELECT RAISE(ABORT, 'an audit entry must be written with its chain fields'); END;

      -- A chained entry's chain fields never change; the back-fill may chain an entry once.
      CREATE TRIGGER audit_events_chain_fixed BEFORE UPDATE ON audit_events
        WHEN OLD.hash IS NOT NULL AND (NEW.chain_seq IS NOT OLD.chain_seq OR NEW.prev_hash IS NOT OLD.prev_hash
          OR NEW.hash IS NOT OLD.hash OR NEW.data_digest IS NOT OLD.data_digest)
        BEGIN SELECT RAISE(ABORT, 'an audit entry''s chain fields never change'); END;
      -- A child's entries stay as written once chained: only the back-fill changes them (its data resealed with a salt).
      DROP TRIGGER child_audit_events_no_update;
      CREATE TRIGGER child_audit_events_no_update BEFORE UPDATE ON child_audit_events
        WHEN OLD.hash IS NOT NULL OR NEW.seq IS NOT OLD.seq OR NEW.child_ref IS NOT OLD.child_ref
          OR json_remove(NEW.event, '$.data') IS NOT json_remove(OLD.event, '$.data')
        BEGIN SELECT RAISE(ABORT, 'child_audit_events is append-only'); END;
    `,
  },
  {
    version: 7,
    name: 'child audit entries removable with their child',
    sql: `
      -- Retention removes a child's record, once none of their meetings is left, together with the
      -- child's whole audit trail (src/stores/sqlite/retention-rows.ts): an entry may go once its
      -- child has gone, never before, so a trail is never cut short. Updates stay refused.
      DROP TRIGGER IF EXISTS child_audit_events_no_delete;
      CREATE TRIGGER child_audit_events_no_delete BEFORE DELETE ON child_audit_events
        WHEN EXISTS (SELECT 1 FROM children WHERE ref = OLD.child_ref)
        BEGIN SELECT RAISE(ABORT, 'child_audit_events is append-only while its child is kept'); END;
    `,
  },
  {
    version: 8,
    name: "child audit entries' data redactable",
    sql: `
      -- Erasure empties a child's audit entry's data when it names the erased person
      -- (src/app/data-protection/correct-and-erase.ts). Once chained, an entry may change in that one
      -- way only: its data becomes the redaction marker, once; its place, key, chain fields and the
      -- rest of the entry never change. The back-fill may still chain an unchained entry once.
      DROP TRIGGER child_audit_events_no_update;
      CREATE TRIGGER child_audit_events_no_update BEFORE UPDATE ON child_audit_events
        WHEN NEW.seq IS NOT OLD.seq OR NEW.child_ref IS NOT OLD.child_ref
          OR json_remove(NEW.event, '$.data') IS NOT json_remove(OLD.event, '$.data')
          OR (OLD.hash IS NOT NULL AND (NEW.chain_seq IS NOT OLD.chain_seq OR NEW.prev_hash IS NOT OLD.prev_hash
            OR NEW.hash IS NOT OLD.hash OR NEW.data_digest IS NOT OLD.data_digest
            OR json_extract(OLD.event, '$.data.redacted') IS NOT NULL
            OR json_extract(NEW.event, '$.data.redacted') NOT IN ('erasure', 'retention')
            OR json_extract(NEW.event, '$.data') IS NOT json_object('redacted', json_extract(NEW.event, '$.data.redacted'))))
        BEGIN SELECT RAISE(ABORT, 'child_audit_events is append-only: only an entry''s data may be redacted'); END;
    `,
  },
  {
    version: 9,
    name: 'audit chain tips anchored in their records',
    sql: `
      -- Each record keeps where its audit chain ends, written with every append in the same
      -- transaction (src/stores/sqlite/audit-chain-rows.ts), so entries deleted from the end of a
      -- chain show. Filled here from the chains already linked; entries still unchained (a file
      -- from before migration 6) are linked, and their tips set, by the start-up back-fill.
      ALTER TABLE meetings ADD COLUMN audit_tip_seq INTEGER;
      ALTER TABLE meetings ADD COLUMN audit_tip_hash TEXT;
      ALTER TABLE children ADD COLUMN audit_tip_seq INTEGER;
      ALTER TABLE children ADD COLUMN audit_tip_hash TEXT;
      UPDATE meetings SET (audit_tip_seq, audit_tip_hash) = (
        SELECT chain_seq, hash FROM audit_events WHERE meeting_id = meetings.id AND hash IS NOT NULL ORDER BY chain_seq DESC LIMIT 1);
      UPDATE children SET (audit_tip_seq, audit_tip_hash) = (
        SELECT chain_seq, hash FROM child_audit_events WHERE child_ref = children.ref AND hash IS NOT NULL ORDER BY chain_seq DESC LIMIT 1);
    `,
  },
];

/**
 * IMMEDIATE takes the write lock before reading what was applied, so two processes starting on
 * the same file cannot both apply a migration. `migrations` is a parameter only so a test can
 * make a file as an earlier release left it.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const appliedVersions = db.prepare<[], number>('SELECT version FROM schema_migrations').pluck();
  const record = db.prepare<[number, string, string]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    const applied = new Set(appliedVersions.all());
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
