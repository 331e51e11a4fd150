#include "migrations.h"

#include "database.h"
#include "util/logging.h"

namespace baton {

namespace {

// Columns every replicated record table carries: retirement (records are
// never deleted), the HLC of the create, and per-field HLCs of later writes
// (JSON object field -> HLC) for last-writer-wins merging.
#define BATON_RECORD_COLUMNS \
    "retired INTEGER NOT NULL DEFAULT 0, hlc TEXT NOT NULL, field_hlcs TEXT NOT NULL DEFAULT '{}'"

QList<Migration> makeMigrations()
{
    QList<Migration> m;

    // Foreign keys are declared only where both ends are visible to every
    // replica (departments and positions are the public directory). A
    // reference that can leave a user's visible scope (an employee's manager
    // in another department) is checked by the domain rules instead, so a
    // scoped replica can hold the record without its target.
    m.append(
        {1,
         "organisation: departments, positions, responsibilities, employees",
         {QStringLiteral("CREATE TABLE department ("
                         " id TEXT PRIMARY KEY,"
                         " parent_id TEXT REFERENCES department(id),"
                         " kind TEXT NOT NULL,"
                         " code TEXT NOT NULL,"
                         " name TEXT NOT NULL,"
                         " time_zone TEXT NOT NULL,"
                         " currency TEXT NOT NULL,"
                         " head_id TEXT," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE UNIQUE INDEX department_code ON department(code)"),
          QStringLiteral("CREATE INDEX department_parent ON department(parent_id)"),
          QStringLiteral("CREATE TABLE job_position ("
                         " id TEXT PRIMARY KEY,"
                         " code TEXT NOT NULL,"
                         " title TEXT NOT NULL,"
                         " department_id TEXT REFERENCES department(id),"
                         " grade TEXT,"
                         " summary TEXT," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE UNIQUE INDEX job_position_code ON job_position(code)"),
          QStringLiteral("CREATE TABLE responsibility ("
                         " id TEXT PRIMARY KEY,"
                         " position_id TEXT NOT NULL REFERENCES job_position(id),"
                         " title TEXT NOT NULL,"
                         " detail TEXT,"
                         " sort_order INTEGER NOT NULL DEFAULT 0," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX responsibility_position ON responsibility(position_id)"),
          QStringLiteral("CREATE TABLE employee ("
                         " id TEXT PRIMARY KEY,"
                         " number TEXT NOT NULL,"
                         " family_name TEXT NOT NULL,"
                         " given_name TEXT NOT NULL,"
                         " english_name TEXT,"
                         " email TEXT,"
                         " phone TEXT,"
                         " department_id TEXT NOT NULL REFERENCES department(id),"
                         " position_id TEXT REFERENCES job_position(id),"
                         " manager_id TEXT,"
                         " hire_date TEXT NOT NULL,"
                         " status TEXT NOT NULL,"
                         " departure_date TEXT,"
                         " is_sales INTEGER NOT NULL DEFAULT 0," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE UNIQUE INDEX employee_number ON employee(number)"),
          // Indexes cost every write (Store::apply's budget): each one
          // here serves a query that exists. Later modules add theirs.
          QStringLiteral("CREATE INDEX employee_department ON employee(department_id)")}});

    // Accounts and their roles. login_state is local to one device (failed
    // attempts and lockouts are about this device) and is not replicated.
    m.append({2,
              "accounts: users, role grants, login lockout state",
              {QStringLiteral("CREATE TABLE app_user ("
                              " id TEXT PRIMARY KEY,"
                              " login TEXT NOT NULL,"
                              " employee_id TEXT,"
                              " password_hash TEXT NOT NULL,"
                              " disabled INTEGER NOT NULL DEFAULT 0," BATON_RECORD_COLUMNS ")"),
               QStringLiteral("CREATE UNIQUE INDEX app_user_login ON app_user(login)"),
               QStringLiteral("CREATE INDEX app_user_employee ON app_user(employee_id)"),
               QStringLiteral("CREATE TABLE role_grant ("
                              " id TEXT PRIMARY KEY,"
                              " user_id TEXT NOT NULL REFERENCES app_user(id),"
                              " role TEXT NOT NULL,"
                              " department_id TEXT REFERENCES department(id),"
                              " valid_from_ms INTEGER NOT NULL,"
                              " valid_to_ms INTEGER," BATON_RECORD_COLUMNS ")"),
               QStringLiteral("CREATE INDEX role_grant_user ON role_grant(user_id)"),
               QStringLiteral("CREATE TABLE login_state ("
                              " login TEXT PRIMARY KEY,"
                              " failures INTEGER NOT NULL DEFAULT 0,"
                              " locked_until_ms INTEGER NOT NULL DEFAULT 0,"
                              " last_failure_ms INTEGER)")}});

    // The op log, the outbox of local ops waiting for push, the hash-chained
    // audit trail, the last clock reading seen from each device, and this
    // installation's own settings (its device id).
    m.append(
        {3,
         "evidence: op log, outbox, audit chain, device clocks",
         // seq: assigned in insert order (SqlDialect::ddl, AUTO_KEY).
         {QStringLiteral("CREATE TABLE oplog ("
                         " seq AUTO_KEY,"
                         " id TEXT NOT NULL UNIQUE,"
                         " entity TEXT NOT NULL,"
                         " entity_id TEXT NOT NULL,"
                         " kind TEXT NOT NULL,"
                         " fields TEXT NOT NULL,"
                         " hlc TEXT NOT NULL,"
                         " author TEXT NOT NULL,"
                         " device TEXT NOT NULL,"
                         " origin TEXT NOT NULL,"
                         " applied_ms INTEGER NOT NULL)"),
          QStringLiteral("CREATE INDEX oplog_record ON oplog(entity_id)"),
          QStringLiteral("CREATE TABLE outbox (op_seq INTEGER PRIMARY KEY REFERENCES oplog(seq))"),
          QStringLiteral("CREATE TABLE audit_log ("
                         " seq INTEGER PRIMARY KEY,"
                         " time_ms INTEGER NOT NULL,"
                         " user_id TEXT,"
                         " user_name TEXT NOT NULL,"
                         " device TEXT NOT NULL,"
                         " ip TEXT NOT NULL,"
                         " action TEXT NOT NULL,"
                         " outcome TEXT NOT NULL,"
                         " entity TEXT,"
                         " record_id TEXT,"
                         " summary TEXT NOT NULL,"
                         " op_id TEXT,"
                         " prev_hash BLOB NOT NULL,"
                         " hash BLOB NOT NULL)"),
          QStringLiteral("CREATE INDEX audit_time ON audit_log(time_ms)"),
          QStringLiteral("CREATE INDEX audit_record ON audit_log(record_id)"),
          QStringLiteral(
              "CREATE TABLE device_clock (device TEXT PRIMARY KEY, last_hlc TEXT NOT NULL)"),
          QStringLiteral("CREATE TABLE local_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")}});

    // Sync. On a client: local ops the server refused (the Conflicts view).
    // On the server: the append-only Merkle log of accepted ops (leaf index,
    // the client's address) with its stored perfect subtrees, sessions (only
    // a hash of each token), and refusals by op and pusher so that a retried
    // push gets the same answer. Log indexes are handed out under a row lock
    // (log_lock), so they follow commit order on PostgreSQL too.
    m.append({4,
              "sync: refused local ops, server log and Merkle nodes, sessions",
              {QStringLiteral("CREATE TABLE sync_rejected ("
                              " op_id TEXT PRIMARY KEY,"
                              " entity TEXT NOT NULL,"
                              " entity_id TEXT NOT NULL,"
                              " kind TEXT NOT NULL,"
                              " fields TEXT NOT NULL,"
                              " op_hlc TEXT NOT NULL,"
                              " code TEXT NOT NULL,"
                              " message TEXT NOT NULL,"
                              " rejected_ms INTEGER NOT NULL)"),
               QStringLiteral("CREATE TABLE server_log ("
                              " idx INTEGER NOT NULL PRIMARY KEY,"
                              " op_seq INTEGER NOT NULL UNIQUE REFERENCES oplog(seq),"
                              " op_id TEXT NOT NULL UNIQUE,"
                              " entity TEXT NOT NULL,"
                              " entity_id TEXT NOT NULL,"
                              " peer TEXT NOT NULL,"
                              " received_ms INTEGER NOT NULL)"),
               QStringLiteral("CREATE TABLE merkle_node ("
                              " level INTEGER NOT NULL,"
                              " idx INTEGER NOT NULL,"
                              " hash BLOB NOT NULL,"
                              " PRIMARY KEY (level, idx))"),
               QStringLiteral("CREATE TABLE log_lock (id INTEGER NOT NULL PRIMARY KEY, "
                              "holder INTEGER NOT NULL)"),
               QStringLiteral("INSERT INTO log_lock (id, holder) VALUES (1, 0)"),
               QStringLiteral("CREATE TABLE server_session ("
                              " token_hash TEXT PRIMARY KEY,"
                              " user_id TEXT NOT NULL,"
                              " device TEXT NOT NULL,"
                              " created_ms INTEGER NOT NULL,"
                              " expires_ms INTEGER NOT NULL,"
                              " revoked_ms INTEGER,"
                              " peer TEXT NOT NULL)"),
               QStringLiteral("CREATE INDEX server_session_user ON server_session(user_id)"),
               QStringLiteral("CREATE TABLE push_refusal ("
                              " op_id TEXT NOT NULL,"
                              " user_id TEXT NOT NULL,"
                              " code TEXT NOT NULL,"
                              " message TEXT NOT NULL,"
                              " PRIMARY KEY (op_id, user_id))")}});

    // A record's own log entries, for a client it has just come into view of;
    // the version an edit of a guarded field was based on (Operation::base).
    m.append({5,
              "server log by record, compare-and-set base of ops, customers",
              {QStringLiteral("ALTER TABLE oplog ADD COLUMN base TEXT"),
               QStringLiteral("CREATE INDEX server_log_record ON server_log(entity_id, entity)"),
               QStringLiteral("CREATE TABLE customer ("
                              " id TEXT PRIMARY KEY,"
                              " name TEXT NOT NULL,"
                              " owner_id TEXT NOT NULL,"
                              " contact_name TEXT,"
                              " phone TEXT,"
                              " email TEXT,"
                              " city TEXT,"
                              " status TEXT NOT NULL,"
                              " note TEXT," BATON_RECORD_COLUMNS ")"),
               QStringLiteral("CREATE INDEX customer_owner ON customer(owner_id)")}});

    // Approval workflows (issue 4). Templates are versioned records; a
    // request's steps and its files are found by request, a person's queue
    // by approver.
    m.append(
        {6,
         "approval workflows: templates, requests, steps, attachments, time stamps",
         {QStringLiteral("CREATE TABLE workflow_template ("
                         " id TEXT PRIMARY KEY,"
                         " code TEXT NOT NULL,"
                         " version INTEGER NOT NULL,"
                         " name TEXT NOT NULL,"
                         " kind TEXT NOT NULL,"
                         " currency TEXT,"
                         " nodes TEXT NOT NULL,"
                         " active INTEGER NOT NULL DEFAULT 1," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX workflow_template_code ON workflow_template(code)"),
          QStringLiteral("CREATE TABLE approval_request ("
                         " id TEXT PRIMARY KEY,"
                         " template_id TEXT NOT NULL,"
                         " subject TEXT NOT NULL,"
                         " body TEXT,"
                         " amount INTEGER NOT NULL DEFAULT 0,"
                         " currency TEXT,"
                         " submitter_id TEXT NOT NULL,"
                         " department_id TEXT NOT NULL,"
                         " status TEXT NOT NULL,"
                         " round INTEGER NOT NULL DEFAULT 1,"
                         " submitted_ms INTEGER NOT NULL,"
                         " paid_ms INTEGER," BATON_RECORD_COLUMNS ")"),
          QStringLiteral(
              "CREATE INDEX approval_request_submitter ON approval_request(submitter_id)"),
          QStringLiteral("CREATE TABLE approval_step ("
                         " id TEXT PRIMARY KEY,"
                         " request_id TEXT NOT NULL,"
                         " round INTEGER NOT NULL,"
                         " node_index INTEGER NOT NULL,"
                         " node_key TEXT NOT NULL,"
                         " title TEXT NOT NULL,"
                         " assignee_id TEXT,"
                         " actor_role TEXT,"
                         " everyone INTEGER NOT NULL DEFAULT 0,"
                         " needs_attachment INTEGER NOT NULL DEFAULT 0,"
                         " deadline_ms INTEGER,"
                         " added_by TEXT,"
                         " state TEXT NOT NULL,"
                         " opinion TEXT,"
                         " decided_by TEXT,"
                         " decided_ms INTEGER,"
                         " decided_from TEXT,"
                         " signed_content TEXT,"
                         " signature TEXT," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX approval_step_request ON approval_step(request_id)"),
          QStringLiteral("CREATE INDEX approval_step_assignee ON approval_step(assignee_id)"),
          QStringLiteral("CREATE TABLE approval_attachment ("
                         " id TEXT PRIMARY KEY,"
                         " request_id TEXT NOT NULL,"
                         " step_id TEXT,"
                         " round INTEGER NOT NULL,"
                         " name TEXT NOT NULL,"
                         " mime TEXT,"
                         " size INTEGER NOT NULL,"
                         " sha256 TEXT NOT NULL,"
                         " content TEXT NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral(
              "CREATE INDEX approval_attachment_request ON approval_attachment(request_id)"),
          QStringLiteral("CREATE TABLE signature_timestamp ("
                         " id TEXT PRIMARY KEY,"
                         " step_id TEXT NOT NULL,"
                         " token TEXT NOT NULL,"
                         " time_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX signature_timestamp_step ON signature_timestamp(step_id)"),
          // This device's signing keys, never replicated: the private key
          // is encrypted under its owner's password (DESIGN.md section 4).
          QStringLiteral("CREATE TABLE signing_key ("
                         " user_id TEXT NOT NULL,"
                         " device TEXT NOT NULL,"
                         " encrypted_key TEXT NOT NULL,"
                         " public_key TEXT NOT NULL,"
                         " certificate TEXT,"
                         " ca_certificate TEXT,"
                         " created_ms INTEGER NOT NULL,"
                         " PRIMARY KEY (user_id, device))")}});

    // Work trail and handover (issue 5). A duty is one person's
    // responsibility for a period; tasks, their progress reports and the
    // trail are found by person; a handover's items by case. document_blob
    // is this device's content-addressed file store, not replicated: trail
    // items name their files by SHA-256.
    m.append({7,
              "work trail and handover: duties, tasks, trail items, handover cases",
              {QStringLiteral("CREATE TABLE duty ("
                              " id TEXT PRIMARY KEY,"
                              " employee_id TEXT NOT NULL,"
                              " responsibility_id TEXT,"
                              " title TEXT NOT NULL,"
                              " detail TEXT,"
                              " customer_id TEXT,"
                              " project TEXT,"
                              " valid_from TEXT NOT NULL,"
                              " valid_to TEXT,"
                              " handed_from_id TEXT," BATON_RECORD_COLUMNS ")"),
               QStringLiteral("CREATE INDEX duty_employee ON duty(employee_id)"),
               QStringLiteral("CREATE TABLE task ("
                              " id TEXT PRIMARY KEY,"
                              " owner_id TEXT NOT NULL,"
                              " duty_id TEXT,"
                              " customer_id TEXT,"
                              " project TEXT,"
                              " title TEXT NOT NULL,"
                              " detail TEXT,"
                              " status TEXT NOT NULL,"
                              " progress INTEGER NOT NULL DEFAULT 0,"
                              " start_date TEXT,"
                              " due_date TEXT,"
                              " done_date TEXT," BATON_RECORD_COLUMNS ")"),
               QStringLiteral("CREATE INDEX task_owner ON task(owner_id)"),
               QStringLiteral("CREATE TABLE task_update ("
                              " id TEXT PRIMARY KEY,"
                              " task_id TEXT NOT NULL,"
                              " progress INTEGER NOT NULL,"
                              " status TEXT NOT NULL,"
                              " note TEXT,"
                              " reported_by TEXT NOT NULL,"
                              " reported_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
               QStringLiteral("CREATE INDEX task_update_task ON task_update(task_id)"),
               QStringLiteral("CREATE TABLE task_confirmation ("
                              " id TEXT PRIMARY KEY,"
                              " task_id TEXT NOT NULL,"
                              " update_id TEXT,"
                              " statement TEXT NOT NULL,"
                              " progress INTEGER NOT NULL,"
                              " confirmed_by TEXT NOT NULL,"
                              " confirmed_ms INTEGER NOT NULL,"
                              " signed_content TEXT NOT NULL,"
                              " signature TEXT NOT NULL," BATON_RECORD_COLUMNS ")"),
               QStringLiteral("CREATE INDEX task_confirmation_task ON task_confirmation(task_id)"),
               QStringLiteral("CREATE TABLE trail_item ("
                              " id TEXT PRIMARY KEY,"
                              " employee_id TEXT NOT NULL,"
                              " kind TEXT NOT NULL,"
                              " occurred_ms INTEGER NOT NULL,"
                              " title TEXT NOT NULL,"
                              " body TEXT,"
                              " sender TEXT,"
                              " recipients TEXT,"
                              " conversation TEXT,"
                              " customer_id TEXT,"
                              " duty_id TEXT,"
                              " source TEXT,"
                              " content_hash TEXT NOT NULL,"
                              " document_sha256 TEXT,"
                              " document_size INTEGER,"
                              " mime TEXT," BATON_RECORD_COLUMNS ")"),
               QStringLiteral(
                   "CREATE INDEX trail_item_employee ON trail_item(employee_id, occurred_ms)"),
               QStringLiteral("CREATE INDEX trail_item_hash ON trail_item(content_hash)"),
               QStringLiteral("CREATE TABLE handover_case ("
                              " id TEXT PRIMARY KEY,"
                              " leaver_id TEXT NOT NULL,"
                              " departure_date TEXT NOT NULL,"
                              " supervisor_id TEXT NOT NULL,"
                              " successors TEXT NOT NULL,"
                              " status TEXT NOT NULL,"
                              " request_id TEXT,"
                              " reason TEXT,"
                              " note TEXT,"
                              " started_by TEXT,"
                              " started_ms INTEGER NOT NULL,"
                              " completed_ms INTEGER," BATON_RECORD_COLUMNS ")"),
               QStringLiteral("CREATE INDEX handover_case_leaver ON handover_case(leaver_id)"),
               QStringLiteral("CREATE TABLE handover_item ("
                              " id TEXT PRIMARY KEY,"
                              " case_id TEXT NOT NULL,"
                              " kind TEXT NOT NULL,"
                              " ref_id TEXT,"
                              " title TEXT NOT NULL,"
                              " detail TEXT,"
                              " receiver_id TEXT,"
                              " added_by TEXT,"
                              " sort_order INTEGER NOT NULL DEFAULT 0," BATON_RECORD_COLUMNS ")"),
               QStringLiteral("CREATE INDEX handover_item_case ON handover_item(case_id)"),
               QStringLiteral("CREATE TABLE document_blob ("
                              " sha256 TEXT PRIMARY KEY,"
                              " size INTEGER NOT NULL,"
                              " mime TEXT,"
                              " content BLOB NOT NULL,"
                              " stored_ms INTEGER NOT NULL)")}});

    // A person's timeline reads the decisions, reports and confirmations
    // they made; without these it scans each table.
    m.append(
        {8,
         "work timeline: decisions, reports and confirmations by person",
         {QStringLiteral("CREATE INDEX approval_step_decided_by ON approval_step(decided_by)"),
          QStringLiteral("CREATE INDEX task_update_reported_by ON task_update(reported_by)"),
          QStringLiteral(
              "CREATE INDEX task_confirmation_confirmed_by ON task_confirmation(confirmed_by)")}});

    // Performance management (issue 6). Tasks gain a project, a parent task
    // (subtasks) and an actual start (done_date is the actual end; start and
    // due dates are the plan); a dependency is finish-to-start. Reports and
    // comments are append-only. A warning is computed from the data; only
    // what people did about it (alert_state) is stored, so two devices never
    // raise the same warning twice. performance_setting holds the company's
    // thresholds, grade scale, feedback dimensions and reward rules as JSON
    // by name. Goals form a tree (company, department, person), in a cycle
    // or outside one; an indicator belongs to a goal and its values are
    // appended. Numbers are integers: measured values and targets in
    // thousandths of their unit, scores and weights in basis points (100% =
    // 10000), so that signed and hashed records never carry a float. A miss
    // is a work_issue; its attribution is the employee's
    // statement, then the supervisor's signed confirmation or correction.
    m.append(
        {9,
         "performance management: projects, reports, warnings, goals, feedback, reviews",
         {QStringLiteral("CREATE TABLE project ("
                         " id TEXT PRIMARY KEY,"
                         " code TEXT,"
                         " title TEXT NOT NULL,"
                         " detail TEXT,"
                         " owner_id TEXT NOT NULL,"
                         " department_id TEXT NOT NULL,"
                         " customer_id TEXT,"
                         " start_date TEXT,"
                         " due_date TEXT,"
                         " status TEXT NOT NULL,"
                         " shift_dependents INTEGER NOT NULL DEFAULT 1," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX project_department ON project(department_id)"),
          QStringLiteral("ALTER TABLE task ADD COLUMN project_id TEXT"),
          QStringLiteral("ALTER TABLE task ADD COLUMN parent_id TEXT"),
          QStringLiteral("ALTER TABLE task ADD COLUMN actual_start TEXT"),
          QStringLiteral("ALTER TABLE task ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 0"),
          QStringLiteral("CREATE INDEX task_project ON task(project_id)"),
          // The rules walk a plan one link at a time: subtasks by parent,
          // successors by predecessor.
          QStringLiteral("CREATE INDEX task_parent ON task(parent_id)"),
          QStringLiteral("CREATE TABLE task_dependency ("
                         " id TEXT PRIMARY KEY,"
                         " project_id TEXT NOT NULL,"
                         " predecessor_id TEXT NOT NULL,"
                         " successor_id TEXT NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX task_dependency_project ON task_dependency(project_id)"),
          QStringLiteral(
              "CREATE INDEX task_dependency_predecessor ON task_dependency(predecessor_id)"),
          QStringLiteral("CREATE TABLE work_report ("
                         " id TEXT PRIMARY KEY,"
                         " author_id TEXT NOT NULL,"
                         " period TEXT NOT NULL,"
                         " period_start TEXT NOT NULL,"
                         " done TEXT,"
                         " planned TEXT,"
                         " blockers TEXT,"
                         " submitted_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX work_report_author ON work_report(author_id, period_start)"),
          QStringLiteral("CREATE TABLE work_comment ("
                         " id TEXT PRIMARY KEY,"
                         " subject_id TEXT NOT NULL,"
                         " target_entity TEXT NOT NULL,"
                         " target_id TEXT NOT NULL,"
                         " author_id TEXT NOT NULL,"
                         " body TEXT NOT NULL,"
                         " written_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX work_comment_target ON work_comment(target_id)"),
          QStringLiteral(
              "CREATE INDEX work_comment_subject ON work_comment(subject_id, written_ms)"),
          QStringLiteral("CREATE TABLE alert_state ("
                         " id TEXT PRIMARY KEY,"
                         " alert_key TEXT NOT NULL,"
                         " employee_id TEXT NOT NULL,"
                         " state TEXT NOT NULL,"
                         " note TEXT,"
                         " by_id TEXT NOT NULL,"
                         " at_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX alert_state_employee ON alert_state(employee_id)"),
          QStringLiteral("CREATE TABLE performance_setting ("
                         " id TEXT PRIMARY KEY,"
                         " name TEXT NOT NULL,"
                         " value TEXT NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX performance_setting_name ON performance_setting(name)"),
          QStringLiteral("CREATE TABLE review_cycle ("
                         " id TEXT PRIMARY KEY,"
                         " kind TEXT NOT NULL,"
                         " title TEXT NOT NULL,"
                         " starts_on TEXT NOT NULL,"
                         " ends_on TEXT NOT NULL,"
                         " status TEXT NOT NULL,"
                         " closed_ms INTEGER,"
                         " closed_by TEXT," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE TABLE goal ("
                         " id TEXT PRIMARY KEY,"
                         " cycle_id TEXT,"
                         " parent_id TEXT,"
                         " level TEXT NOT NULL,"
                         " kind TEXT NOT NULL,"
                         " title TEXT NOT NULL,"
                         " detail TEXT,"
                         " department_id TEXT,"
                         " employee_id TEXT,"
                         " position_id TEXT,"
                         " weight_bp INTEGER NOT NULL,"
                         " assigned_by TEXT," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX goal_cycle ON goal(cycle_id)"),
          QStringLiteral("CREATE INDEX goal_parent ON goal(parent_id)"),
          QStringLiteral("CREATE INDEX goal_employee ON goal(employee_id)"),
          QStringLiteral("CREATE TABLE indicator ("
                         " id TEXT PRIMARY KEY,"
                         " goal_id TEXT NOT NULL,"
                         " metric TEXT NOT NULL,"
                         " unit TEXT,"
                         " metric_kind TEXT NOT NULL,"
                         " direction TEXT NOT NULL,"
                         " target_milli INTEGER NOT NULL,"
                         " threshold_milli INTEGER,"
                         " weight_bp INTEGER NOT NULL,"
                         " source TEXT NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX indicator_goal ON indicator(goal_id)"),
          QStringLiteral("CREATE TABLE indicator_value ("
                         " id TEXT PRIMARY KEY,"
                         " indicator_id TEXT NOT NULL,"
                         " value_milli INTEGER NOT NULL,"
                         " measured_on TEXT NOT NULL,"
                         " source TEXT NOT NULL,"
                         " note TEXT,"
                         " entered_by TEXT,"
                         " entered_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX indicator_value_indicator ON indicator_value(indicator_id, "
                         "measured_on)"),
          QStringLiteral("CREATE TABLE consequence_rule ("
                         " id TEXT PRIMARY KEY,"
                         " indicator_id TEXT,"
                         " name TEXT NOT NULL,"
                         " trigger_kind TEXT NOT NULL,"
                         " below_bp INTEGER,"
                         " issue_category TEXT,"
                         " times INTEGER,"
                         " effect_kind TEXT NOT NULL,"
                         " bonus_bp INTEGER,"
                         " effect_name TEXT," BATON_RECORD_COLUMNS ")"),
          QStringLiteral(
              "CREATE INDEX consequence_rule_indicator ON consequence_rule(indicator_id)"),
          QStringLiteral("CREATE TABLE feedback_request ("
                         " id TEXT PRIMARY KEY,"
                         " cycle_id TEXT NOT NULL,"
                         " subject_id TEXT NOT NULL,"
                         " relation TEXT NOT NULL,"
                         " respondent_id TEXT,"
                         " customer_id TEXT,"
                         " requested_by TEXT NOT NULL,"
                         " requested_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX feedback_request_subject ON feedback_request(subject_id)"),
          QStringLiteral(
              "CREATE INDEX feedback_request_respondent ON feedback_request(respondent_id)"),
          QStringLiteral("CREATE TABLE feedback_answer ("
                         " id TEXT PRIMARY KEY,"
                         " request_id TEXT NOT NULL,"
                         " scores TEXT NOT NULL,"
                         " comment TEXT,"
                         " customer_message TEXT,"
                         " message_sha256 TEXT,"
                         " entered_by TEXT NOT NULL,"
                         " answered_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX feedback_answer_request ON feedback_answer(request_id)"),
          QStringLiteral("CREATE TABLE review_result ("
                         " id TEXT PRIMARY KEY,"
                         " cycle_id TEXT NOT NULL,"
                         " employee_id TEXT NOT NULL,"
                         " indicator_score_bp INTEGER,"
                         " feedback_score_bp INTEGER,"
                         " manager_rating_bp INTEGER,"
                         " score_bp INTEGER,"
                         " grade TEXT,"
                         " comment TEXT,"
                         " rated_by TEXT,"
                         " rated_ms INTEGER," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX review_result_cycle ON review_result(cycle_id)"),
          QStringLiteral("CREATE INDEX review_result_employee ON review_result(employee_id)"),
          QStringLiteral("CREATE TABLE work_issue ("
                         " id TEXT PRIMARY KEY,"
                         " cycle_id TEXT,"
                         " employee_id TEXT NOT NULL,"
                         " category TEXT NOT NULL,"
                         " title TEXT NOT NULL,"
                         " detail TEXT,"
                         " task_id TEXT,"
                         " indicator_id TEXT,"
                         " occurred_on TEXT NOT NULL,"
                         " recorded_by TEXT NOT NULL,"
                         " recorded_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX work_issue_employee ON work_issue(employee_id)"),
          QStringLiteral("CREATE INDEX work_issue_cycle ON work_issue(cycle_id)"),
          QStringLiteral("CREATE TABLE attribution ("
                         " id TEXT PRIMARY KEY,"
                         " issue_id TEXT NOT NULL,"
                         " stage TEXT NOT NULL,"
                         " cause TEXT NOT NULL,"
                         " statement TEXT,"
                         " by_id TEXT NOT NULL,"
                         " at_ms INTEGER NOT NULL,"
                         " signed_content TEXT,"
                         " signature TEXT," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX attribution_issue ON attribution(issue_id)"),
          QStringLiteral("CREATE TABLE award ("
                         " id TEXT PRIMARY KEY,"
                         " cycle_id TEXT,"
                         " employee_id TEXT NOT NULL,"
                         " kind TEXT NOT NULL,"
                         " name TEXT,"
                         " bonus_bp INTEGER,"
                         " reason TEXT NOT NULL,"
                         " rule_name TEXT,"
                         " granted_by TEXT,"
                         " granted_ms INTEGER NOT NULL," BATON_RECORD_COLUMNS ")"),
          QStringLiteral("CREATE INDEX award_employee ON award(employee_id)")}});
    // The answers about a person reach only HR and the person's supervisors;
    // the anonymous view of them that the person may see travels with the
    // review result, written by whoever rates or closes the cycle.
    m.append({10,
              "feedback view published with a review result",
              {QStringLiteral("ALTER TABLE review_result ADD COLUMN feedback_view TEXT")}});
    return m;
}

#undef BATON_RECORD_COLUMNS

} // namespace

const QList<Migration> &Migrations::all()
{
    static const QList<Migration> migrations = makeMigrations();
    return migrations;
}

int Migrations::latest()
{
    return all().isEmpty() ? 0 : all().constLast().version;
}

Error Migrations::newerVersionError(int found)
{
    return Error(QStringLiteral("store.newer_version"),
                 tr("This database was written by a newer version of Baton (schema %1; this "
                    "Baton understands up to %2). Install the newer Baton to open it; the "
                    "file was not changed.")
                     .arg(found)
                     .arg(latest()));
}

Status Migrations::migrate(Database &db, int target)
{
    if (target < 0)
        target = latest();
    auto current = db.schemaVersion();
    if (!current)
        return current.error();
    if (*current > latest())
        return newerVersionError(*current);
    for (const Migration &step : all()) {
        if (step.version <= *current || step.version > target)
            continue;
        if (db.isReadOnly())
            return Error(QStringLiteral("store.read_only"),
                         tr("The database needs an upgrade to schema %1, but it is open read-only.")
                             .arg(step.version));
        qCInfo(lcStore) << "migrating to schema" << step.version << "-" << step.summary;
        if (auto s = db.begin(); !s)
            return s;
        if (db.dialect().isPostgres()) {
            // Servers sharing one PostgreSQL database may start together:
            // begin() made this one the only writer; another may have
            // migrated while it waited.
            auto now = db.schemaVersion();
            if (!now || *now >= step.version) {
                db.rollback();
                if (!now)
                    return now.error();
                continue;
            }
        }
        for (const QString &statement : step.statements) {
            if (auto s = db.exec(db.ddl(statement)); !s) {
                db.rollback();
                return Error(s.error().code, tr("Upgrading the database to schema %1 failed: %2")
                                                 .arg(step.version)
                                                 .arg(s.error().message));
            }
        }
        if (auto s = db.setSchemaVersion(step.version); !s) {
            db.rollback();
            return s;
        }
        if (auto s = db.commit(); !s)
            return s;
    }
    return {};
}

} // namespace baton
