<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountRules</name>
    <message>
        <source>account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A login uses 2 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must be stored as an scrypt verifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The employee for this account does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This employee already has an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account for this role does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department for this role does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A role must end after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last administrator role; grant another administrator first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>checking for an administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already has an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts and roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <source>Usage: baton-cli audit verify --database FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give an existing database file with --database FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BROKEN: entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  entry %1 reads: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK: all %1 audit entries check out (%2 s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditCsvWriter</name>
    <message>
        <source>Could not create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditEntryReader</name>
    <message>
        <source>reading an audit entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>counting audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditVerifier</name>
    <message>
        <source>reading the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 is missing: the trail jumps from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 does not follow entry %2: an entry before it was removed, inserted or rewritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 was changed after it was written: its content no longer matches its hash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry 1 is missing: the trail starts at entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Authenticator</name>
    <message>
        <source>reading sign-in attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording a failed sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (locked after %n failed attempt(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>recording a sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt while locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts: this account is locked on this computer until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee has left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account belonged to an employee who has left; access ended on the departure date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatonCli</name>
    <message>
        <source>Usage: baton-cli COMMAND [options]

Commands:
  init --database FILE --admin NAME (--password-file F | --password P)
        Create a database and its first administrator.
  demo --employees N --seed S --database FILE [--locale zh_CN|en]
        Create the demo company in a new database and print its logins.
  audit verify --database FILE
        Check the audit trail&apos;s hash chain; name the first broken entry.

Run baton-cli COMMAND --help for the options of a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CanonicalJson</name>
    <message>
        <source>A field name contains an invalid character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is nested too deeply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only whole numbers up to 2^53 are allowed (money in minor units, times in milliseconds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text value contains an invalid character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <source>The Baton database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the database file with --database FILE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>No database file was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baton cannot write to %1: the %2 is read-only. Check the file&apos;s permissions, or copy it to a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in use by another program, so Baton could not switch it to shared mode. Close the other program and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running a database command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error: a transaction is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is locked by another program (another copy of Baton?). Close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 is read-only; Baton cannot save changes to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Baton database or is damaged. Restore it from a backup, or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database error occurred while %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the schema version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>Number of employees (20 to 200000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed: the same seed gives the same company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names and texts: zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LOCALE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the company as of this date (YYYY-MM-DD) instead of today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add routine history until the audit trail holds N entries (benchmark data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: baton-cli demo --employees N --seed S --database FILE [--locale zh_CN|en]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--employees needs a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed needs a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--locale is zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--today needs a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--audit-entries needs a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo company written to %1 in %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoCompany</name>
    <message>
        <source>The demo vocabulary for %1 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 records written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database already holds a company; the demo company needs a new, empty database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose between 20 and 200,000 employees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planning %1 (%2 employees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Directory</name>
    <message>
        <source>counting employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading an employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This employee does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading responsibilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading possible managers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding an employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No employee has the number %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployeeChanges</name>
    <message>
        <source>Employee number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmployeeCsvExporter</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened for writing: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department %1 and below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department %1 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n employee(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n employee(s) to %1, filtered by %2</source>
        <extracomment>%2 lists the filters, e.g. text &quot;zhang&quot;; status active</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmployeeValidator</name>
    <message>
        <source>Remove the control characters (such as tabs) from this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 characters are allowed; this has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the employee number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only, starting with a letter or digit (at most 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the given name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an e-mail address (for example name@example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use digits, spaces, +, - and brackets only, 5 to 26 characters, starting with + or a digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the hire date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The departure date is before the hire date (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A departing or departed employee needs a departure date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains an invalid character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1 characters long; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the year %1 is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be one of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has an unknown type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>reading a record&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HlcClock</name>
    <message>
        <source>The change is dated %1 ms ahead of this computer&apos;s clock (at most %2 ms allowed). Check the clock of device %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InitCommand</name>
    <message>
        <source>Login of the first administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the administrator&apos;s password from the first line of FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator&apos;s password (visible to other users of this computer; prefer --password-file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASSWORD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: baton-cli init --database FILE --admin NAME (--password-file F | --password P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the password file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the administrator&apos;s password with --password-file FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 with administrator &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>This database was written by a newer version of Baton (schema %1; this Baton understands up to %2). Install the newer Baton to open it; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database needs an upgrade to schema %1, but it is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModulePreview</name>
    <message>
        <source>When someone leaves, everything they were responsible for passes to a named successor on a signed checklist, so nothing is lost and every step can be shown later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No handovers in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A handover starts in People when HR records a departure. Baton then prepares the checklist from the leaver&apos;s own records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A checklist that fills itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tasks (overdue ones first), customers owned, responsibilities from the job description, approvals waiting on the leaver and where the key documents are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leaver confirms the list, the successor confirms what they receive and the supervisor approves; each signs with their own password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work moves on approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks and customers pass to the successor, and the leaver&apos;s access ends by itself on the last day, offline included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof when it is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months later, show who was responsible for what on any date and export a dossier that an outside expert can verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests that need a decision wait here for the people who must take it, in order, with their attachments and history beside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting for your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a colleague submits an expense claim, a delivery request or another request that needs your approval, it appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests waiting on you, oldest first, with each step&apos;s deadline; steps past their deadline show in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving or rejecting signs the decision with your own key. A decision taken offline shows its local time and, once synced, the server&apos;s trusted time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules that hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps and limits follow the organisation&apos;s rules: a claim above the threshold cannot be paid without the general manager&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If someone else decided the same step while you were offline, you see whose decision came first and why yours was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators, ratings and 360 feedback roll up into scores for each period, which employees and managers review together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review period is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR opens a review period; indicators, reports and ratings then feed the scores listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores from indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each indicator rolls up into the period score, with the misses that lowered it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>360 feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers answer anonymously; answers are shown only once three peers have replied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The score distribution, the most common causes of misses and the overdue rate over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employees state the cause of each miss and managers confirm or correct it; the rules assign training or recognition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects, tasks and weekly reports on one timeline, so it is clear on any date who was responsible for each deliverable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a project and its tasks; their owners confirm progress and write weekly reports against them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gantt chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom by day, week or month, drag a task to reschedule it and its dependents follow; overdue work shows in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The owner marks a task done and the manager confirms it, so finished means agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports and managers&apos; comments stay with the project as part of its trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every customer has an owner; sales staff see their own customers only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baton watches deadlines and tells the right people before something slips.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When something needs attention, an alert appears here and as a desktop notification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A task past its due date, with how many days it is late and who owns it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A weekly report that was not written on time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An approval step past its deadline, and whose decision it waits for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departures close to the last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A handover whose checklist is still open a few days before the employee leaves.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handovers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Malformed change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;fields&quot; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;id&quot; is not a version 7 UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;entity&quot; is empty or too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;entityId&quot; is not a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;hlc&quot; is not a clock reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;author&quot; is not a UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;device&quot; is empty or does not match the clock reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;fields&quot; holds a value that cannot be stored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrgNameResolver</name>
    <message>
        <source>Unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrgRules</name>
    <message>
        <source>The %1 chosen does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 chosen has been retired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head office is the top of the organisation and has no parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the department this one belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A department cannot belong to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parent department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A department cannot be moved below one of its own sub-departments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone (for example Asia/Shanghai).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code (for example CNY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move or retire its sub-departments first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move its %n employee(s) to another department first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The position code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The employee number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number (digits, spaces, +, - and brackets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The departure date (%1) is before the hire date (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A departing or departed employee needs a departure date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An employee cannot be their own manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manager chosen does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manager chosen has left the company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manager must work in the employee&apos;s department or a department above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This manager reports, directly or not, to the employee: the reporting line would go round in a circle.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Organisation</name>
    <message>
        <source>Head office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <source>scrypt is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be processed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password hashing parameters are out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secure random numbers are available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored password is unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least 8 characters for the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password cannot be blank.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>This account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 belongs to an employee who has left; access ended on their departure date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not permitted to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may %2 only within their own scope; this record is outside it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordIO</name>
    <message>
        <source>reading a %1 record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving a new %1 record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving a %1 record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up a %1 record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting %1 records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up %1 records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::AuditDetailPane</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entry to see everything it records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 UTC</source>
        <extracomment>%1 local time with UTC offset, %2 the same moment in UTC</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>An action&apos;s readable label and its stored code, e.g. &quot;Sign in (login)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hash matches this entry&apos;s content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hash does not match this entry&apos;s content: the entry was changed after it was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::AuditExportJob</name>
    <message>
        <source>Exporting the audit trail...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::AuditFilterBar</name>
    <message>
        <source>Search summaries and users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one kind of action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>period: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Separator between the filters of an export, e.g. &quot;outcome: Denied; period: Today&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::AuditPage</name>
    <message>
        <source>Export CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute every entry&apos;s hash and check that none was changed, removed or inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the audit trail needs a role that may verify it. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting needs a role that may export. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show newest entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting entries...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No audit entries match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is empty. Sign-ins, changes to records and exports are recorded here as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing entries from %1 back; newer entries are not listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry %1 is no longer in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit-trail-%1.csv</source>
        <extracomment>Default file name of an audit export; %1 is today&apos;s date</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 audit entries to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 audit entries to %2, filtered by %3</source>
        <extracomment>%3 lists the filters, e.g. &quot;outcome: Denied; period: Today&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be recorded in the audit trail, so the file was removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 entries to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::AuditTableModel</name>
    <message>
        <source>%1 %2</source>
        <extracomment>An audited record: its kind and the start of its id, e.g. &quot;Employee 0190ab12&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <extracomment>%1 local time with its UTC offset, %2 the same moment in UTC</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <extracomment>Column of audit entry numbers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::AuditVerifyPanel</name>
    <message>
        <source>%v of %m entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the audit chain...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit chain could not be verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Entry: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification cancelled after %1 of %2 entries; nothing was concluded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is empty: there is nothing to verify yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 entries check out: none was changed, removed or inserted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 of %2 entries could be checked; the chain is not proven intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show entry %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::DepartmentComboBox</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::DepartmentEditor</name>
    <message>
        <source>New department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the department out of use; its history is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes you made to this department?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire %1? It will no longer be offered for new assignments; its history is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not retired. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was retired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::DepartmentFields</name>
    <message>
        <source>For example ST3 or PRJ-E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: top of the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a short code for the department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The department code may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the department&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name may be at most 120 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head office is the top of the organisation and has no parent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the department this one belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A department cannot belong to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A department cannot be moved below one of its own sub-departments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known time zone (for example Asia/Shanghai).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the currency the department keeps its money in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::DepartmentTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::DesktopSession</name>
    <message>
        <source>Baton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baton cannot open the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That database could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::EmployeeArchiveFields</name>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+86 21 5555 0100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales staff (sees only their own customers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (outside this department&apos;s line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a position to see its responsibilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No responsibilities are described for this position yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::EmployeeDetailPane</name>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employment history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a person in the list to see their archive and employment history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the archive and choose Add employee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · signs in as %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::EmployeeFilterBar</name>
    <message>
        <source>Find by name, number, e-mail or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the people of one department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include sub-departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A status filter chip: status title and how many people have it, e.g. &quot;Active (120)&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All departments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::EmployeeForm</name>
    <message>
        <source>Show the saved version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manager must work in the employee&apos;s department or a department above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the employee number, family name, given name and department to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the fields marked in red to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may change only the e-mail, phone and English name in this archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This archive is read-only for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else saved changes to this archive while you were editing. Their changes are shown now; your unsaved edits are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed %1 while you were editing. Your values are still in the form and will replace theirs if you save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::EmployeeTableModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, last day %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::EmploymentHistoryModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::EmploymentHistoryView</name>
    <message>
        <source>Include changes to names and contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an employee to see their employment history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes have been recorded for this employee yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::FirstRunDialog</name>
    <message>
        <source>Set up Baton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This database is new.&lt;/b&gt; Choose the login and password of its administrator: the account that creates departments, user accounts and roles.&lt;/p&gt;&lt;p&gt;Keep the password somewhere safe. Baton stores only a verifier, so nobody can recover a forgotten password; another administrator can set a new one.&lt;/p&gt;&lt;p&gt;Database: %1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator &amp;login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A login uses 2 to 64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and starts with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::LoginDialog</name>
    <message>
        <source>Sign in to Baton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::MainWindow</name>
    <message>
        <source>About Baton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Baton %1&lt;/h3&gt;&lt;p&gt;Traceable responsibility for HR: archives, handovers and approvals, on- and offline.&lt;/p&gt;&lt;p&gt;When someone leaves, what they were responsible for, what they handed over and who approved it can be shown later, and proven.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 employee is leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 employees are leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - Baton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Another Database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Baton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::ModulePreviewPage</name>
    <message>
        <source>What you will find here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::NewPasswordFields</name>
    <message>
        <source>New &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the password again to confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passwords match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::OrganisationDialog</name>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments and stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positions and responsibilities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::PasswordForm</name>
    <message>
        <source>C&amp;urrent password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account may not change its own password. Ask an administrator to set a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one the next time you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::PeoplePage</name>
    <message>
        <source>New employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an employee&apos;s archive (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the people listed, as filtered, to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments, branch stores and positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln employee(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No one matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No employee matches the department and status chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No employee matches &quot;%1&quot; with the department and status chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No employees yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee archives you may see are listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This archive has changes that are not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save them before you leave it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>employees-%1.csv</source>
        <extracomment>Default file name of the employee list export; keep it short and without spaces.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the employee list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not permitted to export the employee list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be recorded in the audit trail, so the file was removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln employee(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>baton::PositionEditor</name>
    <message>
        <source>New position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes you made to this position?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a short code for the position, for example PM-SR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The position code may hold only letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (at most 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the position&apos;s title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title may be at most 120 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grade may be at most 32 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary may be at most 4000 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire %1? It will no longer be offered for new assignments; people who hold it keep it until they are moved, and its history is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not retired. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was retired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::PositionTableModel</name>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsibilities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::ResponsibilityEditor</name>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: requirements and delivery of project A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it covers: customers, systems, documents, deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the business area, for example &quot;requirements and delivery of project A&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title may be at most 200 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details may be at most 4000 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire &quot;%1&quot;? It will no longer be listed for this position; its history is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language and database of this computer, and your own password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baton switches at once and remembers the choice on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name under which this computer&apos;s changes appear in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baton opens this database when it starts. Each database has its own people, accounts and history; switching signs you out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Another Database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Database...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1. The password protects your account and, later, the key you sign decisions with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Baton Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baton databases (*.db *.baton);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Baton Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baton-new.db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baton databases (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Baton never replaces a database; to use it, choose Open Another Database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::ShellStatusBar</name>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: no server configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baton works on this computer&apos;s database. Changes are kept and sent once a sync server is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting to sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes made on this computer that no server has received yet. They are safe in the database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>baton::Store</name>
    <message>
        <source>reading the device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 does not exist here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading an account&apos;s roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking for repeated changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading a device clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change is dated before an earlier change from the same device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving a device clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is open read-only; nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind of record &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change does not name the device that made it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking for an administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes must be made by a signed-in account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 has no field &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 can only be added, not created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 must be created, not appended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a value is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 to change does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 cannot be changed once added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This %1 has been retired and can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retiring a record takes no fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be changed once set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no change (a later edit already holds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected write failure (test).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the change log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queueing a change for sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is open read-only; the event was not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting audit entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Baton: traceable responsibility for HR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the database FILE (created when missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the interface language LANG (en or zh_CN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LANG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language: %1 (use en or zh_CN).
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
