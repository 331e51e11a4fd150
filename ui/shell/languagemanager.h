#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QTranslator;

namespace baton {

// Switches the user interface language at run time. Installing or removing
// translators makes Qt send QEvent::LanguageChange to every widget, so each
// widget re-sets its texts in changeEvent(); languageChanged() is for objects
// that are not widgets (models, actions kept elsewhere).
//
// Baton's catalogue is ":/i18n/baton_<code>.qm" (compiled in by the
// translations target); Qt's own strings come from qtbase_<code>.qm in Qt's
// translations folder. A missing catalogue leaves those texts in English.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    struct Language
    {
        QString code;       // "en", "zh_CN"
        QString nativeName; // shown in the language's own script
    };

    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // The live manager, for pages that only hold an AppContext.
    static LanguageManager *instance();

    static QList<Language> languages();
    static bool isKnown(const QString &code);

    QString current() const { return m_current; }
    // True when Baton's own catalogue for the current language is loaded
    // (always true for English, the source language).
    bool hasCatalogue() const { return m_hasCatalogue; }

    // Where Baton's catalogues live; tests point this at their own.
    void setCatalogueFolder(const QString &folder) { m_catalogueFolder = folder; }

    // The saved choice, or the system's language when Baton speaks it.
    void restore();
    enum class Persist { Yes, No };
    // Applies code at once; unknown codes are refused.
    bool setLanguage(const QString &code, Persist persist = Persist::Yes);

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    void removeTranslators();

    QString m_current = QStringLiteral("en");
    QString m_catalogueFolder = QStringLiteral(":/i18n");
    bool m_hasCatalogue = true;
    std::unique_ptr<QTranslator> m_baton;
    std::unique_ptr<QTranslator> m_qt;
};

} // namespace baton
