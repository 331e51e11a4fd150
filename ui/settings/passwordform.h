#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace baton {

class AppContext;
class MessageLabel;
class NewPasswordFields;

// The signed-in user changes their own password: the current one is checked
// again first (through the authenticator, so failures count towards the
// lockout like any sign-in), then the new one is stored as an operation.
class PasswordForm : public QWidget
{
    Q_OBJECT
public:
    explicit PasswordForm(AppContext &context, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButton();
    void changePassword();

    AppContext &m_context;
    QLabel *m_currentLabel;
    QLineEdit *m_current;
    NewPasswordFields *m_fields;
    QPushButton *m_change;
    MessageLabel *m_message;
    bool m_allowed;
};

} // namespace baton
