#include "FaultSpec.h"

#include <QHash>
#include <QRegularExpression>

namespace SmtpdEmulator {

namespace {
constexpr qint64 MaxDelayMs = 24LL * 3600 * 1000;
constexpr qint64 MaxHugeBytes = 1LL << 40;
constexpr qint64 MaxRetryAfterSeconds = 365LL * 24 * 3600;
} // namespace

QString parseWholeNumber(
    const QString &what, const QString &text, qint64 min, qint64 max, qint64 *value)
{
    static const QRegularExpression number(QStringLiteral("^-?[0-9]{1,18}$"));
    bool ok = number.match(text).hasMatch();
    const qint64 parsed = ok ? text.toLongLong(&ok) : 0;
    if (!ok || parsed < min || parsed > max)
        return QStringLiteral("%1 must be a whole number from %2 to %3, not \u201c%4\u201d")
            .arg(what)
            .arg(min)
            .arg(max)
            .arg(text);
    *value = parsed;
    return {};
}

QString parseFaultSpec(const QString &spec, Fault *fault)
{
    const QStringList parts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return QStringLiteral("empty fault");
    *fault = Fault {};
    const QString kind = parts.first().section(QLatin1Char('='), 0, 0).trimmed();
    static const QHash<QString, Fault::Kind> kinds {
        {QStringLiteral("down"), Fault::Kind::Drop},
        {QStringLiteral("drop"), Fault::Kind::Drop},
        {QStringLiteral("slow"), Fault::Kind::Slow},
        {QStringLiteral("status"), Fault::Kind::Status},
        {QStringLiteral("malformed"), Fault::Kind::MalformedJson},
        {QStringLiteral("huge"), Fault::Kind::HugeBody},
        {QStringLiteral("truncated"), Fault::Kind::TruncatedBody},
        {QStringLiteral("redirect"), Fault::Kind::Redirect},
        {QStringLiteral("html"), Fault::Kind::HtmlPage},
    };
    if (!kinds.contains(kind))
        return QStringLiteral("unknown fault kind \u201c%1\u201d").arg(kind);
    fault->kind = kinds.value(kind);
    for (int i = 0; i < parts.size(); ++i) {
        const QString key = parts.at(i).section(QLatin1Char('='), 0, 0).trimmed();
        QString value = parts.at(i).section(QLatin1Char('='), 1);
        if (key == QLatin1String("body")) // the body may hold commas: it takes the rest
            value = QStringList(parts.mid(i)).join(QLatin1Char(',')).section(QLatin1Char('='), 1);
        const QString what = QStringLiteral("\u201c%1\u201d").arg(key);
        qint64 number = 0;
        QString error;
        if (key == QLatin1String("status") && parts.at(i).contains(QLatin1Char('='))) {
            error = parseWholeNumber(what, value, 200, 599, &number);
            fault->status = static_cast<int>(number);
        } else if (key == QLatin1String("paths")) {
            fault->pathPrefixes = value.split(QLatin1Char(':'), Qt::SkipEmptyParts);
            for (const QString &prefix : std::as_const(fault->pathPrefixes))
                if (!prefix.startsWith(QLatin1Char('/')))
                    error = QStringLiteral("every path in \u201cpaths\u201d must start with /");
        } else if (key == QLatin1String("count")) {
            error = parseWholeNumber(what, value, 1, 1000000000, &number);
            fault->count = static_cast<int>(number);
        } else if (key == QLatin1String("delay")) {
            error = parseWholeNumber(what + QStringLiteral(" (ms)"), value, 0, MaxDelayMs, &number);
            fault->delayMs = static_cast<int>(number);
        } else if (key == QLatin1String("body")) {
            fault->body = value.toUtf8();
            break;
        } else if (key == QLatin1String("retry-after")) {
            error = parseWholeNumber(
                what + QStringLiteral(" (seconds)"), value, 0, MaxRetryAfterSeconds, &number);
            fault->headers.append(qMakePair(QByteArray("Retry-After"), value.toLatin1()));
        } else if (key == QLatin1String("target")) {
            fault->redirectTarget = QUrl(value, QUrl::StrictMode);
            const QString scheme = fault->redirectTarget.scheme();
            if (!fault->redirectTarget.isValid() || fault->redirectTarget.host().isEmpty()
                || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
                error = QStringLiteral("\u201ctarget\u201d must be an http or https URL, not "
                                       "\u201c%1\u201d")
                            .arg(value);
        } else if (key == QLatin1String("bytes")) {
            error = parseWholeNumber(what, value, 0, MaxHugeBytes, &fault->hugeBytes);
        } else if (key != kind) {
            return QStringLiteral("unknown fault setting \u201c%1\u201d").arg(key);
        }
        if (!error.isEmpty())
            return error;
    }
    if (fault->kind == Fault::Kind::Redirect && !fault->redirectTarget.isValid())
        return QStringLiteral("redirect needs target=URL");
    return {};
}

} // namespace SmtpdEmulator
