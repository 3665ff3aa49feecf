#pragma once

#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

namespace Smtpd {

// What the app remembers about one account between runs, in QSettings: never a secret. The
// tokens live in the keychain item named by id().
struct AccountRecord
{
    QUrl server; // the API's base URL (https)
    QString principal; // principalFor() of the email or API key that signed in
    QString name; // the display name last seen ("Dana Demo"); may be empty
    QString caFile; // a private CA for a self-hosted server; empty for the public ones

    // "<origin>/<principal>": the account's identity and its keychain item's key.
    QString id() const;
    QString origin() const;
    bool isProductionServer() const;
    // The email, or "API key 3fa2c1" for a key (the key itself is a credential), in the
    // user's language.
    QString who() const;
    // The same, always in English: what scripts see (`accounts --json`, `--names`).
    QString whoInEnglish() const;
    // A whoInEnglish() in the user's language (the command line's listings).
    static QString translatedWho(const QString &whoInEnglish);
    bool isApiKey() const;
};

// The remembered list of accounts, in order, and which one is the default.
struct AccountList
{
    QList<AccountRecord> records;
    QString defaultId;
    bool adopted = false; // taken over from an older version's settings just now

    // Reads the list. The first time (no list written yet) it adopts what the previous
    // version remembered: one account per server origin ("lastAccount/<origin>") and, before
    // that, one account on the production server ("account/last"). `current` is the server
    // the app was started for (its CA file goes with it): an adopted account on it gets its
    // full URL and CA file, and becomes the default.
    static AccountList load(QSettings &settings, const QUrl &current, const QString &currentCaFile);
    void save(QSettings &settings) const;
};

} // namespace Smtpd
