#include "SessionStorage.h"

namespace Smtpd {

SessionStorage::SessionStorage(TokenStore *keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_memory(new MemoryTokenStore(this))
{ }

TokenStore *SessionStorage::store() const
{
    return m_thisRunOnly || m_keychainClosed ? m_memory : m_keychain;
}

void SessionStorage::save(const StoredSession &session, const Done &done)
{
    // A save waiting behind the one in flight is replaced: only the newest tokens matter.
    if (!m_queue.isEmpty() && m_queue.last().isSave && m_queue.last().target == store()
        && m_queue.last().session.storageKey() == session.storageKey()) {
        m_queue.last().session = session;
        if (done)
            m_queue.last().done.append(done);
    } else {
        m_queue.append({true, session, session.storageKey(),
            done ? QList<Done> {done} : QList<Done> {}, store()});
    }
    startNext();
}

void SessionStorage::remove(const QString &key, const Done &done)
{
    m_queue.append({false, {}, key, done ? QList<Done> {done} : QList<Done> {}, store()});
    startNext();
}

void SessionStorage::cancelPendingSaves()
{
    m_queue.removeIf([](const Work &work) { return work.isSave; });
    if (!isBusy())
        QMetaObject::invokeMethod(this, &SessionStorage::idle, Qt::QueuedConnection);
}

void SessionStorage::startNext()
{
    if (m_running || m_queue.isEmpty())
        return;
    Work work = m_queue.takeFirst();
    m_running = true;
    StoreJob *job = work.isSave ? work.target->save(work.session) : work.target->clear(work.key);
    connect(job, &StoreJob::finished, this, [this, job, done = work.done] {
        job->deleteLater();
        m_running = false;
        const StoreError error = job->error();
        for (const Done &callback : done)
            callback(error);
        startNext();
        if (!isBusy())
            emit idle();
    });
}

} // namespace Smtpd
