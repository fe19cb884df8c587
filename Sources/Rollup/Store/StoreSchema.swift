/// The store's schema, as migrations registered by identifier. Never edit a shipped migration:
/// append a new one.
///
/// - `runs`: one row per `xhht run`/`import`: when, which configuration (its SHA-256), the
///   command, the exit status and counts.
/// - `submissions`: one row per workbook version received for a unit and year. The current one
///   has `superseded_by` NULL (at most one per unit and year, enforced by a partial unique
///   index); a replaced one points at its successor and stays as history.
/// - `fact_rows` (since 2024-v4; `facts` before): the values of each submission with their
///   provenance (source: file and sheet; cell), one row per unit row, keyed by (submission,
///   position in the submission of the row's first fact); the values are a JSON array. Facts of
///   superseded submissions are kept too; queries read those of current submissions.
/// - `facts` (a view since 2024-v4): one row per value, unpacked from `fact_rows`, for the
///   sqlite3 shell. `seq` is the fact's position in its submission. Deleting from it deletes
///   the facts from their packed rows (a row left empty goes); inserting or updating through it
///   is not supported.
/// - `fact_sources`: each (file, sheet) a fact was read from, once; facts point at it by id.
/// - `issues`: every finding of every run.
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
        // (VDBE, b-tree seek, record compare). The facts of one unit row (same unit, same file
        // and sheet, consecutive in the submission) are now one row of `fact_rows`, packed as a
        // JSON array of `[field, value_type, value, cell]` (see `PackedFactsWriter`), and `facts`
        // becomes a view that unpacks them with json_each, for the sqlite3 shell.
        //
        // `fact_rows` is a rowid table with a unique index on (submission_id, seq), not a
        // WITHOUT ROWID table: its rows (~600 bytes for 16 values) are far above the ~1/20 of a
        // page for which SQLite recommends WITHOUT ROWID; inserting 10,000 such rows cost 91 M
        // instructions clustered and 62 M with a rowid and the index (sqlite3 shell, callgrind).
        //
        // Existing facts move with SQLite's own JSON functions. A row's `seq` is the position
        // of its first fact in the submission (counted from 0), so `seq + key` is each fact's
        // position, as importSubmission writes it. Runs ("islands") of consecutive facts with
        // the same unit and source are found with window functions (position minus the rank
        // within the same unit and source is constant along a run), and each run's array is
        // built by a window aggregate ordered by position, whose order SQLite guarantees (a
        // GROUP BY aggregate's is not).
        migrator.registerMigration("2024-v4: facts packed per unit row") { db in
            try db.execute("""
            CREATE TABLE fact_rows (
                submission_id INTEGER NOT NULL REFERENCES submissions(id),
                seq INTEGER NOT NULL,
                unit_code TEXT NOT NULL CHECK (unit_code <> ''),
                source_id INTEGER NOT NULL,
                facts TEXT NOT NULL,
                UNIQUE (submission_id, seq)
            );
            INSERT INTO fact_rows(submission_id, seq, unit_code, source_id, facts)
            SELECT submission_id, position, unit_code, source_id, packed FROM (
                SELECT submission_id, position, unit_code, source_id,
                    json_group_array(json_array(field, value_type, CASE WHEN value_type = 'text' THEN text_value ELSE integer_value END, cell))
                        OVER run AS packed,
                    row_number() OVER run AS nth
                FROM (
                    SELECT *, position - row_number() OVER (PARTITION BY submission_id, unit_code, source_id ORDER BY seq) AS island
                    FROM (SELECT *, row_number() OVER (PARTITION BY submission_id ORDER BY seq) - 1 AS position FROM facts)
                )
                WINDOW run AS (PARTITION BY submission_id, unit_code, source_id, island ORDER BY position
                               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
            )
            WHERE nth = 1;
            DROP TABLE facts;
            CREATE VIEW facts AS
            SELECT r.submission_id, r.seq + j.key AS seq, r.unit_code, s.year,
                j.value ->> 0 AS field, j.value ->> 1 AS value_type,
                CASE WHEN j.value ->> 1 = 'text' THEN NULL ELSE j.value ->> 2 END AS integer_value,
                CASE WHEN j.value ->> 1 = 'text' THEN j.value ->> 2 END AS text_value,
                r.source_id, src.file, src.sheet, j.value ->> 3 AS cell
            FROM fact_rows r JOIN submissions s ON s.id = r.submission_id LEFT JOIN fact_sources src ON src.id = r.source_id,
                json_each(r.facts) j;
            CREATE TRIGGER facts_delete INSTEAD OF DELETE ON facts BEGIN
                UPDATE fact_rows SET facts = coalesce(json_remove(facts, '$[' || (
                        SELECT min(e.key) FROM json_each(fact_rows.facts) e
                        WHERE e.value ->> 0 = OLD.field AND e.value ->> 1 = OLD.value_type
                            AND e.value ->> 2 IS coalesce(OLD.integer_value, OLD.text_value) AND e.value ->> 3 = OLD.cell
                    ) || ']'), facts)
                WHERE submission_id = OLD.submission_id
                    AND seq = (SELECT max(seq) FROM fact_rows WHERE submission_id = OLD.submission_id AND seq <= OLD.seq);
                DELETE FROM fact_rows WHERE submission_id = OLD.submission_id AND facts = '[]';
            END;
            """)
        }
        return migrator
    }()
}
