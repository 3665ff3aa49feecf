// The account endpoints' decoders on any bytes: API keys (list, one, a new key), a key's
// sessions (read defensively), plans (one, the catalogue) and usage.
#include "FuzzSupport.h"
#include "api/ApiKey.h"
#include "api/Billing.h"

using namespace Smtpd;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

static void checkRefusal(const ApiError &error, const char *what)
{
    Fuzz::check(error.kind() == ApiError::Kind::Protocol, what);
    Fuzz::check(!error.userMessage().isEmpty(), "a refusal without a message");
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = Fuzz::bytes(data, size);
    ApiError error;

    const QList<ApiKey> keys = ApiKey::listFromJson(body, &error);
    if (error) {
        checkRefusal(error, "key list error is not Protocol");
        Fuzz::check(keys.isEmpty(), "a refused key list has keys");
    }
    for (const ApiKey &key : keys) {
        Fuzz::check(!key.id.isEmpty() && key.createdAt.isValid(), "an accepted key is incomplete");
        Fuzz::check(key == key, "a key differs from itself");
        (void)key.maskedKey();
    }

    const ApiKey one = ApiKey::fromJson(body, &error);
    if (error)
        checkRefusal(error, "key error is not Protocol");
    Fuzz::check(error || !one.id.isEmpty(), "an accepted key without an id");

    const NewApiKey created = NewApiKey::fromJson(body, &error);
    if (error) {
        checkRefusal(error, "new key error is not Protocol");
        Fuzz::check(created.secret.isEmpty(), "a refused new key keeps its secret");
    }
    Fuzz::check(bool(error) != created.isValid(), "a new key neither valid nor refused");

    const QList<ApiKeySession> sessions = ApiKeySession::listFromJson(body, &error);
    if (error) {
        checkRefusal(error, "sessions error is not Protocol");
        Fuzz::check(sessions.isEmpty(), "refused sessions are listed");
    }
    for (const ApiKeySession &session : sessions)
        Fuzz::check(session == session, "a session differs from itself");

    const Plan plan = Plan::fromJson(body, &error);
    if (error)
        checkRefusal(error, "plan error is not Protocol");
    Fuzz::check(bool(error) != plan.isValid(), "a plan neither valid nor refused");
    Fuzz::check(plan.pricePerMonth.value >= 0 && plan.extraThousandEmailsCost.value >= 0,
        "a negative price");
    Fuzz::check(plan.maxEmailsPerMonth >= 0, "a negative limit");

    const QList<Plan> plans = Plan::listFromJson(body, &error);
    if (error)
        checkRefusal(error, "plan list error is not Protocol");
    for (const Plan &p : plans)
        Fuzz::check(p.isValid(), "an accepted plan list holds an invalid plan");

    const Usage usage = Usage::fromJson(body, &error);
    if (error)
        checkRefusal(error, "usage error is not Protocol");
    Fuzz::check(
        usage.total >= 0 && usage.proccessed >= 0 && usage.delivered >= 0, "a negative count");
    for (qint64 count : usage.byCategory)
        Fuzz::check(count >= 0, "a negative category");
    (void)usage.shareOf(plan);
    return 0;
}
