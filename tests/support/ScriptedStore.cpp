#include "ScriptedStore.h"

using namespace Smtpd;

namespace TestSupport {

StoreJob *ScriptedStore::load(const QString &key)
{
    auto *job = new StoreJob(this);
    const auto it = m_items.constFind(key);
    const bool found = it != m_items.constEnd();
    const StoredSession session = found ? *it : StoredSession {};
    if (m_holdLoads)
        m_heldLoads.append([job, found, session] { job->finishLater({}, found, session); });
    else
        job->finishLater({}, found, session);
    return job;
}

void ScriptedStore::releaseLoads()
{
    m_holdLoads = false;
    for (const auto &answer : std::exchange(m_heldLoads, {}))
        answer();
}

StoreJob *ScriptedStore::save(const StoredSession &session)
{
    auto *job = new StoreJob(this);
    const Write write {job, true, session.storageKey(), session};
    m_everSaved.insert(session.refreshToken); // asked to keep it: it is the app's
    if (m_hold)
        m_held.append(write);
    else
        apply(write);
    return job;
}

StoreJob *ScriptedStore::clear(const QString &key)
{
    auto *job = new StoreJob(this);
    const Write write {job, false, key, {}};
    if (m_hold)
        m_held.append(write);
    else
        apply(write);
    return job;
}

StoreJob *ScriptedStore::checkWritable()
{
    auto *job = new StoreJob(this);
    job->finishLater(m_failSaves ? StoreError {StoreError::Kind::Denied, QStringLiteral("locked")}
                                 : StoreError {});
    return job;
}

void ScriptedStore::setHoldWrites(bool hold)
{
    m_hold = hold;
    if (!hold)
        releaseWrites();
}

void ScriptedStore::releaseWrites()
{
    const QList<Write> held = std::exchange(m_held, {});
    for (const Write &write : held)
        apply(write);
}

void ScriptedStore::releaseWritesNewestFirst()
{
    QList<Write> held = std::exchange(m_held, {});
    std::reverse(held.begin(), held.end());
    for (const Write &write : held)
        apply(write);
}

void ScriptedStore::apply(const Write &write)
{
    ++m_applied;
    if (write.isSave && m_failSaves) {
        write.job->finishLater({StoreError::Kind::Denied, QStringLiteral("the keyring is locked")});
        return;
    }
    if (!write.isSave && m_failClears) {
        write.job->finishLater(
            {StoreError::Kind::Other, QStringLiteral("the item could not be deleted")});
        return;
    }
    if (write.isSave) {
        m_items.insert(write.key, write.session);
        m_everSaved.insert(write.session.refreshToken);
    } else
        m_items.remove(write.key);
    write.job->finishLater({});
}

} // namespace TestSupport
