#pragma once

#include "oplog/operation.h"
#include "policy/recordscope.h"
#include "record.h"
#include "util/result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>

namespace baton {

class RuleContext;

enum class FieldType {
    Text,    // single line, trimmed, maxLength characters
    Note,    // multi-line text, maxLength characters
    Date,    // calendar date "YYYY-MM-DD"
    Integer, // qint64
    TimeMs,  // UTC milliseconds since the epoch
    Bool,
    Id,   // UUID of a record of `references`
    Enum, // one of `values`
};

struct FieldDef
{
    QString name; // JSON key in operations and column name in the table
    FieldType type = FieldType::Text;
    int maxLength = 200;
    bool required = false;  // must be present (and not null) on create
    bool immutable = false; // cannot change after create
    bool secret = false;    // never shown in summaries, logs or history
    QStringList values;     // Enum
    QString references;     // Id: the entity it points to
    QVariant defaultValue;  // on create, when not given (invalid: null)
    // Compare-and-set (DESIGN.md section 5): an update carries the version
    // of this field its editor saw (Operation::base) and is refused when the
    // field has changed since. For sensitive fields and states.
    bool guarded = false;
    // A state machine (Enum): the values each value may move to. A change
    // to any other is refused; on the server, order of arrival decides
    // between two offline decisions, and the later one comes back refused.
    // Implies guarded.
    QHash<QString, QStringList> transitions;
    bool isGuarded() const { return guarded || !transitions.isEmpty(); }
};

// Domain rules of one entity, run inside the apply transaction on the state
// the op would produce.
class EntityRules
{
public:
    virtual ~EntityRules() = default;
    // before is empty for a create; after is before with the op's winning
    // fields applied.
    virtual Status check(RuleContext &ctx, const Operation &op, const Record &before,
                         const Record &after) const = 0;
    // The policy action this op needs, e.g. "employee.update_contact".
    virtual QString action(const Operation &op) const = 0;
    // Scope of a record for the policy. ctx may be used to follow references
    // (an account's scope is its employee's).
    virtual RecordScope scope(RuleContext &ctx, const Record &record) const = 0;
    // The policy action needed to see a record (the server sends it on pull
    // only to those who may); empty: every signed-in account, as for the
    // public directory of departments and positions.
    virtual QString readAction() const { return {}; }
    // Is this refusal of check() about who acts rather than what the op
    // says (acting out of tier, on someone else's step)? Such refusals are
    // audited wherever they happen, like the policy's own.
    virtual bool refusesActor(const Error &error) const
    {
        Q_UNUSED(error)
        return false;
    }
    // Short human description for audit summaries, e.g. "Zhang Wei (E0012)".
    virtual QString describe(const Record &record) const = 0;
};

struct EntityDef
{
    QString name;  // "employee"
    QString table; // "employee"
    QList<FieldDef> fields;
    bool appendOnly = false;
    std::shared_ptr<const EntityRules> rules;

    const FieldDef *field(QStringView fieldName) const;
};

// All entities a store knows. Modules register theirs once at start-up.
class EntityRegistry
{
public:
    static EntityRegistry &instance();

    void add(EntityDef def);
    const EntityDef *find(QStringView name) const;
    QList<const EntityDef *> all() const;

private:
    QHash<QString, std::shared_ptr<EntityDef>> m_defs;
    QList<QString> m_order;
};

// Field definitions read best as one line each.
namespace fields {
FieldDef text(const char *name, int maxLength, bool required = false);
FieldDef note(const char *name, int maxLength);
FieldDef ofType(const char *name, FieldType type, bool required = false);
FieldDef ref(const char *name, const char *entity, bool required = false);
FieldDef oneOf(const char *name, QStringList values, bool required = true);
} // namespace fields

// Checks one field value from an operation against its definition and
// returns it normalised (text trimmed, NFC) as the store keeps it: QString,
// qint64 or bool; an invalid QVariant for null (clears an optional field).
Result<QVariant> validateField(const FieldDef &def, const QJsonValue &value);

// Title of a field for messages, in the user's language
// ("departure_date" -> "Departure date" / "离职日期").
QString fieldLabel(const QString &name);
// The same title in English, for audit summaries: evidence is stored in one
// language, whatever the language of the person who made the change.
QString fieldTitleEnglish(const QString &name);

} // namespace baton
