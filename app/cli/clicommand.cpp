#include "clicommand.h"

#include "store/store.h"

#include <QFile>
#include <QFileInfo>

namespace baton {

QCommandLineOption CliCommand::databaseOption()
{
    return QCommandLineOption(QStringList{QStringLiteral("database"), QStringLiteral("d")},
                              tr("The Baton database file."), tr("FILE"));
}

bool CliCommand::parse(QCommandLineParser &parser, const QStringList &args, const QString &usage)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        m_err << parser.errorText() << Qt::endl << usage << Qt::endl;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << usage << Qt::endl << parser.helpText();
        return false;
    }
    return true;
}

std::unique_ptr<Store> CliCommand::openStore(const QString &path, std::function<qint64()> clock)
{
    if (path.isEmpty()) {
        m_err << tr("Give the database file with --database FILE.") << Qt::endl;
        return nullptr;
    }
    Store::Options options;
    options.path = path;
    options.wallClock = std::move(clock);
    auto store = Store::open(options);
    if (!store) {
        m_err << store.error().message << Qt::endl;
        return nullptr;
    }
    return std::move(store).value();
}

QString CliCommand::readPasswordFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_err << tr("Cannot read the password file %1.").arg(path) << Qt::endl;
        return {};
    }
    QByteArray line = file.readLine(4096);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

int CliCommand::fail(const Error &error)
{
    m_err << error.message << Qt::endl;
    return ExitFailed;
}

} // namespace baton
