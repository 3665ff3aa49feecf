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
    dana.role = QStringLiteral("owner");
    ApiKeyCredential demoKey;
    demoKey.key = QStringLiteral("demo-api-key");
    demoKey.secret = QStringLiteral("demo-api-secret");
    demoKey.name = QStringLiteral("Demo key");
    demoKey.role = QStringLiteral("standard");
    demoKey.id = QStringLiteral("6a1f3c0e-2b7d-4e59-9c1a-0d5e8f2b7a41");
    dana.apiKeys = {demoKey};
    // Near the monthly limit, so the app's warning shows: 4,087 of 5,000 (the docs' usage).
    dana.planId = QStringLiteral("starter");
    dana.usage = {{QStringLiteral("unknown"), 40}, {QStringLiteral("accepted"), 6},
        {QStringLiteral("proccessed"), 0}, {QStringLiteral("sent"), 2},
        {QStringLiteral("delivered"), 4003}, {QStringLiteral("bounced"), 1},
        {QStringLiteral("complaint"), 0}, {QStringLiteral("rejected"), 35}};

    User jack; // the user of the documentation's examples, with no picture
    jack.id = QStringLiteral("48faf710-7818-494d-a247-23db721d6fea");
    jack.accountId = QStringLiteral("41dfc656-5bf6-4c81-b485-e7111a6a3041");
    jack.email = QStringLiteral("jack.truong@jameshardie.com");
    jack.password = QStringLiteral("jack-password");
    jack.firstName = QStringLiteral("Jack");
    jack.surname = QStringLiteral("Truong");
    jack.isOwner = true;
    jack.isVerified = false;
    jack.role = QStringLiteral("owner");
    jack.planId = QStringLiteral("free");
    jack.usage = {{QStringLiteral("accepted"), 1}, {QStringLiteral("delivered"), 212},
        {QStringLiteral("bounced"), 3}, {QStringLiteral("rejected"), 1}};
    return {dana, jack};
}

} // namespace SmtpdEmulator
