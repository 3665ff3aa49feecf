#include "DemoUsers.h"

namespace SmtpdEmulator {

QList<User> demoUsers()
{
    User dana;
    dana.id = QStringLiteral("19ab52c7-da60-4dd2-af27-19f17d6afe37");
    dana.accountId = QStringLiteral("811affc1-66c7-4982-b39e-29f9536b4720");
    dana.email = QStringLiteral("demo@example.com");
    dana.password = QStringLiteral("demo-password");
    dana.firstName = QStringLiteral("Dana");
    dana.surname = QStringLiteral("Demo");
    dana.isOwner = true;
    dana.isVerified = true;
    dana.hasPicture = true;
    dana.apiKeys = {{QStringLiteral("demo-api-key"), QStringLiteral("demo-api-secret")}};

    User jack; // the user of the documentation's examples, with no picture
    jack.id = QStringLiteral("48faf710-7818-494d-a247-23db721d6fea");
    jack.accountId = QStringLiteral("41dfc656-5bf6-4c81-b485-e7111a6a3041");
    jack.email = QStringLiteral("jack.truong@jameshardie.com");
    jack.password = QStringLiteral("jack-password");
    jack.firstName = QStringLiteral("Jack");
    jack.surname = QStringLiteral("Truong");
    jack.isOwner = true;
    jack.isVerified = false;
    return {dana, jack};
}

} // namespace SmtpdEmulator
