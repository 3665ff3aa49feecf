#include "TokenStore.h"

namespace Smtpd {

void StoreJob::finishLater(const StoreError &error, bool found, const StoredSession &session)
{
    QMetaObject::invokeMethod(
        this,
        [this, error, found, session] {
            if (m_finished)
                return;
            m_finished = true;
            m_error = error;
            m_found = found;
            m_session = session;
            emit finished();
        },
        Qt::QueuedConnection);
}

StoreJob *MemoryTokenStore::load(const QString &account)
{
    auto *job = new StoreJob(this);
    const auto it = m_sessions.constFind(account);
    job->finishLater(
        {}, it != m_sessions.constEnd(), it != m_sessions.constEnd() ? *it : StoredSession {});
    return job;
}

StoreJob *MemoryTokenStore::save(const StoredSession &session)
{
    auto *job = new StoreJob(this);
    m_sessions.insert(session.storageKey(), session);
    job->finishLater({});
    return job;
}

StoreJob *MemoryTokenStore::checkWritable()
{
    auto *job = new StoreJob(this);
    job->finishLater({});
    return job;
}

StoreJob *MemoryTokenStore::clear(const QString &account)
{
    auto *job = new StoreJob(this);
    m_sessions.remove(account);
    job->finishLater({});
    return job;
}

} // namespace Smtpd
