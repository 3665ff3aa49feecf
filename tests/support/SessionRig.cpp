#include "SessionRig.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace Smtpd;

namespace TestSupport {

SessionRig::SessionRig(TokenStore *store)
    : m_api(std::make_unique<ApiClient>(&m_network, &m_clock))
    , m_ownStore(store ? nullptr : std::make_unique<MemoryTokenStore>())
    , m_store(store ? store : m_ownStore.get())
{
    // The server follows true time: a suspend moves it, a hand-set local clock does not.
    m_network.setMonotonicSource([this] { return m_clock.monotonicMs(); });
    server().accounts().setTimeSource([this] { return m_clock.trueNow(); });
    m_api->setServer(m_emulator.baseUrl(), EmulatorFixture::caCertificates());
    m_session = std::make_unique<Session>(m_api.get(), m_store, &m_clock);
}

SessionRig::~SessionRig()
{
    m_session.reset();
}

Session &SessionRig::restart()
{
    m_session.reset();
    m_session = std::make_unique<Session>(m_api.get(), m_store, &m_clock);
    return *m_session;
}

bool SessionRig::signIn(bool waitForProfile)
{
    QSignalSpy states(m_session.get(), &Session::stateChanged);
    m_session->signIn(DemoEmail, DemoPassword);
    // Signed in once the grant is in; the profile follows right after. Both, and every
    // request they make, are done before the test goes on.
    auto done = [this, waitForProfile] {
        return m_session->state() == Session::State::Active
            && (!waitForProfile || (m_session->profile().isValid() && m_network.inFlight() == 0));
    };
    for (int i = 0; i < 100 && !done(); ++i) {
        if (m_session->state() == Session::State::SignedOut
            || m_session->state() == Session::State::KeychainUnavailable)
            return false;
        if (QTest::qWaitFor(done, 200))
            break;
    }
    return done();
}

StoredSession SessionRig::stored(bool *found)
{
    StoreJob *job = m_store->load(storageKeyFor(serverOrigin(m_api->baseUrl()), DemoEmail));
    QSignalSpy finished(job, &StoreJob::finished);
    if (!job->isFinished())
        finished.wait(15000);
    const StoredSession session = job->session();
    if (found)
        *found = job->found();
    delete job;
    return session;
}

int SessionRig::refreshCount() const
{
    int count = 0;
    for (const auto &request : const_cast<EmulatorFixture &>(m_emulator).server().requests())
        count += request.query == QLatin1String("grant_type=refresh_token");
    return count;
}

bool SessionRig::advanceUntil(const std::function<bool()> &done, qint64 stepMs, int maxSteps)
{
    for (int step = 0; step < maxSteps; ++step) {
        if (done())
            return true;
        m_clock.advance(stepMs);
        QCoreApplication::processEvents();
        m_network.waitQuiet();
        if (QTest::qWaitFor(done, 50)) // the answer's own queued follow-ups
            return true;
    }
    return done();
}

} // namespace TestSupport
