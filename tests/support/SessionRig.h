#pragma once

#include "EmulatorFixture.h"
#include "ManualClock.h"
#include "ProbeNetwork.h"
#include "api/ApiClient.h"
#include "auth/Session.h"
#include "auth/TokenStore.h"

#include <QNetworkAccessManager>

namespace TestSupport {

// A Session wired to the emulator over TLS, with a manual clock that both sides follow:
// the emulator's time is the test clock's true time plus `serverOffsetMs`, so advancing the
// clock ages tokens on the server too. The session's timers run on the manual clock at the
// product's real intervals: advancing it fires them.
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
    ProbeNetwork &network() { return m_network; }

    void setServerOffsetMs(qint64 offset) { server().accounts().setClockOffsetMs(offset); }
    // A fresh Session on the same store, clock and server (an app restart).
    Smtpd::Session &restart();

    // Signs in as the demo user and waits until Active. False when that did not happen.
    bool signIn(bool waitForProfile = true);
    // Loads what the store holds for the demo user right now.
    Smtpd::StoredSession stored(bool *found = nullptr);
    // How many refresh requests the emulator has seen.
    int refreshCount() const;
    // Moves the clock in `stepMs` steps (timers fire at their real intervals), letting the
    // network answer after each, until `done` holds; false when it did not within maxSteps.
    bool advanceUntil(const std::function<bool()> &done, qint64 stepMs, int maxSteps = 100);

private:
    ManualClock m_clock;
    EmulatorFixture m_emulator;
    ProbeNetwork m_network;
    std::unique_ptr<Smtpd::ApiClient> m_api;
    std::unique_ptr<Smtpd::MemoryTokenStore> m_ownStore;
    Smtpd::TokenStore *m_store;
    std::unique_ptr<Smtpd::Session> m_session;
};

} // namespace TestSupport
