// Application: which window shows and what the windows say (wiring and flows:
// Application.cpp).
#include "AccountListEntry.h"
#include "AccountUi.h"
#include "AccountWindow.h"
#include "Application.h"
#include "AvatarView.h"
#include "KeychainProblemWindow.h"
#include "Logging.h"
#include "SessionPresenter.h"
#include "SignInWindow.h"
#include "TokenClipboard.h"
#include "TrayIcon.h"
#include "accounts/AccountManager.h"
#include "avatar/AvatarFetcher.h"

#include <QEvent>
#include <QLocale>

namespace Smtpd {

void Application::updateAll()
{
    SessionPresenter *presenter = currentPresenter();
    const bool several = m_accounts->accounts().size() > 1;
    SessionPresenter::Windows windows;
    if (presenter) {
        windows = presenter->windows();
        if (!windows.signIn)
            m_signInDismissed.remove(m_current->id());
    }
    const bool currentNeedsSignIn
        = m_current && windows.signIn && !(several && m_signInDismissed.contains(m_current->id()));
    m_wantKeychain = m_current && windows.keychain;
    m_wantAccount = m_current && (several || windows.account);
    m_wantSignIn = m_addingAccount || !m_current || currentNeedsSignIn;
    if (!m_wantKeychain && !m_wantAccount)
        m_wantSignIn = true; // some window is always there to come back to
    updateSignInForm();
    updateAccountPage();
    updateLists();
    applyVisibility();
}

// The form is set up when it opens for someone (a new account, or the shown one to sign in
// again), and left alone while it shows: nothing typed is lost to a background change.
void Application::updateSignInForm()
{
    const QString formFor = !m_wantSignIn
        ? FormForNobody
        : (m_addingAccount || !m_current ? QString() : m_current->id());
    if (formFor != m_signInFormFor) {
        m_signInFormFor = formFor;
        m_signInWindow->clearError();
        if (formFor.isEmpty()) {
            m_signInWindow->setServer(m_options.apiUrl, m_options.caFile);
            m_signInWindow->setServerLocked(false);
            m_signInWindow->setEmail({});
            m_signInWindow->setNotice({});
        } else if (m_current) {
            m_signInWindow->setServer(m_current->server(), m_current->record().caFile);
            m_signInWindow->setServerLocked(true);
            // Its own email; an API key is a credential and is never put back.
            const bool key = m_current->record().isApiKey();
            m_signInWindow->setMode(
                key ? SignInWindow::Mode::ApiKey : SignInWindow::Mode::EmailPassword);
            m_signInWindow->setEmail(key ? QString() : m_current->who());
            m_signInWindow->setNotice({});
        }
    }
    Session *current = m_current ? m_current->session() : nullptr;
    if (current && formFor == m_current->id()
        && (current->state() == Session::State::Expired
            || current->state() == Session::State::SignedOut)) {
        m_signInWindow->setNotice(currentPresenter()->signInNotice());
    }
    const bool busy = m_signingIn && m_signingIn->session()->state() == Session::State::SigningIn;
    m_signInWindow->setBusy(busy);
    const bool renewing = currentPresenter() && currentPresenter()->isRenewing();
    m_signInWindow->setDismissible((m_addingAccount && !m_accounts->accounts().isEmpty())
        || renewing || (!formFor.isEmpty() && m_accounts->accounts().size() > 1));
}

void Application::updateAccountPage()
{
    if (!m_current) {
        m_accountWindow->setCopyEnabled(false);
        return;
    }
    Session *session = m_current->session();
    using State = Session::State;
    const State state = session->state();
    m_accountWindow->setProfile(session->profile());
    QString status = currentPresenter() ? currentPresenter()->statusLine() : QString();
    if (!m_current->problem().isEmpty()) // e.g. its CA file is gone: say why it cannot connect
        status = tr("This account's server settings cannot be used: %1 Sign in again with Add "
                    "account to choose a working CA file.")
                     .arg(m_current->problem());
    m_accountWindow->setStatus(status);
    m_accountWindow->setCopyEnabled(session->hasTokens() && state != State::SigningOut);
    m_accountWindow->setBusy(state == State::SigningOut || state == State::Restoring);
    // The banner: a signed-out account among several keeps its page and is offered the way
    // back in; a session near its 30-day end is offered a new one.
    QString offer;
    if (state == State::Expired || state == State::SignedOut) {
        const QString why = currentPresenter() ? currentPresenter()->signInNotice() : QString();
        offer = why.isEmpty() ? tr("This account is signed out.") : why;
    } else if (AccountUi *ui = uiFor(m_current); ui && ui->sessionEndingSoon().isValid()) {
        offer = tr("Your session ends %1 (every session lasts 30 days).")
                    .arg(QLocale().toString(
                        ui->sessionEndingSoon().toLocalTime(), QLocale::ShortFormat));
    }
    m_accountWindow->setRenewalOffer(offer);
    m_keychainWindow->setReason(SessionTexts::describe(session->reason(), session->reasonDetail()));
    if (AccountUi *ui = uiFor(m_current);
        ui && !ui->picture().isEmpty() && !m_accountWindow->avatar()->showsPicture())
        m_accountWindow->avatar()->setPicture(ui->picture());
    updateTokenPanel();
}

void Application::updateTokenPanel()
{
    if (!m_current)
        return;
    Session *session = m_current->session();
    m_accountWindow->setExpiries(session->accessTokenExpiry(), session->sessionEnd());
    m_accountWindow->setStorage(session->storageDescription());
    const bool ours = m_clipboardAccount == m_current->id();
    m_accountWindow->setCopyConfirmation(
        ours && m_clipboard->isTracking(), ours ? m_clipboard->secondsLeft() : 0);
}

void Application::updateLists()
{
    const Account *defaultAccount = m_accounts->defaultAccount();
    QList<AccountListEntry> entries;
    QList<TrayAccount> trays;
    for (Account *account : m_accounts->accounts()) {
        const AccountUi *ui = uiFor(account);
        if (!ui)
            continue;
        entries.append(ui->listEntry(account == defaultAccount));
        trays.append(ui->trayAccount(account == defaultAccount));
    }
    m_fillingList = true;
    m_accountWindow->setAccounts(entries);
    if (m_current)
        m_accountWindow->setCurrentAccount(m_current->id());
    m_fillingList = false;
    m_tray->setAccounts(trays);
}

void Application::applyVisibility()
{
    m_accountWindow->setVisible(!m_hiddenToTray && m_wantAccount);
    m_keychainWindow->setVisible(!m_hiddenToTray && m_wantKeychain);
    m_signInWindow->setVisible(!m_hiddenToTray && m_wantSignIn);
}

QWidget *Application::currentWindow() const
{
    if (m_wantKeychain)
        return m_keychainWindow;
    if (m_wantSignIn)
        return m_signInWindow;
    return m_accountWindow;
}

void Application::raiseWindow()
{
    m_hiddenToTray = false;
    applyVisibility();
    QWidget *window = currentWindow();
    window->showNormal();
    window->raise();
    window->activateWindow();
}

void Application::raiseWindowOn(const QString &name)
{
    if (!name.isEmpty()) {
        if (Account *named = m_accounts->find(name))
            setCurrentAccount(named);
        else
            qCWarning(lcAccounts) << "a later launch's --account names no single account";
    }
    raiseWindow();
}

void Application::toggleWindow()
{
    if (!m_hiddenToTray && currentWindow()->isVisible() && m_tray->isShown()) {
        m_hiddenToTray = true;
        applyVisibility();
        return;
    }
    raiseWindow();
}

// Closing a window keeps the app in the tray when there is one; without a tray the app is a
// plain window application and closing its last window quits it. Closing the sign-in
// window over the account list is a cancel.
bool Application::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Close && watched == m_signInWindow && m_wantAccount && m_wantSignIn
        && !m_hiddenToTray) {
        // At once: a cancel queued for later could meet a form opened and sent again.
        onSignInCancelled();
        return QObject::eventFilter(watched, event);
    }
    if (event->type() == QEvent::Close && m_tray->isShown())
        m_hiddenToTray = true;
    else if (event->type() == QEvent::Close)
        // Once the window is gone: the last one closing ends a window application.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_signInWindow->isVisible() && !m_accountWindow->isVisible()
                    && !m_keychainWindow->isVisible())
                    quit();
            },
            Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}

} // namespace Smtpd
