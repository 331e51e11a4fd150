#include "orgvalues.h"

namespace baton::org {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Organisation)
};

bool isCjk(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf) || c.isSurrogate();
}
} // namespace

QStringList departmentKinds()
{
    return {QStringLiteral("head_office"), QStringLiteral("department"),
            QStringLiteral("branch_store")};
}

QString departmentKindTitle(const QString &key)
{
    if (key == QLatin1String("head_office"))
        return Tr::tr("Head office");
    if (key == QLatin1String("department"))
        return Tr::tr("Department");
    if (key == QLatin1String("branch_store"))
        return Tr::tr("Branch store");
    return key;
}

QStringList employeeStatuses()
{
    return {QStringLiteral("active"), QStringLiteral("on_leave"), QStringLiteral("departing"),
            QStringLiteral("departed")};
}

QString employeeStatusTitle(const QString &key)
{
    if (key == QLatin1String("active"))
        return Tr::tr("Active");
    if (key == QLatin1String("on_leave"))
        return Tr::tr("On leave");
    if (key == QLatin1String("departing"))
        return Tr::tr("Departing");
    if (key == QLatin1String("departed"))
        return Tr::tr("Departed");
    return key;
}

const QStringList &currencyCodes()
{
    static const QStringList codes = QStringLiteral("AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM "
                                                    "BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN "
                                                    "BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP "
                                                    "CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD "
                                                    "FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL "
                                                    "HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY "
                                                    "KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP "
                                                    "LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP "
                                                    "MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK "
                                                    "NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR "
                                                    "RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP "
                                                    "SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT "
                                                    "TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS "
                                                    "VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW "
                                                    "ZWL")
                                         .split(QLatin1Char(' '));
    return codes;
}

QString displayName(const QString &familyName, const QString &givenName)
{
    const bool cjk = (!familyName.isEmpty() && isCjk(familyName.front()))
                     || (!givenName.isEmpty() && isCjk(givenName.front()));
    if (cjk)
        return familyName + givenName;
    if (givenName.isEmpty())
        return familyName;
    if (familyName.isEmpty())
        return givenName;
    return givenName + QLatin1Char(' ') + familyName;
}

} // namespace baton::org
