#pragma once

#include "util/result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <memory>

namespace baton {

class Store;

// Exit codes of baton-cli.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2 };

// Shared plumbing of the sub-commands: output streams, the --database
// option, opening the store with a clear message.
class CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliCommand)
public:
    CliCommand(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err)
    { }

    static QCommandLineOption databaseOption();
    // Parses args (the sub-command's own, with the program name first);
    // prints usage errors. False: exit with ExitUsage.
    bool parse(QCommandLineParser &parser, const QStringList &args, const QString &usage);
    // clock: the store's wall clock (the demo company's history); default now.
    std::unique_ptr<Store> openStore(const QString &path, std::function<qint64()> clock = {});
    int fail(const Error &error);
    // The first line of a password file, without its line ending (spaces
    // are part of a password). Empty and a message when it cannot be read.
    QString readPasswordFile(const QString &path);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

private:
    QTextStream &m_out;
    QTextStream &m_err;
};

int runInit(const QStringList &args, QTextStream &out, QTextStream &err);
int runDemo(const QStringList &args, QTextStream &out, QTextStream &err);
int runAudit(const QStringList &args, QTextStream &out, QTextStream &err);
int runSync(const QStringList &args, QTextStream &out, QTextStream &err);
int runVerify(const QStringList &args, QTextStream &out, QTextStream &err);
int runExport(const QStringList &args, QTextStream &out, QTextStream &err);
int runImport(const QStringList &args, QTextStream &out, QTextStream &err);
int runExportDossier(const QStringList &args, QTextStream &out, QTextStream &err);
int runVerifyBundle(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace baton
