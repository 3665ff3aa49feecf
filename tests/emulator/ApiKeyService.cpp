#include "ApiKeyService.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

namespace SmtpdEmulator {

namespace {

QByteArray hashOf(const QString &secret)
{
    return QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256);
}

QString randomToken(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

void ApiKeyService::addConfigured(
    const User &owner, const ApiKeyCredential &credential, qint64 nowMs)
{
    Key key;
    key.id = credential.id.isEmpty() ? newId() : credential.id;
    key.accountId = owner.accountId;
    key.userId = owner.id;
    key.name = credential.name.isEmpty() ? credential.key : credential.name;
    key.key = credential.key;
    key.secretHash = hashOf(credential.secret);
    key.role = credential.role;
    key.createdMs = key.modifiedMs = nowMs;
    m_keys.append(key);
}

const ApiKeyService::Key &ApiKeyService::create(
    const User &owner, const QString &name, const QString &role, QString *secret, qint64 nowMs)
{
    *secret = randomToken(36); // 48 characters
    Key key;
    key.id = newId();
    key.accountId = owner.accountId;
    key.userId = owner.id;
    key.name = name;
    key.key = randomToken(18); // 24 characters, no ':' (it is a Basic user name)
    key.secretHash = hashOf(*secret);
    key.role = role;
    key.createdMs = key.modifiedMs = nowMs;
    m_keys.append(key);
    return m_keys.last();
}

const ApiKeyService::Key *ApiKeyService::find(const QString &id) const
{
    for (const Key &key : m_keys)
        if (key.id == id)
            return &key;
    return nullptr;
}

ApiKeyService::Key *ApiKeyService::findMutable(const QString &id)
{
    return const_cast<Key *>(find(id));
}

const ApiKeyService::Key *ApiKeyService::findByKey(const QString &key) const
{
    if (key.isEmpty())
        return nullptr;
    for (const Key &k : m_keys)
        if (k.key == key)
            return &k;
    return nullptr;
}

const ApiKeyService::Key *ApiKeyService::match(const QString &key, const QString &secret) const
{
    const Key *found = findByKey(key);
    return found && found->secretHash == hashOf(secret) ? found : nullptr;
}

bool ApiKeyService::isActive(const Key &key, qint64 nowMs) const
{
    const qint64 lastActivity = key.lastAccessedMs > 0 ? key.lastAccessedMs : key.createdMs;
    return !key.revoked && nowMs - lastActivity < InactivityLimitMs;
}

void ApiKeyService::touch(const QString &id, qint64 nowMs)
{
    if (Key *key = findMutable(id))
        key->lastAccessedMs = qMax(key->lastAccessedMs, nowMs);
}

void ApiKeyService::revoke(const QString &id, qint64 nowMs)
{
    Key *key = findMutable(id);
    if (!key || key->revoked)
        return;
    key->revoked = true;
    key->modifiedMs = nowMs;
}

QList<const ApiKeyService::Key *> ApiKeyService::inAccount(const QString &accountId) const
{
    QList<const Key *> keys;
    for (const Key &key : m_keys)
        if (key.accountId == accountId)
            keys.append(&key);
    return keys;
}

QJsonObject ApiKeyService::toJson(const Key &key, qint64 nowMs) const
{
    return {
        {QStringLiteral("id"), key.id},
        {QStringLiteral("account_id"), key.accountId},
        {QStringLiteral("name"), key.name},
        {QStringLiteral("key"), key.key},
        {QStringLiteral("is_active"), isActive(key, nowMs)},
        {QStringLiteral("last_accessed_at_utc"), key.lastAccessedMs / 1000},
        {QStringLiteral("created_at_utc"), key.createdMs / 1000},
        {QStringLiteral("modified_at_utc"), key.modifiedMs / 1000},
        {QStringLiteral("role"), key.role},
    };
}

} // namespace SmtpdEmulator
