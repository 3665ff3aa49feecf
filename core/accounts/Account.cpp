#include "Account.h"

#include "../api/ApiClient.h"
#include "../api/ServerConfig.h"
#include "../auth/Session.h"
#include "AccountConsole.h"

namespace Smtpd {

Account::Account(const AccountRecord &record, const QList<QSslCertificate> &caCertificates,
    QNetworkAccessManager *network, const Clock *clock, TokenStore *store, QObject *parent)
    : QObject(parent)
    , m_record(record)
    , m_api(new ApiClient(network, clock, this))
    , m_session(new Session(m_api, store, clock, this))
    , m_console(new AccountConsole(m_session, m_api, this))
{
    QList<QSslCertificate> authorities = caCertificates;
    if (authorities.isEmpty() && !record.caFile.isEmpty())
        m_problem = loadCaCertificates(record.caFile, &authorities);
    const QString serverProblem = m_api->setServer(record.server, authorities);
    if (!serverProblem.isEmpty())
        m_problem = serverProblem;
    connect(m_session, &Session::profileChanged, this, [this](const Profile &profile) {
        const QString name = profile.displayName();
        if (!name.isEmpty() && name != m_record.name) {
            m_record.name = name;
            emit nameChanged();
        }
    });
}

void Account::setCertificateAuthority(
    const QString &caFile, const QList<QSslCertificate> &authorities)
{
    m_record.caFile = caFile;
    m_problem = m_api->setServer(m_record.server, authorities);
}

QString Account::displayName() const
{
    return m_record.name.isEmpty() ? who() : m_record.name;
}

bool Account::matches(const QString &name) const
{
    const QString wanted = name.trimmed();
    auto isMe = [this](const QString &n) {
        return n.compare(who(), Qt::CaseInsensitive) == 0
            || n.compare(m_record.whoInEnglish(), Qt::CaseInsensitive) == 0
            || (!m_record.name.isEmpty() && n.compare(m_record.name, Qt::CaseInsensitive) == 0);
    };
    if (isMe(wanted))
        return true;
    const int at = wanted.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return false;
    const QString server = wanted.mid(at + 1).toLower();
    const QUrl url = m_record.server;
    const QString host = url.host().toLower();
    const QString hostPort = host + QLatin1Char(':') + QString::number(url.port(443));
    const bool serverMatches = server == host || server == hostPort || server == origin()
        || server == origin().mid(int(qstrlen("https://")));
    return serverMatches && isMe(wanted.left(at));
}

} // namespace Smtpd
