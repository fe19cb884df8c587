/// The store's schema, as migrations registered by identifier. Never edit a shipped migration:
/// append a new one.
///
/// - `runs`: one row per `xhht run`/`import`: when, which configuration (its SHA-256), the
///   command, the exit status and counts; since 2024-v9 the fingerprint of what a whole run
///   read (`fingerprint`), for the next run to know whether anything is new.
/// - `submissions`: one row per workbook version received for a unit and year. The current one
///   has `superseded_by` NULL (at most one per unit and year, enforced by a partial unique
///   index); a replaced one points at its successor and stays as history. Since 2024-v6 a
///   current one whose workbook left the input folder is withdrawn (`withdrawn`: when,
///   `withdrawn_run`: by which run): kept with its facts, which stop being read.
/// - `fact_rows` (since 2024-v7): one row per fact, keyed by (submission_id, seq), `seq` its
///   position in the submission from 0; unit_code, field_id (`fields`), value (an integer for
///   count, level and yes-no as 0/1, a text for text), source_id (`fact_sources`) and cell.
///   Facts of superseded and withdrawn submissions are kept too; queries read those of current
///   ones.
/// - `fields` (since 2024-v7): each (field, value_type) facts were read as, once.
/// - `facts` (a view since 2024-v7): `fact_rows` with names, the columns of the 2024-v4 to v6
///   view, for the sqlite3 shell; deleting from it deletes the rows.
/// - `fact_chunks` (2024-v4 to v6, dropped by 2024-v7): the values of each submission with their
///   provenance (source: file and sheet; cell), one row per chunk of consecutive unit rows of
///   one source, keyed by (submission, position in the submission of the chunk's first fact);
///   the unit codes and values are a JSON array (since 2024-v5 by column: the chunk's
///   descriptors `[field, value_type, column]`, then `[unit_code, row, values...]` per unit row). Facts of superseded submissions are kept too;
///   queries read those of current submissions.
/// - `facts` (a view from 2024-v4 to v6): one row per value, unpacked from `fact_chunks`, for the
///   sqlite3 shell. `seq` is the fact's position in its submission. Deleting from it deletes
///   the facts from their chunks (a unit row or chunk left empty goes); inserting or updating
///   through it is not supported.
/// - `unit_years` (since 2024-v8): per year, the units its facts name and every unit above
///   them (code, name, level, parent), as the registry of that year's import had them.
/// - `fact_sources`: each (file, sheet) a fact was read from, once; facts point at it by id.
/// - `issues`: every finding of every run (with the value found, since 2024-v10).
/// - `read_cache` (since 2024-v9): each workbook's last reading (its normalized submission and
///   findings, JSON), keyed by file name, with the file's SHA-256 and the settings' it was
///   read under: an unchanged workbook is not opened again (`Store+ReadCache`).
extension Store {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2024-v1: runs, submissions, facts, issues") { db in
            try db.execute("""
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY,
                started TEXT NOT NULL,
                finished TEXT,
                config_sha256 TEXT NOT NULL,
                command TEXT NOT NULL DEFAULT '',
                exit_status INTEGER,
                files INTEGER,
                facts INTEGER,
                issues INTEGER
            );
            CREATE TABLE submissions (
                id INTEGER PRIMARY KEY,
                file TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                unit_code TEXT NOT NULL,
                year INTEGER NOT NULL,
                received TEXT NOT NULL,
                imported_run INTEGER REFERENCES runs(id),
                superseded_by INTEGER REFERENCES submissions(id) DEFERRABLE INITIALLY DEFERRED
            );
            CREATE UNIQUE INDEX submissions_current ON submissions(unit_code, year) WHERE superseded_by IS NULL;
            CREATE INDEX submissions_year ON submissions(year);
            CREATE TABLE facts (
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                unit_code TEXT NOT NULL CHECK (unit_code <> ''),
                year INTEGER NOT NULL,
                field TEXT NOT NULL CHECK (field <> ''),
                value_type TEXT NOT NULL CHECK (value_type IN ('count', 'level', 'yes-no', 'text')),
                integer_value INTEGER,
                text_value TEXT,
                file TEXT NOT NULL,
                sheet TEXT NOT NULL,
                cell TEXT NOT NULL,
                CHECK ((value_type = 'text') = (text_value IS NOT NULL AND integer_value IS NULL))
            );
            CREATE INDEX facts_submission ON facts(submission_id);
            CREATE TABLE issues (
                id INTEGER PRIMARY KEY,
                run_id INTEGER REFERENCES runs(id),
                submission_id INTEGER REFERENCES submissions(id),
                severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
                rule TEXT NOT NULL,
                file TEXT NOT NULL,
                sheet TEXT NOT NULL,
                cell TEXT NOT NULL,
                unit TEXT NOT NULL,
                field TEXT NOT NULL,
                message TEXT NOT NULL
            );
            CREATE INDEX issues_run ON issues(run_id);
            """)
        }
        // Measured (scripts/bench-store.sh, and SQLite alone from Python): the CHECK with
        // `IN (...)` doubled the cost of inserting 200,000 facts, and the secondary index on
        // submission_id added ~15%. Facts are now clustered by (submission_id, seq) in a
        // WITHOUT ROWID table: one b-tree, read back in import order, no extra index.
        migrator.registerMigration("2024-v2: facts clustered by submission") { db in
            try db.execute("""
            CREATE TABLE facts_v2 (
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                seq INTEGER NOT NULL,
                unit_code TEXT NOT NULL CHECK (unit_code <> ''),
                year INTEGER NOT NULL,
                field TEXT NOT NULL CHECK (field <> ''),
                value_type TEXT NOT NULL CHECK (value_type = 'count' OR value_type = 'level' OR value_type = 'yes-no' OR value_type = 'text'),
                integer_value INTEGER,
                text_value TEXT,
                file TEXT NOT NULL,
                sheet TEXT NOT NULL,
                cell TEXT NOT NULL,
                PRIMARY KEY (submission_id, seq)
            ) WITHOUT ROWID;
            INSERT INTO facts_v2
                SELECT submission_id, rowid, unit_code, year, field, value_type, integer_value, text_value, file, sheet, cell FROM facts;
            DROP TABLE facts;
            ALTER TABLE facts_v2 RENAME TO facts;
            """)
        }
        // Measured (Benchmarks/Pipeline, docs/performance.md): every fact repeated its workbook's
        // file name and sheet name, a third of the row. They now live once per (file, sheet) in
        // `fact_sources`, and a fact keeps the source's id; the cell stays on the fact.
        migrator.registerMigration("2024-v3: fact sources interned") { db in
            try db.execute("""
            CREATE TABLE fact_sources (
                id INTEGER PRIMARY KEY,
                file TEXT NOT NULL,
                sheet TEXT NOT NULL,
                UNIQUE (file, sheet)
            );
            INSERT INTO fact_sources(file, sheet) SELECT DISTINCT file, sheet FROM facts;
            CREATE TABLE facts_v3 (
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                seq INTEGER NOT NULL,
                unit_code TEXT NOT NULL CHECK (unit_code <> ''),
                year INTEGER NOT NULL,
                field TEXT NOT NULL CHECK (field <> ''),
                value_type TEXT NOT NULL CHECK (value_type = 'count' OR value_type = 'level' OR value_type = 'yes-no' OR value_type = 'text'),
                integer_value INTEGER,
                text_value TEXT,
                source_id INTEGER NOT NULL,
                cell TEXT NOT NULL,
                PRIMARY KEY (submission_id, seq)
            ) WITHOUT ROWID;
            INSERT INTO facts_v3
                SELECT f.submission_id, f.seq, f.unit_code, f.year, f.field, f.value_type, f.integer_value, f.text_value, src.id, f.cell
                FROM facts f JOIN fact_sources src ON src.file = f.file AND src.sheet = f.sheet;
            DROP TABLE facts;
            ALTER TABLE facts_v3 RENAME TO facts;
            """)
        }
        // Measured (Benchmarks/Pipeline, callgrind): one SQLite row per fact cost ~12,000
        // instructions a fact (160,000 facts: 1.95 G), nearly all of it SQLite's per-row work
        // (VDBE, b-tree seek, record compare), and one row per unit row still ~10,000 a row
        // (10,000 rows: 0.129 G). Consecutive unit rows of one submission and one source (file,
        // sheet), up to 64 of them or ~32 KB of text, are now one row of `fact_chunks`, packed
        // as a flat JSON array of unit codes each followed by its facts, each
        // `[field, value_type, value, cell]` (see `PackedFactsWriter`), and `facts` becomes a
        // view that unpacks them with json_each, for the sqlite3 shell.
        //
        // `fact_chunks` is a rowid table with a unique index on (submission_id, seq), not a
        // WITHOUT ROWID table: its rows (up to ~32 KB) are far above the ~1/20 of a page for
        // which SQLite recommends WITHOUT ROWID; inserting 10,000 rows of ~600 bytes cost 91 M
        // instructions clustered and 62 M with a rowid and the index (sqlite3 shell, callgrind).
        //
        // Existing facts move with SQLite's own JSON functions. A chunk's `seq` is the position
        // of its first fact in the submission (counted from 0), as importSubmission writes it.
        // Runs ("islands") of consecutive facts with the same source, and within them with the
        // same unit, are found with window functions (position minus the rank within the same
        // key is constant along a run); unit rows are numbered within their source run and cut
        // by 64 (the migration does not cut by size). Each array is built by a window aggregate
        // ordered by position, whose order SQLite guarantees (a GROUP BY aggregate's is not).
        migrator.registerMigration("2024-v4: facts packed per unit row") { db in
            try db.execute("""
            CREATE TABLE fact_chunks (
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                seq INTEGER NOT NULL,
                source_id INTEGER NOT NULL,
                facts TEXT NOT NULL,
                UNIQUE (submission_id, seq)
            );
            INSERT INTO fact_chunks(submission_id, seq, source_id, facts)
            SELECT submission_id, seq, source_id, packed FROM (
                SELECT submission_id, source_id, first_value(row_start) OVER chunk AS seq,
                    '[' || group_concat(json_quote(unit_code) || ',' || unit_facts, ',') OVER chunk || ']' AS packed,
                    row_number() OVER chunk AS nth
                FROM (
                    SELECT submission_id, unit_code, source_id, source_run, row_start, unit_facts,
                        (dense_rank() OVER (PARTITION BY submission_id, source_id, source_run ORDER BY row_start) - 1) / 64 AS chunk_number
                    FROM (
                        SELECT submission_id, unit_code, source_id, source_run,
                            first_value(position) OVER unit_row AS row_start,
                            json_group_array(json_array(field, value_type, CASE WHEN value_type = 'text' THEN text_value ELSE integer_value END, cell))
                                OVER unit_row AS unit_facts,
                            row_number() OVER unit_row AS nth
                        FROM (
                            SELECT *,
                                position - row_number() OVER (PARTITION BY submission_id, source_id ORDER BY position) AS source_run,
                                position - row_number() OVER (PARTITION BY submission_id, unit_code, source_id ORDER BY position) AS unit_island
                            FROM (SELECT *, row_number() OVER (PARTITION BY submission_id ORDER BY seq) - 1 AS position FROM facts)
                        )
                        WINDOW unit_row AS (PARTITION BY submission_id, unit_code, source_id, unit_island ORDER BY position
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
                    )
                    WHERE nth = 1
                )
                WINDOW chunk AS (PARTITION BY submission_id, source_id, source_run, chunk_number ORDER BY row_start
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
            )
            WHERE nth = 1;
            DROP TABLE facts;
            CREATE VIEW facts AS
            SELECT c.submission_id, c.seq - 1 + row_number() OVER (PARTITION BY c.submission_id, c.seq ORDER BY u.key, f.key) AS seq,
                u.value AS unit_code, s.year,
                f.value ->> 0 AS field, f.value ->> 1 AS value_type,
                CASE WHEN f.value ->> 1 = 'text' THEN NULL ELSE f.value ->> 2 END AS integer_value,
                CASE WHEN f.value ->> 1 = 'text' THEN f.value ->> 2 END AS text_value,
                c.source_id, src.file, src.sheet, f.value ->> 3 AS cell
            FROM fact_chunks c JOIN submissions s ON s.id = c.submission_id LEFT JOIN fact_sources src ON src.id = c.source_id,
                json_each(c.facts) u, json_each(c.facts, '$[' || (u.key + 1) || ']') f
            WHERE u.type = 'text';
            CREATE TRIGGER facts_delete INSTEAD OF DELETE ON facts BEGIN
                UPDATE fact_chunks SET facts = coalesce((
                        SELECT CASE WHEN json_array_length(fact_chunks.facts, '$[' || (u.key + 1) || ']') = 1
                            THEN json_remove(fact_chunks.facts, '$[' || (u.key + 1) || ']', '$[' || u.key || ']')
                            ELSE json_remove(fact_chunks.facts, '$[' || (u.key + 1) || '][' || f.key || ']') END
                        FROM json_each(fact_chunks.facts) u, json_each(fact_chunks.facts, '$[' || (u.key + 1) || ']') f
                        WHERE u.type = 'text' AND u.value = OLD.unit_code
                            AND f.value ->> 0 = OLD.field AND f.value ->> 1 = OLD.value_type
                            AND f.value ->> 2 IS coalesce(OLD.integer_value, OLD.text_value) AND f.value ->> 3 = OLD.cell
                        ORDER BY u.key, f.key LIMIT 1
                    ), facts)
                WHERE submission_id = OLD.submission_id
                    AND seq = (SELECT max(seq) FROM fact_chunks WHERE submission_id = OLD.submission_id AND seq <= OLD.seq);
                DELETE FROM fact_chunks WHERE submission_id = OLD.submission_id AND facts = '[]';
            END;
            """)
        }
        // Measured (Benchmarks/Pipeline, callgrind; docs/store.md): 2024-v4's JSON repeated each
        // fact's field id, type and cell, 6 MB for 160,000 facts, and writing it cost the import
        // most of its wall time (the WAL, then the checkpoint); reading it, json_tree walked ~5
        // nodes per fact. A chunk now names its columns once, `[field, value_type, column]`, and
        // each unit row is `[unit_code, row, value, ...]`, a value per descriptor, null where
        // there is none (`PackedFactsWriter`). Existing chunks are rewritten one for one, each
        // keeping its seq and source and its facts' order (`FactChunksV4`); the view and its
        // trigger are made anew for the new form, with the same columns.
        //
        // The view finds a value's descriptor by its position in the unit row (descriptor i is
        // element i + 2) and its cell as the descriptor's column followed by the row (none for
        // row 0). json_each parses its text on every use (the JSON functions' parse cache is not
        // for it): the descriptors are read once per chunk into a materialized table, which
        // SQLite indexes for the join; with json_each(c.facts, '$[0]') in the join, the chunk was
        // parsed again for each value (160,000 facts: 6.4 s in the sqlite3 shell, 1.0 s so, as
        // 2024-v4's view). The trigger finds the deleted fact by its content in the chunk that
        // holds its seq: the view's seq values are computed before the first row is deleted, and
        // positions move as values go. Its descriptors come first (CROSS JOIN keeps that order),
        // those that fit the fact only, so the chunk's unit rows are parsed once, not once per
        // unit row. A value in the middle of a unit row becomes null; the last one is removed
        // with the nulls before it (rebuilt with a window aggregate, whose order SQLite
        // guarantees); a unit row left without values is removed, a chunk left without unit rows
        // is deleted. Descriptors no longer used stay (the reader accepts them).
        migrator.registerMigration("2024-v5: fact chunks by column") { db in
            try db.execute("DROP TRIGGER facts_delete; DROP VIEW facts;")
            try FactChunksV4.convert(db)
            try db.execute("""
            CREATE VIEW facts AS
            WITH d AS MATERIALIZED (
                SELECT c.rowid AS chunk, d.key + 2 AS position, d.value ->> 0 AS field, d.value ->> 1 AS value_type, d.value ->> 2 AS col
                FROM fact_chunks c, json_each(c.facts, '$[0]') d)
            SELECT c.submission_id, c.seq - 1 + row_number() OVER (PARTITION BY c.submission_id, c.seq ORDER BY u.key, v.key) AS seq,
                u.value ->> 0 AS unit_code, s.year, d.field, d.value_type,
                CASE WHEN d.value_type = 'text' THEN NULL ELSE v.value END AS integer_value,
                CASE WHEN d.value_type = 'text' THEN v.value END AS text_value,
                c.source_id, src.file, src.sheet,
                d.col || CASE WHEN u.value ->> 1 = 0 THEN '' ELSE u.value ->> 1 END AS cell
            FROM fact_chunks c JOIN submissions s ON s.id = c.submission_id LEFT JOIN fact_sources src ON src.id = c.source_id,
                json_each(c.facts) u, json_each(u.value) v, d
            WHERE u.key > 0 AND v.key > 1 AND v.type <> 'null' AND d.chunk = c.rowid AND d.position = v.key;
            CREATE TRIGGER facts_delete INSTEAD OF DELETE ON facts BEGIN
                UPDATE fact_chunks SET facts = coalesce((
                        SELECT CASE
                            WHEN (SELECT count(*) FROM json_each(u.value) WHERE key > 1 AND type <> 'null') = 1
                                THEN json_remove(fact_chunks.facts, '$[' || u.key || ']')
                            WHEN d.key + 3 = json_array_length(u.value)
                                THEN json_set(fact_chunks.facts, '$[' || u.key || ']', json((
                                    SELECT json_group_array(value) OVER (ORDER BY key ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
                                    FROM json_each(u.value)
                                    WHERE key <= (SELECT max(key) FROM json_each(u.value) WHERE key < d.key + 2 AND type <> 'null')
                                    LIMIT 1)))
                            ELSE json_replace(fact_chunks.facts, '$[' || u.key || '][' || (d.key + 2) || ']', NULL)
                            END
                        FROM json_each(fact_chunks.facts, '$[0]') d CROSS JOIN json_each(fact_chunks.facts) u
                        WHERE d.value ->> 0 = OLD.field AND d.value ->> 1 = OLD.value_type
                            AND substr(OLD.cell, 1, length(d.value ->> 2)) = d.value ->> 2
                            AND u.key > 0 AND u.value ->> 0 = OLD.unit_code
                            AND u.value ->> (d.key + 2) = coalesce(OLD.integer_value, OLD.text_value)
                            AND (d.value ->> 2) || CASE WHEN u.value ->> 1 = 0 THEN '' ELSE u.value ->> 1 END = OLD.cell
                        ORDER BY u.key, d.key LIMIT 1
                    ), facts)
                WHERE submission_id = OLD.submission_id
                    AND seq = (SELECT max(seq) FROM fact_chunks WHERE submission_id = OLD.submission_id AND seq <= OLD.seq);
                DELETE FROM fact_chunks WHERE submission_id = OLD.submission_id AND json_array_length(facts) = 1;
            END;
            """)
        }
        // Input/ is the season's truth: a submission whose workbook left the input folder is
        // withdrawn (its facts stop counting for the year), not deleted; the same file coming
        // back restores it. Both columns are NULL for a submission in force.
        migrator.registerMigration("2024-v6: withdrawn submissions") { db in
            try db.execute("""
            ALTER TABLE submissions ADD COLUMN withdrawn TEXT;
            ALTER TABLE submissions ADD COLUMN withdrawn_run INTEGER REFERENCES runs(id);
            """)
        }
        // Measured (scripts/bench-store.sh, docs/store.md): the packed chunks of 2024-v4/v5 made
        // the `facts` view slow in the sqlite3 shell (1 s to count 160,000 facts, 2 s to delete a
        // unit's) and needed their own codec. Facts are rows again, one per fact, keyed by
        // (submission, position in the submission): a load reads each current submission's facts
        // by the key in import order; superseding or withdrawing a submission touches only
        // `submissions`. Existing facts move through the old view, which gives each its position.
        //
        // What a row costs (callgrind, 160,000 facts; docs/store.md): the row holds integers
        // where it can. A field id with its value type is a row of `fields`, so the row keeps
        // its id and one `value` column (an integer, or a text for a text field); SQLite then
        // encodes and compares less, and a load looks the field up by id instead of comparing
        // strings. `facts` is a view with the old names and columns for the sqlite3 shell; its
        // lookups are scalar subqueries on primary keys, which SQLite evaluates only for the
        // columns a query uses, so `count(*)` reads `fact_rows` alone (3.40 kept LEFT JOINs in
        // such a count: three searches a row). Deleting from it deletes the rows. No CHECK uses `IN (...)`: SQLite 3.40 builds an ephemeral table for the list on
        // every row it checks, which cost ~32,000 instructions a fact (the first form of this
        // migration: 46,000 a fact in all).
        migrator.registerMigration("2024-v7: facts one row per fact") { db in
            try db.execute("""
            CREATE TABLE fields (
                id INTEGER PRIMARY KEY,
                field TEXT NOT NULL CHECK (field <> ''),
                value_type TEXT NOT NULL CHECK (value_type = 'count' OR value_type = 'level' OR value_type = 'yes-no' OR value_type = 'text'),
                UNIQUE (field, value_type)
            );
            CREATE TABLE fact_rows (
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                seq INTEGER NOT NULL,
                unit_code TEXT NOT NULL CHECK (unit_code <> ''),
                field_id INTEGER NOT NULL REFERENCES fields(id),
                value NOT NULL CHECK (typeof(value) = 'integer' OR typeof(value) = 'text'),
                source_id INTEGER NOT NULL REFERENCES fact_sources(id),
                cell TEXT NOT NULL,
                PRIMARY KEY (submission_id, seq)
            ) WITHOUT ROWID;
            INSERT INTO fields(field, value_type)
                SELECT field, value_type FROM facts GROUP BY field, value_type ORDER BY min(submission_id * 4294967296 + seq);
            INSERT INTO fact_rows(submission_id, seq, unit_code, field_id, value, source_id, cell)
                SELECT f.submission_id, f.seq, f.unit_code, d.id,
                    CASE WHEN f.value_type = 'text' THEN f.text_value ELSE f.integer_value END, f.source_id, f.cell
                FROM facts f JOIN fields d ON d.field = f.field AND d.value_type = f.value_type;
            DROP TRIGGER facts_delete;
            DROP VIEW facts;
            DROP TABLE fact_chunks;
            CREATE VIEW facts AS
            SELECT f.submission_id, f.seq, f.unit_code,
                (SELECT year FROM submissions WHERE id = f.submission_id) AS year,
                (SELECT field FROM fields WHERE id = f.field_id) AS field,
                (SELECT value_type FROM fields WHERE id = f.field_id) AS value_type,
                CASE WHEN typeof(f.value) = 'integer' THEN f.value END AS integer_value,
                CASE WHEN typeof(f.value) = 'text' THEN f.value END AS text_value,
                f.source_id,
                (SELECT file FROM fact_sources WHERE id = f.source_id) AS file,
                (SELECT sheet FROM fact_sources WHERE id = f.source_id) AS sheet,
                f.cell
            FROM fact_rows f;
            CREATE TRIGGER facts_delete INSTEAD OF DELETE ON facts BEGIN
                DELETE FROM fact_rows WHERE submission_id = OLD.submission_id AND seq = OLD.seq;
            END;
            """)
        }
        // Issue 17: a review re-expresses earlier years in today's units, and a unit that no
        // longer exists and has no known successor (a ward merged by a resolution no lineage
        // step lists) must still count in its district and province of that year. The store
        // keeps, per year, the units the year's facts name with every unit above them, as the
        // registry of that year's import said (a later import of the year replaces a unit's row).
        migrator.registerMigration("2024-v8: units of each year") { db in
            try db.execute("""
            CREATE TABLE unit_years (
                year INTEGER NOT NULL,
                code TEXT NOT NULL CHECK (code <> ''),
                name TEXT NOT NULL,
                level TEXT NOT NULL CHECK (level = 'nation' OR level = 'province' OR level = 'district' OR level = 'commune'),
                parent_code TEXT,
                PRIMARY KEY (year, code)
            ) WITHOUT ROWID;
            """)
        }
        migrator.registerMigration("2024-v9: read cache, run fingerprints") { db in
            // A cache, not history: a row can be deleted at any time (the workbook is then read
            // again), so nothing refers to it.
            try db.execute("""
            ALTER TABLE runs ADD COLUMN fingerprint TEXT;
            CREATE TABLE read_cache (
                file TEXT PRIMARY KEY,
                sha256 TEXT NOT NULL,
                settings_sha256 TEXT NOT NULL,
                reading TEXT NOT NULL
            );
            """)
        }
        // Issue 18: the letter back to each unit prints the value found in each cell; `xhht
        // report` reads the findings from here, so they keep it (older runs' findings: '').
        migrator.registerMigration("2024-v10: issues keep the value found") { db in
            try db.execute("ALTER TABLE issues ADD COLUMN value TEXT NOT NULL DEFAULT '';")
        }
        return migrator
    }()
}
