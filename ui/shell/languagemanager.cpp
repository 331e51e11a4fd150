#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace baton {

namespace {
const QString settingsKey = QStringLiteral("ui/language");
LanguageManager *s_instance = nullptr;
} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
    s_instance = this;
}

LanguageManager::~LanguageManager()
{
    removeTranslators();
    if (s_instance == this)
        s_instance = nullptr;
}

LanguageManager *LanguageManager::instance()
{
    return s_instance;
}

QList<LanguageManager::Language> LanguageManager::languages()
{
    // Each language names itself in its own script, never translated.
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

bool LanguageManager::isKnown(const QString &code)
{
    for (const Language &l : languages())
        if (l.code == code)
            return true;
    return false;
}

void LanguageManager::restore()
{
    QString code = QSettings().value(settingsKey).toString();
    if (!isKnown(code))
        code = QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                                : QStringLiteral("en");
    setLanguage(code, Persist::No);
}

void LanguageManager::removeTranslators()
{
    for (auto *t : {m_baton.get(), m_qt.get()})
        if (t)
            QCoreApplication::removeTranslator(t);
    m_baton.reset();
    m_qt.reset();
}

bool LanguageManager::setLanguage(const QString &code, Persist persist)
{
    if (!isKnown(code))
        return false;
    if (persist == Persist::Yes)
        QSettings().setValue(settingsKey, code);
    if (code == m_current && (m_baton || code == QLatin1String("en")))
        return true;

    removeTranslators();
    m_current = code;
    m_hasCatalogue = true;
    const QLocale locale(code);
    QLocale::setDefault(locale);
    if (code != QLatin1String("en")) {
        auto baton = std::make_unique<QTranslator>();
        m_hasCatalogue = baton->load(QStringLiteral("baton_") + code, m_catalogueFolder);
        if (m_hasCatalogue && QCoreApplication::installTranslator(baton.get()))
            m_baton = std::move(baton);
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))
            && QCoreApplication::installTranslator(qt.get()))
            m_qt = std::move(qt);
    }
    Q_EMIT languageChanged(code);
    return true;
}

} // namespace baton
