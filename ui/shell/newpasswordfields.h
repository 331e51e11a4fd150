#pragma once

#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace baton {

class MessageLabel;

// A new password typed twice, checked as the user types against Baton's
// password rules (PasswordHash::checkStrength) and for a match. The form
// layout is exposed so a dialog can put its other rows (login, current
// password) in the same aligned form.
class NewPasswordFields : public QWidget
{
    Q_OBJECT
public:
    explicit NewPasswordFields(QWidget *parent = nullptr);

    QFormLayout *form() const { return m_form; }
    QString password() const;
    bool isValid() const { return m_valid; }
    void clear();

Q_SIGNALS:
    void validityChanged(bool valid);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void validate();

    QFormLayout *m_form;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_passwordLabel;
    QLabel *m_confirmLabel;
    MessageLabel *m_hint;
    bool m_valid = false;
};

} // namespace baton
