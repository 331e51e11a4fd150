#include "messagelabel.h"

namespace baton {

MessageLabel::MessageLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    // Top-aligned: a form may give a wrapped label more height than it uses.
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

QColor MessageLabel::colorFor(Kind kind, const QPalette &palette)
{
    switch (kind) {
    case Kind::Error:
        return QColor(0xb3, 0x26, 0x1e);
    case Kind::Success:
        return QColor(0x1e, 0x7d, 0x32);
    case Kind::Hint:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

void MessageLabel::showMessage(const QString &text, Kind kind)
{
    m_kind = kind;
    QPalette p = palette();
    p.setColor(QPalette::WindowText, colorFor(kind, QPalette()));
    setPalette(p);
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace baton
