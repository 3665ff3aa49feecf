#pragma once

#include "EmulatorFixture.h"
#include "ManualClock.h"
#include "api/ApiClient.h"
#include "auth/Session.h"
#include "auth/TokenStore.h"

#include <QNetworkAccessManager>

namespace TestSupport {

// A Session wired to the emulator over TLS, with a manual clock that both sides follow:
// the emulator's time is the test clock's wall time plus `serverOffsetMs`, so advancing the
// clock ages tokens on the server too. Timers are tuned short so tests run in accelerated
// time; the logic under test is the product's.
class SessionRig
{
public:
    explicit SessionRig(Smtpd::TokenStore *store = nullptr);
    ~SessionRig();

    bool isReady() const { return m_emulator.isRunning(); }
    SmtpdEmulator::EmulatorServer &server() { return m_emulator.server(); }
    ManualClock &clock() { return m_clock; }
    Smtpd::ApiClient &api() { return *m_api; }
    Smtpd::Session &session() { return *m_session; }
    Smtpd::TokenStore &store() { return *m_store; }
    QNetworkAccessManager &network() { return m_network; }

    void setServerOffsetMs(qint64 offset) { server().accounts().setClockOffsetMs(offset); }
    // A fresh Session on the same store, clock and server (an app restart).
    Smtpd::Session &restart();

    // Signs in as the demo user and waits until Active. False when that did not happen.
    bool signIn();
    // Loads what the store holds for the demo user right now.
    Smtpd::StoredSession stored(bool *found = nullptr);
    // How many refresh requests the emulator has seen.
    int refreshCount() const;

private:
    void tune(Smtpd::Session &session);

    ManualClock m_clock;
    EmulatorFixture m_emulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<Smtpd::ApiClient> m_api;
    std::unique_ptr<Smtpd::MemoryTokenStore> m_ownStore;
    Smtpd::TokenStore *m_store;
    std::unique_ptr<Smtpd::Session> m_session;
};

} // namespace TestSupport
