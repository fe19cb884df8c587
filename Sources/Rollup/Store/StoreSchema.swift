/// The store's schema, as migrations registered by identifier. Never edit a shipped migration:
/// append a new one.
///
/// - `runs`: one row per `xhht run`/`import`: when, which configuration (its SHA-256), the
///   command, the exit status and counts.
/// - `submissions`: one row per workbook version received for a unit and year. The current one
///   has `superseded_by` NULL (at most one per unit and year, enforced by a partial unique
///   index); a replaced one points at its successor and stays as history.
/// - `facts`: the values of each submission with their provenance (source: file and sheet; cell), keyed by
///   (submission, position in the submission). Facts of superseded submissions are kept too;
///   queries read those of current submissions.
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
        return migrator
    }()
}
