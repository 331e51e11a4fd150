#pragma once

#include <QWidget>

class QLabel;

namespace baton {

// The top of every module page: the module's icon, its title and one line
// saying what the page is for. Callers set (and re-set on a language change)
// the texts.
class PageHeader : public QWidget
{
    Q_OBJECT
public:
    explicit PageHeader(const QString &iconName, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setSubtitle(const QString &subtitle);
    QString title() const;

private:
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_subtitle;
};

} // namespace baton
