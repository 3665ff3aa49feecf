#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QPixmap>
#include <QString>

class QNetworkAccessManager;

namespace Smtpd {

class Account;
class AvatarFetcher;
class SessionPresenter;
struct AccountListEntry;
struct AppOptions;
struct Profile;
struct TrayAccount;

// What the app shows for one account beside its Session: the presenter that words its state,
// and its picture. One per account in the list.
class AccountUi final : public QObject
{
    Q_OBJECT

public:
    AccountUi(Account *account, QNetworkAccessManager *network, const AppOptions &options,
        QObject *parent = nullptr);

    Account *account() const { return m_account; }
    SessionPresenter *presenter() const { return m_presenter; }
    const QByteArray &picture() const { return m_picture; }
    // Unique among accounts: "Dana Demo (demo@example.com)", and " on host:port" off the
    // production server.
    QString label() const;
    // When the session ends, once it said that is less than a day away (invalid otherwise).
    QDateTime sessionEndingSoon() const { return m_endingSoon; }
    void setSessionEndingSoon(const QDateTime &end) { m_endingSoon = end; }

    AccountListEntry listEntry(bool isDefault) const;
    TrayAccount trayAccount(bool isDefault) const;
    // Fetches the picture when the person (or their picture's address) changed; `pixels` is
    // the size to ask for.
    void updatePicture(const Profile &profile, int pixels);

signals:
    void pictureChanged();

private:
    void setPicture(const QByteArray &bytes);

    Account *m_account;
    SessionPresenter *m_presenter;
    AvatarFetcher *m_avatars;
    QByteArray m_picture;
    QPixmap m_pixmap; // m_picture decoded
    QString m_pictureEmail;
    QString m_pictureUrl;
    QDateTime m_endingSoon;
};

} // namespace Smtpd
